"""The site's URLs plus two views that fail on purpose, for the error pages' tests."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug in a view")


urlpatterns = [
    path("tests/forbidden", forbidden),
    path("tests/broken", broken),
    path("", include("shudarga.urls")),
]
