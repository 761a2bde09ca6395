"""URLs of background jobs (shudarga.web.job_views)."""

from django.urls import path

from shudarga.web import job_views

urlpatterns = [
    path("jobs/", job_views.job_list, name="job_list"),
    path("jobs/<int:pk>/", job_views.job_page, name="job"),
    path("jobs/<int:pk>/download/", job_views.job_download, name="job_download"),
    path("jobs/zip/", job_views.zip_new, name="zip_new"),
    path("jobs/import/", job_views.import_new, name="import_new"),
    path("reports/<int:pk>/pdf-job/", job_views.report_pdf_job, name="report_pdf_job"),
]
