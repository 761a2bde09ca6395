from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "shudarga.portal"
    label = "portal"
    verbose_name = "Нийтийн портал"

    def ready(self) -> None:
        # plans knows nothing of the portal: the portal hears of each new publication.
        from django.db.models.signals import post_save

        from shudarga.orgs.models import Organization
        from shudarga.plans.models import ReportPublication
        from shudarga.portal.tasks import publication_files_enqueue
        from shudarga.portal.year_files import organization_saved

        post_save.connect(
            publication_files_enqueue, sender=ReportPublication, dispatch_uid="portal-files"
        )
        # The year's CSV carries the organizations' names as they are now.
        post_save.connect(organization_saved, sender=Organization, dispatch_uid="portal-years")
