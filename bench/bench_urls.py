"""Every URL of the application, and two baselines: ``/bench/trivial/`` (a constant text) and
``/bench/constant/<n>/`` (a constant JSON body of n bytes, the size of the page it stands for)."""

from django.http import HttpResponse
from django.urls import path

from shudarga.urls import urlpatterns as shudarga_urls


def constant(request, size: int) -> HttpResponse:
    body = b'{"x": "' + b"x" * max(0, size - 9) + b'"}'
    return HttpResponse(body, content_type="application/json")


urlpatterns = [
    path("bench/trivial/", lambda request: HttpResponse("ok")),
    path("bench/constant/<int:size>/", constant),
    *shudarga_urls,
]
