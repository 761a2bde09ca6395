"""URLs of the public portal (no login). Open-data URLs are stable: docs/open-data.md."""

from django.urls import path, register_converter

from shudarga.portal import views


class FormatConverter:
    """The formats a publication is downloaded in."""

    regex = "docx|xlsx|pdf|csv|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "portalfmt")

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("org/<int:node_id>/", views.node, name="node"),
    path("reports/<int:report_id>/", views.report, name="report"),
    path("reports/<int:report_id>/v<int:version>/", views.report, name="report_version"),
    path("reports/<int:report_id>.<portalfmt:fmt>", views.report_file, name="report_file"),
    path(
        "reports/<int:report_id>/v<int:version>.<portalfmt:fmt>",
        views.report_file,
        name="report_version_file",
    ),
    path("<int:year>/", views.summary, name="summary"),
    path("<int:year>/aimag/<int:node_id>/", views.summary_aimag, name="summary_aimag"),
    path("<int:year>/measures.csv", views.year_measures, name="year_measures"),
]
