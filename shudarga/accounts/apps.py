from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "shudarga.accounts"
    label = "accounts"
    verbose_name = "Хэрэглэгч"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from shudarga.accounts.middleware import session_seen

        user_logged_in.connect(session_seen, dispatch_uid="shudarga.accounts.session_seen")
