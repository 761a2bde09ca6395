"""The plan and report lists are bounded: a constant number of queries and one page of rows
whatever the number of organizations, filtered in the database, and still guarded."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shudarga.orgs.models import ReviewerAssignment
from shudarga.plans.models import Plan, Report
from shudarga.plans.planning import selectors as planning
from shudarga.web import views
from tests.dashboard.conftest import add_organizations, add_reports, build_world
from tests.personas import client_for

pytestmark = pytest.mark.django_db

LISTS = ["web:plan_list", "web:report_list"]


def measured(client, url: str) -> tuple[int, int, str]:
    """Queries, bytes and text of one GET."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), len(response.content), response.content.decode()


def grow(world, count: int, start: int) -> None:
    orgs = add_organizations(world.soum, count, prefix=f"Нэмэлт {start}")
    add_reports(orgs, year=2024, totals=[70] * count, status=Report.Status.ACCEPTED)
    add_reports(orgs, year=2025, totals=[None] * count)


@pytest.fixture
def reviewer(django_user_model):
    return django_user_model.objects.create_user(username="gerel", password="not-used")


@pytest.mark.parametrize("name", LISTS)
def test_queries_stay_the_same_from_3_to_30_organizations(name, national, reviewer, monkeypatch):
    monkeypatch.setattr(planning, "PLAN_LIST_PER_PAGE", 10)
    monkeypatch.setattr(views, "REPORTS_PER_PAGE", 10)
    world = build_world(0)
    ReviewerAssignment.objects.create(user=reviewer, node=world.aimag)
    grow(world, 3, 0)
    url = reverse(name)
    small = {u.username: measured(client_for(u), url) for u in (national, reviewer)}
    grow(world, 27, 1)
    large = {u.username: measured(client_for(u), url) for u in (national, reviewer)}
    for user in small:
        assert large[user][0] == small[user][0], (user, small[user][0], large[user][0])
        # One page of rows at 30 organizations, whatever their number beyond it.
        assert large[user][1] < 3 * small[user][1], user
    assert "page=2" in large["bold"][2]


@pytest.mark.parametrize("name", LISTS)
def test_a_page_past_the_end_is_the_last_page_and_links_keep_the_filters(
    name, national, monkeypatch
):
    monkeypatch.setattr(planning, "PLAN_LIST_PER_PAGE", 10)
    monkeypatch.setattr(views, "REPORTS_PER_PAGE", 10)
    world = build_world(0)
    grow(world, 25, 0)
    client = client_for(national)
    _, _, page = measured(client, reverse(name) + "?year=2025&q=нэмэлт&page=99")
    assert "Page 3 of 3" in page
    assert "year=2025&amp;q=%D0%BD%D1%8D%D0%BC%D1%8D%D0%BB%D1%82&amp;page=2" in page
    assert 'rel="next"' not in page
    assert page.count("Нэмэлт 0 0") == 5  # the last five organizations of 25


@pytest.mark.parametrize("name", LISTS)
def test_the_filters_narrow_in_the_database(name, national):
    world = build_world(3)
    add_reports(world.orgs, year=2024, totals=[70, 80, 90], status=Report.Status.ACCEPTED)
    add_reports([world.other_org], year=2025, totals=[50])
    client = client_for(national)
    base = reverse(name)
    _, _, by_year = measured(client, base + "?year=2025")
    assert "Цэцэрлэг ЗДТГ" in by_year and "Байгууллага 001" not in by_year
    _, _, by_aimag = measured(client, base + f"?aimag={world.aimag.pk}")
    assert "Байгууллага 001" in by_aimag and "Цэцэрлэг ЗДТГ" not in by_aimag
    _, _, by_name = measured(client, base + "?q=байгууллага 002")
    assert "Байгууллага 002" in by_name
    assert "Байгууллага 001" not in by_name and "Цэцэрлэг ЗДТГ" not in by_name
    state = Plan.Status.APPROVED if name == "web:plan_list" else Report.Status.SUBMITTED
    _, _, by_state = measured(client, base + f"?status={state}&year=2025")
    assert "Цэцэрлэг ЗДТГ" in by_state
    _, _, none = measured(client, base + "?q=байхгүй нэр")
    assert "match." in none


def test_the_plan_list_shows_a_members_organization_without_a_plan(national, django_user_model):
    from shudarga.orgs.models import Membership

    world = build_world(2)
    user = django_user_model.objects.create_user(username="tulga", password="not-used")
    Membership.objects.create(user=user, organization=world.orgs[0], role="officer")
    _, _, page = measured(client_for(user), reverse("web:plan_list"))
    assert "Байгууллага 001" in page and "Байгууллага 002" not in page
    assert "No plan yet." in page


@pytest.mark.parametrize("name", LISTS)
def test_an_outsider_sees_no_row_and_an_anonymous_visitor_logs_in(name, outsider):
    world = build_world(3)
    add_reports(world.orgs, year=2025, totals=[70, 80, 90])
    _, _, page = measured(client_for(outsider), reverse(name) + "?q=байгууллага")
    assert "Байгууллага" not in re.sub(r'value="[^"]*"', "", page)
    response = client_for().get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
