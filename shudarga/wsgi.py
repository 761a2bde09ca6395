"""WSGI entry point (gunicorn shudarga.wsgi, see scripts/serve)."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shudarga.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (configured by the line above)

# Refuse to start rather than serve with a key anyone could know, or fail at the first login.
try:
    settings.SECRET_KEY  # noqa: B018  (Django raises when it is empty)
except ImproperlyConfigured as exc:
    raise ImproperlyConfigured(
        "Set SHUDARGA_SECRET_KEY (or SHUDARGA_SECRET_KEY_FILE): without SHUDARGA_DEBUG=1 the "
        "server does not start without a secret key."
    ) from exc
