from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "shudarga.orgs"
    label = "orgs"
    verbose_name = "Байгууллага"
