"""manage.py api_token_create USERNAME [--name NAME] [--scope read|write] [--days N]: print a
new API key once."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from shudarga.api.models import ApiToken
from shudarga.api.tokens import DEFAULT_DAYS, MAX_DAYS, token_create


class Command(BaseCommand):
    help = "Create an API token for a user and print its key (shown once, stored hashed)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="what the token is for")
        parser.add_argument(
            "--scope",
            choices=ApiToken.Scope.values,
            default=ApiToken.Scope.READ,
            help="read (default), or write: also change and take workflow steps",
        )
        parser.add_argument(
            "--days", type=int, default=DEFAULT_DAYS, help=f"how long it lasts (1 to {MAX_DAYS})"
        )

    def handle(self, *args, username: str, name: str, scope: str, days: int, **options) -> None:
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as exc:
            raise CommandError(f"no user {username!r}") from exc
        if not user.is_active:
            raise CommandError(f"user {username!r} is not active")
        if not 1 <= days <= MAX_DAYS:
            raise CommandError(f"--days must be 1 to {MAX_DAYS}")
        token, key = token_create(user=user, name=name, scope=scope, days=days)
        self.stdout.write(key)
        self.stderr.write(
            f"Scope {token.scope}, valid until {token.expires_at:%Y-%m-%d %H:%M %Z}. Keep this "
            "key now: it is stored hashed and will not be shown again."
        )
