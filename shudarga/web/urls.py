from django.urls import path

from shudarga.web import (
    dashboard_urls,
    home,
    job_urls,
    plan_urls,
    report_urls,
    review_urls,
    views,
)

app_name = "web"
urlpatterns = [
    path("", home.home, name="home"),
    path("reports/", views.report_list_page, name="report_list"),
    path("reports/<int:pk>/", views.report_page, name="report"),
    path("reports/<int:pk>/print/", views.report_print, name="report_print"),
    path("reports/<int:pk>/download.<str:fmt>", views.report_download, name="report_download"),
    *plan_urls.urlpatterns,
    *report_urls.urlpatterns,
    *review_urls.urlpatterns,
    *dashboard_urls.urlpatterns,
    *job_urls.urlpatterns,
]
