from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "shudarga.api"
    label = "api"
    verbose_name = "JSON API"
