"""URLs of the review pages (shudarga.web.review_views)."""

from django.urls import path

from shudarga.web import review_views

urlpatterns = [
    path("review/", review_views.review_inbox, name="review_inbox"),
    path("review/reminders/", review_views.review_reminders, name="review_reminders"),
    path("review/reminders/send/", review_views.review_remind, name="review_remind"),
    path("review/reports/<int:pk>/", review_views.review_report, name="review_report"),
    path(
        "review/reports/<int:pk>/results/<int:result_pk>/",
        review_views.review_score,
        name="review_score",
    ),
    path(
        "review/reports/<int:pk>/results/<int:result_pk>/agree/",
        review_views.review_agree_one,
        name="review_agree",
    ),
    path("review/reports/<int:pk>/agree/", review_views.review_agree_all, name="review_agree_all"),
    path("review/reports/<int:pk>/accept/", review_views.review_accept, name="review_accept"),
    path("review/reports/<int:pk>/return/", review_views.review_return, name="review_return"),
    path("reports/<int:pk>/publish/", review_views.report_publish_view, name="report_publish"),
    path(
        "reports/<int:pk>/publications/",
        review_views.report_publications,
        name="report_publications",
    ),
    path(
        "reports/<int:pk>/correct/",
        review_views.publication_correct_view,
        name="publication_correct",
    ),
    path("reports/<int:pk>/reopen/", review_views.report_reopen_view, name="report_reopen"),
]
