"""manage.py api_token_create USERNAME [--name NAME]: print a new API key once."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from shudarga.api.tokens import token_create


class Command(BaseCommand):
    help = "Create an API token for a user and print its key (shown once, stored hashed)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="what the token is for")

    def handle(self, *args, username: str, name: str, **options) -> None:
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as exc:
            raise CommandError(f"no user {username!r}") from exc
        if not user.is_active:
            raise CommandError(f"user {username!r} is not active")
        _token, key = token_create(user=user, name=name)
        self.stdout.write(key)
        self.stderr.write("Keep this key now: it is stored hashed and will not be shown again.")
