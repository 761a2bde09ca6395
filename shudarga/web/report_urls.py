"""URLs of the report-filling pages (shudarga.web.report_views, shudarga.web.evidence_views)."""

from django.urls import path

from shudarga.web import evidence_views, report_views

urlpatterns = [
    path(
        "plans/<int:plan_pk>/reports/<str:period>/start/",
        report_views.report_start,
        name="report_start",
    ),
    path("reports/<int:pk>/edit/", report_views.report_edit, name="report_edit"),
    path(
        "reports/<int:pk>/edit/<int:result_pk>/",
        report_views.report_result,
        name="report_result",
    ),
    path(
        "reports/<int:pk>/edit/<int:result_pk>/evidence/",
        evidence_views.evidence_manage,
        name="evidence_manage",
    ),
    path(
        "reports/<int:pk>/edit/<int:result_pk>/files/",
        evidence_views.evidence_upload,
        name="evidence_upload",
    ),
    path(
        "reports/<int:pk>/edit/<int:result_pk>/links/",
        evidence_views.evidence_link,
        name="evidence_link",
    ),
    path("reports/<int:pk>/submit/", report_views.report_submit, name="report_submit"),
    path("reports/<int:pk>/history/", report_views.report_history, name="report_history"),
    path("evidence/<int:pk>/", evidence_views.evidence_download, name="evidence_download"),
    path(
        "evidence/<int:pk>/remove/",
        evidence_views.evidence_remove_view,
        name="evidence_remove",
    ),
]
