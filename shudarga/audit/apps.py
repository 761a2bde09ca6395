from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AuditConfig(AppConfig):
    name = "shudarga.audit"
    label = "audit"
    verbose_name = "Аудит"

    def ready(self) -> None:
        from shudarga.audit import receivers

        receivers.connect()


class AuditedAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the audited site (shudarga.audit.site) as ``admin.site``."""

    default = False
    default_site = "shudarga.audit.site.AuditedAdminSite"
