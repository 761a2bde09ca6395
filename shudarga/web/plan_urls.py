"""URLs of the plan pages (shudarga.web.plan_views)."""

from django.urls import path

from shudarga.web import plan_views

urlpatterns = [
    path("plans/", plan_views.plan_list, name="plan_list"),
]
