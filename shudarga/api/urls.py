"""URLs of the JSON API (names in the "api" namespace; the API checks its own tokens)."""

from shudarga.api.api import api

app_name = "api"
urlpatterns = api.urls[0]
