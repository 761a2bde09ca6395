from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "shudarga.web"
    label = "web"
