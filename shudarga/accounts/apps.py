from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "shudarga.accounts"
    label = "accounts"
    verbose_name = "Хэрэглэгч"
