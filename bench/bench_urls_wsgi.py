"""The WSGI application of the bench settings (bench_settings: production's plus baselines)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()
