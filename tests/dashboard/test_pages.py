"""The dashboard pages: who may open them, what they show, CSV, and a query count that does
not grow with the number of organizations."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shudarga.orgs.models import Organization, ReviewerAssignment
from shudarga.plans.models import Plan, Report, ReportingCalendar, ReportSummary
from tests.dashboard.conftest import YEAR, add_reports, build_world
from tests.personas import client_for

pytestmark = pytest.mark.django_db
URL = reverse("web:dashboard")


def test_it_sends_an_anonymous_visitor_to_log_in(world):
    response = client_for().get(URL)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_it_refuses_a_member_who_reviews_nothing_with_403(world, member):
    assert client_for(member).get(URL).status_code == 403
    trend = reverse("web:dashboard_trend", args=[world.orgs[0].pk])
    assert client_for(member).get(trend).status_code == 403


def test_it_shows_a_reviewer_their_node_and_hides_others_with_404(world, reviewer):
    add_reports(world.orgs[:2], year=YEAR, totals=["80", "60"])
    add_reports([world.other_org], year=YEAR, totals=["10"])
    client = client_for(reviewer)
    page = client.get(URL).content.decode()
    assert "Өвөрхангай" in page and world.orgs[0].name in page
    assert "Цэцэрлэг ЗДТГ" not in page
    assert "<svg" in page and "<table" in page
    assert client.get(URL, {"node": world.soum.pk}).status_code == 200
    assert client.get(URL, {"node": world.other_aimag.pk}).status_code == 404
    other = reverse("web:dashboard_trend", args=[world.other_org.pk])
    assert client.get(other).status_code == 404


def test_it_shows_staff_the_whole_country(world, national):
    add_reports([world.other_org], year=YEAR, totals=["10"])
    page = client_for(national).get(URL).content.decode()
    assert "Монгол Улс" in page and "Цэцэрлэг ЗДТГ" in page


def body(response) -> bytes:
    """The bytes of a response, streamed (the ranking) or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_it_downloads_each_table_as_csv_with_a_bom(world, reviewer):
    add_reports(world.orgs[:2], year=YEAR, totals=["80", "60"])
    client = client_for(reviewer)
    for table in ("counts", "histogram", "aimags", "measures", "ranking"):
        response = client.get(URL, {"format": "csv", "table": table, "year": YEAR})
        assert response.status_code == 200, table
        assert response["Content-Type"].startswith("text/csv")
        assert body(response).startswith(b"\xef\xbb\xbf"), table
    ranking = body(client.get(URL, {"format": "csv", "table": "ranking"})).decode("utf-8-sig")
    assert world.orgs[0].name in ranking and "80" in ranking
    trend = reverse("web:dashboard_trend", args=[world.orgs[0].pk])
    response = client.get(trend, {"format": "csv"})
    assert response.content.startswith(b"\xef\xbb\xbf") and b"2025" in response.content


def test_it_escapes_names_in_tables_and_charts(world, reviewer):
    world.orgs[0].name = '<script>alert("x")</script>'
    world.orgs[0].save()
    add_reports(world.orgs[:1], year=YEAR, totals=["80"])
    page = client_for(reviewer).get(URL).content.decode()
    trend = (
        client_for(reviewer)
        .get(reverse("web:dashboard_trend", args=[world.orgs[0].pk]))
        .content.decode()
    )
    assert "<script>alert" not in page and "<script>alert" not in trend
    assert "&lt;script&gt;" in page


def test_it_links_the_dashboard_in_the_header_only_for_reviewers(world, reviewer, member, national):
    plans = reverse("web:plan_list")
    assert URL in client_for(reviewer).get(plans).content.decode()
    assert URL in client_for(national).get(plans).content.decode()
    assert URL not in client_for(member).get(plans).content.decode()


