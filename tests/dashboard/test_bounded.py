"""The dashboard is bounded: the same queries at 3 and at 30 organizations, a ranking of one
page at a time, and a complete ranking CSV streamed in a constant number of queries."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shudarga.web import dashboard_views
from tests.dashboard.conftest import YEAR, add_organizations, add_reports
from tests.personas import client_for

pytestmark = pytest.mark.django_db

URL = reverse("web:dashboard")


def measured(client, params: dict) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200
    return len(queries), body


def grow(world, count: int, prefix: str) -> None:
    orgs = add_organizations(world.soum, count, prefix=prefix)
    add_reports(orgs, year=YEAR - 1, totals=[60] * count)
    add_reports(orgs, year=YEAR, totals=[(i * 7) % 101 for i in range(count)])


@pytest.mark.parametrize("params", [{}, {"format": "csv", "table": "ranking"}])
def test_the_same_queries_at_3_and_at_30_organizations(
    world, reviewer, national, params, monkeypatch
):
    monkeypatch.setattr(dashboard_views, "RANKING_PER_PAGE", 10)
    grow(world, 3, "Бага")
    small = {u.pk: measured(client_for(u), {"year": YEAR, **params}) for u in (reviewer, national)}
    grow(world, 27, "Их")
    large = {u.pk: measured(client_for(u), {"year": YEAR, **params}) for u in (reviewer, national)}
    for user, (queries, body) in small.items():
        assert large[user][0] == queries
        if not params:  # the page: one page of the ranking, whatever the number beyond it
            assert len(large[user][1]) < 2 * len(body)


def test_the_ranking_pages_and_the_csv_is_complete(world, reviewer, monkeypatch):
    monkeypatch.setattr(dashboard_views, "RANKING_PER_PAGE", 10)
    grow(world, 25, "Байгууллага Х")
    client = client_for(reviewer)
    _, page = measured(client, {"year": YEAR, "page": 99})
    text = page.decode()
    assert "Page 3 of 3" in text
    assert f"node={world.aimag.pk}&amp;year={YEAR}&amp;period=annual&amp;page=2" in text
    _, body = measured(client, {"year": YEAR, "format": "csv", "table": "ranking"})
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 1 + 25
    ranks = [int(r[0]) for r in rows[1:]]
    assert ranks == sorted(ranks) and ranks[0] == 1
    assert all(r[3] == "60" for r in rows[1:])  # last year's result, read in the same query


def test_the_histogram_and_aimags_count_every_organization(world, national):
    grow(world, 12, "Байгууллага Х")
    add_reports([world.other_org], year=YEAR, totals=["40"])
    _, body = measured(client_for(national), {"year": YEAR, "format": "csv", "table": "histogram"})
    counts = [int(r[1]) for r in list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))[1:]]
    assert sum(counts) == 13
    _, body = measured(client_for(national), {"year": YEAR, "format": "csv", "table": "aimags"})
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))[1:]
    assert sorted((r[0], r[1]) for r in rows) == [("Архангай", "1"), ("Өвөрхангай", "12")]


def test_an_outsider_is_refused_and_sees_no_ranking(world, member, outsider):
    grow(world, 3, "Бага")
    for user in (member, outsider):
        assert client_for(user).get(URL, {"format": "csv", "table": "ranking"}).status_code == 403
    assert client_for().get(URL).status_code == 302
