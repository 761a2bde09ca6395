from django.urls import path

from shudarga.web import views

app_name = "web"
urlpatterns = [
    path("", views.report_list, name="report_list"),
]
