"""Top-level URLs."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from shudarga.health import healthz
from shudarga.web.home import demo_logins

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("account/", include("shudarga.accounts.urls")),
    path(
        "login/",
        auth_views.LoginView.as_view(extra_context={"demo_logins": demo_logins()}),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("open/", include("shudarga.portal.urls")),
    path("api/", include("shudarga.api.urls")),
    path("notifications/", include("shudarga.notifications.urls")),
    path("", include("shudarga.web.urls")),
]
