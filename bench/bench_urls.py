"""Every URL of the application, and ``/bench/trivial/``: a view returning a constant."""

from django.http import HttpResponse
from django.urls import path

from shudarga.urls import urlpatterns as shudarga_urls

urlpatterns = [path("bench/trivial/", lambda request: HttpResponse("ok")), *shudarga_urls]
