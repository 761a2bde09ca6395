"""URLs of the public portal (no login)."""

app_name = "portal"
urlpatterns: list = []
