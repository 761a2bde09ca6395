"""The production settings, with DEBUG off, plus one trivial view for the baseline."""

from shudarga.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
SECRET_KEY = "bench-only-not-secret"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
# The bench's clients log in with force_login: no second factor to prove (heads and reviewers
# would be sent to its page instead of the one measured).
TWO_FACTOR_REQUIRED = False
# Plain static storage: the bench runs without collectstatic.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
