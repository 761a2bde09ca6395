from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "shudarga.jobs"
    label = "jobs"
    verbose_name = "Ажлууд"
