from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from shudarga.accounts import views

app_name = "accounts"
urlpatterns = [
    path("language/", views.language, name="language"),
    path("language/<str:code>/", views.language_link, name="language_link"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("two-factor/", views.two_factor, name="two_factor"),
    # Password reset by e-mail: Django's own views, with our templates.
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
