"""Django settings. Everything that differs between machines comes from SHUDARGA_* variables."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("SHUDARGA_VAR_DIR", BASE_DIR.parent / "var"))

DEBUG = os.environ.get("SHUDARGA_DEBUG", "1") == "1"
SECRET_KEY = os.environ.get("SHUDARGA_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SHUDARGA_SECRET_KEY must be set when SHUDARGA_DEBUG is not 1")
    SECRET_KEY = "insecure-development-key-only-for-debug"
ALLOWED_HOSTS = os.environ.get("SHUDARGA_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "treebeard",
    "simple_history",
    "shudarga.accounts",
    "shudarga.orgs",
    "shudarga.plans",
    "shudarga.web",
    "shudarga.portal",
    # The JSON API; "ninja" serves its Swagger UI assets locally (no CDN).
    "ninja",
    "shudarga.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "shudarga.accounts.middleware.MongolianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "shudarga.accounts.middleware.UserLanguageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "shudarga.urls"
WSGI_APPLICATION = "shudarga.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
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

# Who publishes an accepted report: "head" (the organization's head) or "reviewer".
SHUDARGA_PUBLISHER = os.environ.get("SHUDARGA_PUBLISHER", "head")

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
