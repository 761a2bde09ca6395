from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "shudarga.plans"
    label = "plans"
    verbose_name = "Төлөвлөгөө, биелэлт"
