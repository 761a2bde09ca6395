"""The settings the test suite runs with: production's (shudarga.settings), plus what tests need.

The suite talks plain HTTP to Django's test client and live server, so the HTTPS-only settings
of production are off here; tests/ops checks production's own settings in a fresh process.
"""

import tempfile
from pathlib import Path

from shudarga.settings import *  # noqa: F403

SECRET_KEY = "tests-only-not-a-secret"
SECURE_PROXY_SSL_HEADER = None
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# No collectstatic before tests: static files come from the apps' folders, unhashed.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Published files are written to a folder of this run, not to the developer's var/.
GENERATED_ROOT = Path(tempfile.mkdtemp(prefix="shudarga-generated-"))
STORAGES["generated"] = {**STORAGES["generated"], "OPTIONS": {"location": GENERATED_ROOT,
                                                              "allow_overwrite": True}}  # fmt: skip
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests log in with force_login; the second factor has its own tests (tests/accounts), which
# turn it on.
TWO_FACTOR_REQUIRED = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
