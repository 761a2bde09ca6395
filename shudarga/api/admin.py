from django.contrib import admin

from shudarga.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are listed and can be deleted (revoked); keys are created from the command line
    only (``manage.py api_token_create``), since the key is shown once."""

    list_display = ("user", "name", "created_at", "last_used_at")
    list_filter = ("created_at",)
    search_fields = ("user__username", "name")
    readonly_fields = ("user", "key_hash", "name", "created_at", "last_used_at")

    def has_add_permission(self, request) -> bool:
        return False
