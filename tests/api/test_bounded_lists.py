"""/api/reports is bounded: the same queries at 3 and 30 organizations, a count without the
joins to the results, and the results counted for the page's rows only."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shudarga.orgs.models import ReviewerAssignment
from shudarga.plans.models import Report
from tests.api.support import api_client
from tests.dashboard.conftest import add_organizations, add_reports, build_world

pytestmark = pytest.mark.django_db


def measured(client, url: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries], response.json()


def test_the_same_queries_at_3_and_30_organizations_and_a_plain_count(national, django_user_model):
    reviewer = django_user_model.objects.create_user(username="gerel", password="not-used")
    world = build_world(0)
    ReviewerAssignment.objects.create(user=reviewer, node=world.aimag)
    clients = {
        "national": api_client(national),
        "reviewer": api_client(reviewer),
        "anon": api_client(),
    }
    add_reports(add_organizations(world.soum, 3, prefix="А"), year=2025, totals=[70] * 3)
    small = {k: measured(c, "/api/reports?limit=5") for k, c in clients.items()}
    add_reports(add_organizations(world.soum, 27, prefix="Б"), year=2025, totals=[70] * 27)
    large = {k: measured(c, "/api/reports?limit=5") for k, c in clients.items()}
    for who in clients:
        assert len(large[who][0]) == len(small[who][0]), who
    queries, data = large["national"]
    assert data["count"] == 30 and len(data["items"]) == 5
    count = next(q for q in queries if "COUNT(" in q.upper() and "plans_measureresult" not in q)
    assert "GROUP BY" not in count.upper()
    results = [q for q in queries if "plans_measureresult" in q]
    assert len(results) == 1 and "IN (" in results[0]  # only the page's five reports
    assert large["reviewer"][1]["count"] == 30
    assert large["anon"][1]["count"] == 0  # nothing published


def test_the_page_keeps_the_order_and_the_filters(national):
    world = build_world(4)
    add_reports(world.orgs, year=2024, totals=[70] * 4, status=Report.Status.ACCEPTED)
    add_reports(world.orgs[:2], year=2025, totals=[80] * 2)
    _, data = measured(api_client(national), "/api/reports?limit=3&offset=1")
    assert data["count"] == 6
    assert [(i["year"], i["organization"]["name"]) for i in data["items"]] == [
        (2025, "Байгууллага 002"),
        (2024, "Байгууллага 001"),
        (2024, "Байгууллага 002"),
    ]
    _, data = measured(api_client(national), "/api/reports?year=2024&status=accepted")
    assert data["count"] == 4 and all(i["measure_count"] == 0 for i in data["items"])
