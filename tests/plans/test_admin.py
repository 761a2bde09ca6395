from __future__ import annotations

import pytest

from shudarga.plans.reports.documents import scale_default
from shudarga.plans.reports.storing import report_import_document

pytestmark = pytest.mark.django_db


def test_admin_pages_of_scales_plans_and_reports_open(client, admin, khujirt, make_document):
    report = report_import_document(document=make_document(), organization=khujirt)
    client.force_login(admin)
    for url in [
        "/admin/plans/scale/",
        f"/admin/plans/scale/{scale_default().pk}/change/",
        "/admin/plans/plan/",
        f"/admin/plans/plan/{report.plan_id}/change/",
        "/admin/plans/report/",
        f"/admin/plans/report/{report.pk}/change/",
    ]:
        assert client.get(url).status_code == 200, url


def test_reports_cannot_be_added_by_hand(client, admin):
    client.force_login(admin)
    assert client.get("/admin/plans/report/add/").status_code == 403


def test_outsider_cannot_open_the_admin(client, outsider):
    client.force_login(outsider)
    assert client.get("/admin/plans/report/").status_code == 302
