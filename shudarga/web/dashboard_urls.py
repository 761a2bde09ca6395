"""URLs of the dashboard pages."""

from django.urls import path

from shudarga.web import dashboard_views

urlpatterns: list = [
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path(
        "dashboard/organizations/<int:pk>/",
        dashboard_views.dashboard_trend,
        name="dashboard_trend",
    ),
]
