from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "shudarga.notifications"
    label = "notifications"
    verbose_name = "Мэдэгдэл"
