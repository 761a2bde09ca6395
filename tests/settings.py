"""The settings the test suite runs with: production's (shudarga.settings), plus what tests need.

The suite talks plain HTTP to Django's test client and live server, so the HTTPS-only settings
of production are off here; tests/ops checks production's own settings in a fresh process.
"""

import tempfile
from pathlib import Path

from shudarga.filestores import file_storages
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
# Evidence and published files are written to folders of this run, not to the developer's
# var/ (whatever SHUDARGA_STORAGE says: tests that need a bucket start their own).
EVIDENCE_ROOT = Path(tempfile.mkdtemp(prefix="shudarga-evidence-"))
GENERATED_ROOT = Path(tempfile.mkdtemp(prefix="shudarga-generated-"))
STORAGES.update(file_storages({}, evidence_root=EVIDENCE_ROOT, generated_root=GENERATED_ROOT))
# A replica named by the environment is not for the suite: tests/ops/test_replica.py makes its
# own second database, with the data of the test database.
DATABASES.pop("replica", None)  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests log in with force_login; the second factor has its own tests (tests/accounts), which
# turn it on.
TWO_FACTOR_REQUIRED = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
