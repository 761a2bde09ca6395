"""Top-level URLs."""

import os

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from shudarga.demo import DEMO_ADMIN

# The demo's login is shown on the login page only when the demo script started the server.
_login_extra = {"demo_login": DEMO_ADMIN if os.environ.get("SHUDARGA_DEMO") == "1" else None}

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("login/", auth_views.LoginView.as_view(extra_context=_login_extra), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("shudarga.web.urls")),
]
