"""URLs of the JSON API."""

urlpatterns: list = []
