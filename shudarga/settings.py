"""Django settings. Everything that differs between machines comes from SHUDARGA_* variables."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from shudarga.filestores import file_storages

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("SHUDARGA_VAR_DIR", BASE_DIR.parent / "var"))


def _flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default) == "1"


def _list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Off unless asked for: a forgotten variable must not show tracebacks and URL lists to visitors.
DEBUG = _flag("SHUDARGA_DEBUG")


def _secret_key() -> str:
    """The key from SHUDARGA_SECRET_KEY or the file SHUDARGA_SECRET_KEY_FILE names (the demo
    generates one), a fixed one only with DEBUG. Without a key it stays empty: Django refuses
    everything that signs, and shudarga.wsgi refuses to start (commands such as migrate or
    compilemessages still run)."""
    key = os.environ.get("SHUDARGA_SECRET_KEY", "")
    key_file = os.environ.get("SHUDARGA_SECRET_KEY_FILE", "")
    if not key and key_file:
        key = Path(key_file).read_text(encoding="utf-8").strip()
    if not key and DEBUG:
        key = "insecure-development-key-only-for-debug"
    return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = _list("SHUDARGA_ALLOWED_HOSTS", "127.0.0.1,localhost")
# Behind an HTTPS proxy the login form posts from https://<host>; Django must trust that origin.
CSRF_TRUSTED_ORIGINS = _list("SHUDARGA_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # django.contrib.admin whose site records every admin action as an audit event.
    "shudarga.audit.apps.AuditedAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # runserver (SHUDARGA_DEBUG=1) serves static files the way gunicorn does: through whitenoise.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "treebeard",
    "simple_history",
    "shudarga.accounts",
    "shudarga.audit",
    "shudarga.orgs",
    "shudarga.plans",
    "shudarga.web",
    "shudarga.portal",
    # The JSON API; "ninja" serves its Swagger UI assets locally (no CDN).
    "ninja",
    "shudarga.api",
    # Long work (ZIPs, large PDFs, web imports) as jobs a worker runs, with their progress.
    "shudarga.jobs",
    # In-app and e-mail notifications of the workflow and the reporting deadlines.
    "shudarga.notifications",
    # Background tasks in the database (``manage.py db_worker`` runs them; scripts/serve
    # starts one beside gunicorn).
    "django_tasks",
    "django_tasks_db",
    # django-csp: its system checks warn about settings of its older versions.
    "csp",
    # Failed logins recorded, and a username locked after too many from one address.
    "axes",
    # A second factor (TOTP, an authenticator app) for heads, reviewers and staff.
    "django_otp",
    "django_otp.plugins.otp_totp",
]

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response (CONTENT_SECURITY_POLICY below); a view that
    # sets its own (evidence downloads) keeps it.
    "csp.middleware.CSPMiddleware",
    # Static files from gunicorn itself, compressed and cached forever under hashed names.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "shudarga.accounts.middleware.MongolianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session proved the second factor.
    "django_otp.middleware.OTPMiddleware",
    "shudarga.accounts.middleware.SecondFactorMiddleware",
    "shudarga.accounts.middleware.IdleSessionMiddleware",
    # After authentication: an anonymous visitor's portal reads go to the read replica.
    "shudarga.dbrouting.ReplicaReadsMiddleware",
    # Refuses a body over its limit and a control character in the query string
    # (documents.limits). Its check runs before every process_view (the CSRF check reads the
    # body there) and needs request.user, so it comes after the authentication.
    "shudarga.web.bounds_middleware.RequestBoundsMiddleware",
    "shudarga.accounts.middleware.UserLanguageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it answers a locked-out login with accounts/locked.html.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "shudarga.urls"
WSGI_APPLICATION = "shudarga.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The error pages (404.html, 403.html, 500.html) of the whole site.
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_DATABASE_URL = os.environ.get("SHUDARGA_DATABASE_URL", "")
if not _DATABASE_URL:
    # The embedded database lives in VAR_DIR; create the folder on first use.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    _DATABASE_URL = f"sqlite:///{VAR_DIR / 'shudarga.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(_DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["ENGINE"] = "shudarga.sqlite_backend"
    # Tests on SQLite run in memory, one database per pytest-xdist worker (named explicitly:
    # pytest-django would otherwise derive a file name from this engine's NAME).
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
    # Several people saving at once: WAL lets readers go on during a write; every transaction
    # takes the write lock when it begins (IMMEDIATE), so a second writer waits up to
    # `timeout` seconds instead of failing with "database is locked" when it upgrades a read.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("SHUDARGA_SQLITE_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
# A read replica (PostgreSQL streaming replication) for the public portal's anonymous reads;
# writes, the workspace and migrations stay on "default" (shudarga.dbrouting).
_REPLICA_URL = os.environ.get("SHUDARGA_REPLICA_DATABASE_URL", "")
if _REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(_REPLICA_URL, conn_max_age=60)
DATABASE_ROUTERS = ["shudarga.dbrouting.PortalReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# django-axes checks a lockout before any password is hashed (each costs ~0.5 s of CPU).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After SHUDARGA_LOGIN_FAILURES wrong passwords for one username from one address, that
# pair is locked for SHUDARGA_LOCKOUT_MINUTES (a username alone would let anyone lock
# anyone out); a successful login clears the count. Attempts are kept in axes' tables.
AXES_FAILURE_LIMIT = int(os.environ.get("SHUDARGA_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SHUDARGA_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Every failed login kept (who was tried, from where, when), not only the running count.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "shudarga.accounts.views.locked_out"
AXES_VERBOSE = False
# The address a lockout counts by: the audit's (behind SHUDARGA_TRUSTED_PROXIES proxies, the
# one the outermost saw), so that people behind one proxy do not lock each other out.
AXES_CLIENT_IP_CALLABLE = "shudarga.accounts.views.login_address"
# Heads, reviewers and staff prove a second factor (TOTP) after their password; "0" turns
# it off (the demo on 127.0.0.1, where visitors have no authenticator app for its users).
TWO_FACTOR_REQUIRED = _flag("SHUDARGA_TWO_FACTOR", "1")
OTP_TOTP_ISSUER = "Shudarga"
# Signed out after this many minutes without a request (a saved measure counts).
SESSION_IDLE_MINUTES = int(os.environ.get("SHUDARGA_SESSION_IDLE_MINUTES", "60"))
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60

# Password reset links by e-mail (Django's own views). Without SHUDARGA_EMAIL_HOST the
# message is written to the log (stdout) instead of being sent.
EMAIL_HOST = os.environ.get("SHUDARGA_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("SHUDARGA_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("SHUDARGA_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SHUDARGA_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _flag("SHUDARGA_EMAIL_TLS", "1")
DEFAULT_FROM_EMAIL = os.environ.get("SHUDARGA_EMAIL_FROM", "shudarga@localhost")
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a day: officials read their mail once a day

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"

# Mongolian first, English second.
LANGUAGE_CODE = "mn"
LANGUAGES = [("mn", "Монгол"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ulaanbaatar"
USE_TZ = True

# Uploaded evidence: outside STATIC_ROOT and every served URL; only an access-checked view
# streams a file. Limits are checked before a file is stored.
EVIDENCE_ROOT = Path(os.environ.get("SHUDARGA_EVIDENCE_ROOT", VAR_DIR / "evidence"))
EVIDENCE_MAX_BYTES = int(os.environ.get("SHUDARGA_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024))
EVIDENCE_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# The audit trail (shudarga.audit): how many reverse proxies in front of the server append to
# X-Forwarded-For. 0 (the default): the client's address is REMOTE_ADDR; with N, the N-th
# entry from the right (what the outermost trusted proxy saw; the entries left of it are the
# client's own word).
AUDIT_TRUSTED_PROXIES = int(os.environ.get("SHUDARGA_TRUSTED_PROXIES", "0"))
# The admin shows each model's history; reverting a row from there would skip the rules of
# the forms and services (separation of duties, the tree's paths), so it is off.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Who publishes an accepted report: "head" (the organization's head) or "reviewer".
SHUDARGA_PUBLISHER = os.environ.get("SHUDARGA_PUBLISHER", "head")
# Deadline reminders (``shudarga notify-deadlines``) go this many days before a deadline.
SHUDARGA_REMINDER_DAYS_BEFORE = int(os.environ.get("SHUDARGA_REMINDER_DAYS_BEFORE", "7"))
# The address e-mails link to (the report's page): the site as its users reach it.
SHUDARGA_SITE_URL = os.environ.get("SHUDARGA_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# A report with more measures than this gets its workspace PDF from a background job.
SHUDARGA_PDF_JOB_MEASURES = int(os.environ.get("SHUDARGA_PDF_JOB_MEASURES", 60))

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# Files written once from a frozen publication (its PDF, DOCX, XLSX…) and served again from
# here: a publication version never changes, so neither do its files (shudarga.portal.files).
GENERATED_ROOT = Path(os.environ.get("SHUDARGA_GENERATED_ROOT", VAR_DIR / "generated"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # "evidence" and "generated": folders (the two roots above), or with SHUDARGA_STORAGE=s3
    # the prefixes evidence/ and generated/ of SHUDARGA_S3_BUCKET (shudarga.filestores).
    **file_storages(os.environ, evidence_root=EVIDENCE_ROOT, generated_root=GENERATED_ROOT),
    # collectstatic writes site.<hash>.css and its .gz: a new release never meets a stale cache.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Scripts, styles and images only from this site: no inline script, style element or style
# attribute anywhere (htmx is told not to inject its indicator style: web/base.html); an inline
# script that ever must run carries request.csp_nonce. The print view's one <style> is allowed
# by its hash (shudarga.web.csp). Swagger UI's icons are data: URLs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# Served over HTTPS by a reverse proxy (the default without DEBUG; SHUDARGA_HTTPS=0 for plain
# HTTP, as the demo on 127.0.0.1 does). The proxy says the scheme in X-Forwarded-Proto.
HTTPS = _flag("SHUDARGA_HTTPS", "0" if DEBUG else "1")
# Load balancers ask for the health of each machine over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SHUDARGA_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SHUDARGA_HSTS_INCLUDE_SUBDOMAINS", "1")
    SECURE_HSTS_PRELOAD = _flag("SHUDARGA_HSTS_PRELOAD", "1")

# One line per record on stdout (JSON, shudarga.logs): 500s with their traceback
# (django.request), refused hosts and CSRF failures (django.security), every report
# transition (shudarga.workflow, INFO).
LOG_LEVEL = os.environ.get("SHUDARGA_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "shudarga.logs.JsonFormatter"}},
    "handlers": {"stdout": {"class": "shudarga.logs.ConsoleHandler", "formatter": "json"}},
    # One handler, on the root: the named loggers only set levels and propagate to it.
    "root": {"handlers": ["stdout"], "level": "WARNING"},
    "loggers": {
        "django": {"level": LOG_LEVEL},
        "django.request": {"level": "WARNING"},
        "django.security": {"level": "WARNING"},
        "shudarga": {"level": LOG_LEVEL},
        "shudarga.workflow": {"level": "INFO"},
    },
}
