from django.urls import path

from shudarga.accounts import views

app_name = "accounts"
urlpatterns = [
    path("language/", views.language, name="language"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
]
