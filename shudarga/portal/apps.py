from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "shudarga.portal"
    label = "portal"
    verbose_name = "Нийтийн портал"

    def ready(self) -> None:
        # plans knows nothing of the portal: the portal hears of each new publication.
        from django.db.models.signals import post_save

        from shudarga.plans.models import ReportPublication
        from shudarga.portal.tasks import publication_files_enqueue

        post_save.connect(
            publication_files_enqueue, sender=ReportPublication, dispatch_uid="portal-files"
        )