def _queries(n: int, django_user_model, username: str) -> int:
    world = build_world(n)
    add_reports(world.orgs, year=YEAR, totals=[str(i % 101) for i in range(n)])
    add_reports(world.orgs, year=YEAR - 1, totals=[str((i * 7) % 101) for i in range(n)])
    user = django_user_model.objects.create_user(username=username, password="x")
    ReviewerAssignment.objects.create(user=user, node=world.country)
    client = client_for(user)
    client.get(URL)  # warm up sessions and caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"year": YEAR})
    assert response.status_code == 200
    return len(queries)


def test_its_query_count_does_not_grow_with_the_organizations(django_user_model):
    small = _queries(10, django_user_model, "ten")
    ReportingCalendar.objects.all().delete()
    ReportSummary.objects.all().delete()
    Report.objects.all().delete()
    Plan.objects.all().delete()
    Organization.objects.all().delete()
    large = _queries(200, django_user_model, "two-hundred")
    print(f"dashboard queries: 10 organizations {small}, 200 organizations {large}")
    assert small == large


def test_it_opens_on_the_newest_year_with_submitted_reports_not_on_a_new_plan(world, reviewer):
    # Issue 12: one office's plan for next year opened every dashboard on an empty year.
    add_reports(world.orgs[:2], year=YEAR, totals=["80", "60"])
    add_reports(world.orgs[2:3], year=YEAR + 1, totals=[None], status=Report.Status.DRAFT)
    client = client_for(reviewer)
    page = client.get(URL).content.decode()
    assert f'<option value="{YEAR}" selected>' in page, "opens on the year with results"
    assert f'<option value="{YEAR + 1}"' in page, "the new plan's year is still offered"
    assert world.orgs[0].name in page
    # Only half-year reports in the newest year: it opens on that period.
    add_reports(world.orgs[3:4], year=YEAR + 2, totals=["50"], period=Report.Period.HALF_YEAR)
    page = client.get(URL).content.decode()
    assert f'<option value="{YEAR + 2}" selected>' in page
    assert 'value="half_year" selected' in page
    # Asked for explicitly, a year is shown even when it is empty.
    page = client.get(URL, {"year": YEAR + 1, "period": "annual"}).content.decode()
    assert f'<option value="{YEAR + 1}" selected>' in page


def test_the_ranking_says_whose_scores_a_result_is_and_its_csv_keeps_numbers(world, reviewer):
    import csv
    import io

    # Last year 50 and 70; this year one submitted (self-assessed), one accepted (reviewed).
    add_reports(world.orgs[:2], year=YEAR - 1, totals=["50", "70"])
    add_reports(world.orgs[:1], year=YEAR, totals=["77"])
    add_reports(world.orgs[1:2], year=YEAR, totals=["60"], status=Report.Status.ACCEPTED)
    client = client_for(reviewer, language="en")
    page = client.get(URL, {"year": YEAR}).content.decode()
    assert "self-assessed, not yet reviewed" in page and ">reviewed<" in page
    assert "<td>+27</td>" in page  # the page shows the sign
    rows = list(csv.reader(io.StringIO(body(client.get(
        URL, {"format": "csv", "table": "ranking", "year": YEAR}
    )).decode("utf-8-sig"))))  # fmt: skip
    header, first, second = rows[0], rows[1], rows[2]
    change = header.index("Change")
    assert (first[change], second[change]) == ("27", "-10"), 'numbers, not "\'+27"'
    assert first[header.index("Result by")] == "self-assessed, not yet reviewed"
    assert second[header.index("Result by")] == "reviewed"


def test_the_trend_draws_what_was_sent_up_and_marks_a_draft(world, reviewer):
    organization = world.orgs[0]
    add_reports([organization], year=YEAR - 1, totals=["50"], status=Report.Status.PUBLISHED)
    add_reports([organization], year=YEAR, totals=["90"], status=Report.Status.DRAFT)
    client = client_for(reviewer, language="en")
    page = client.get(reverse("web:dashboard_trend", args=[organization.pk])).content.decode()
    chart = page[page.index("<svg") : page.index("</svg>")]
    assert "50" in chart and "90" not in chart, "the draft is not drawn beside results"
    assert "draft, not submitted" in page and "<td>90</td>" in page
