"""Pages of the organization workspace."""

from django.http import HttpRequest, HttpResponse


def report_list(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Shudarga")
