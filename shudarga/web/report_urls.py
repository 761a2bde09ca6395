"""URLs of the report-filling pages (shudarga.web.report_views)."""

urlpatterns: list = []
