from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "shudarga.portal"
    label = "portal"
    verbose_name = "Нийтийн портал"
