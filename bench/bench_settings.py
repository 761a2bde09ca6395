"""The production settings, with DEBUG off, plus one trivial view for the baseline."""

from shudarga.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
SECRET_KEY = "bench-only-not-secret"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
# Plain static storage: the bench runs without collectstatic.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
