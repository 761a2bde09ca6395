"""Who reads what: the public sees published reports only; a token adds access."""

from __future__ import annotations

import pytest

from shudarga.api.models import ApiToken
from shudarga.orgs.models import ReviewerAssignment
from shudarga.plans.models import Report
from tests.api.support import api_client

pytestmark = pytest.mark.django_db


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item.get("id", item.get("report_id")) for item in response.json()["items"]}


def test_the_public_lists_only_published_reports(world, anon):
    assert ids(anon.get("/api/reports")) == {world["published"].pk}
    for status in ("draft", "submitted", "accepted", "returned"):
        assert ids(anon.get(f"/api/reports?status={status}")) == set()


def test_a_draft_submitted_or_accepted_report_never_appears_publicly(world, anon):
    Report.objects.filter(pk=world["draft"].pk).update(status=Report.Status.ACCEPTED)
    for report in (world["draft"], world["rival"]):
        assert anon.get(f"/api/reports/{report.pk}").status_code == 404
        assert anon.get(f"/api/reports/{report.pk}/results").status_code in (401, 404)
    assert ids(anon.get("/api/summaries")) == {world["published"].pk}


def test_a_published_report_without_a_current_publication_is_not_public(world, anon):
    world["published"].publications.update(is_current=False)
    assert anon.get(f"/api/reports/{world['published'].pk}").status_code == 404
    assert ids(anon.get("/api/reports")) == set()


def test_the_public_reads_the_frozen_publication_with_numbers_as_numbers(world, anon):
    response = anon.get(f"/api/reports/{world['published'].pk}")
    assert response.status_code == 200
    data = response.json()
    assert data["format"] == "shudarga.report/2"
    scores = [m["score"] for o in data["objectives"] for m in o["measures"]]
    assert scores[:2] == [100, 70]
    assert b'"score": 100' in response.content or b'"score":100' in response.content


def test_the_public_sees_plans_and_organizations_of_published_reports_only(world, anon, khujirt):
    assert ids(anon.get("/api/plans")) == {world["published"].plan_id}
    assert anon.get(f"/api/plans/{world['plan'].pk}").status_code == 404
    assert anon.get(f"/api/plans/{world['rival'].plan_id}").status_code == 404
    assert ids(anon.get("/api/organizations")) == {khujirt.pk}
    rival_org = world["rival"].plan.organization_id
    assert anon.get(f"/api/organizations/{rival_org}").status_code == 404
    assert anon.get(f"/api/organizations/{khujirt.pk}").status_code == 200


def test_a_plan_shows_objectives_and_measures(world, anon):
    data = anon.get(f"/api/plans/{world['published'].plan_id}").json()
    assert [o["number"] for o in data["objectives"]] == ["1", "2"]
    measure = data["objectives"][0]["measures"][0]
    assert measure["number"] == "1.1"
    assert measure["planned_budget"] == 1000
    assert measure["version"] == 1


def test_a_bad_token_is_refused_everywhere(world):
    client = api_client()
    client.defaults["HTTP_AUTHORIZATION"] = "Bearer shd_not-a-key"
    for url in (
        "/api/reports",
        "/api/organizations",
        "/api/plans",
        "/api/summaries",
        f"/api/reports/{world['published'].pk}",
    ):
        assert client.get(url).status_code == 401, url


def test_an_inactive_users_token_is_refused(world, officer):
    client = api_client(officer)
    officer.is_active = False
    officer.save()
    assert client.get("/api/reports").status_code == 401


def test_a_token_adds_the_users_own_organization(world, officer):
    client = api_client(officer)
    assert ids(client.get("/api/reports")) == {world["published"].pk, world["draft"].pk}
    assert client.get(f"/api/reports/{world['draft'].pk}").status_code == 200
    assert client.get(f"/api/plans/{world['plan'].pk}").status_code == 200
    assert len(client.get(f"/api/reports/{world['draft'].pk}/results").json()) == 4
    assert ApiToken.objects.get(user=officer).last_used_at is not None


def test_a_token_of_another_organization_sees_only_its_own_and_the_public(world, rival):
    client = api_client(rival)
    assert ids(client.get("/api/reports")) == {world["published"].pk, world["rival"].pk}
    assert client.get(f"/api/reports/{world['draft'].pk}").status_code == 404
    assert client.get(f"/api/reports/{world['draft'].pk}/results").status_code == 404
    assert client.get(f"/api/reports/{world['published'].pk}/results").status_code == 404
    assert client.get(f"/api/plans/{world['plan'].pk}").status_code == 404
    assert ids(client.get("/api/summaries")) == {world["published"].pk, world["rival"].pk}


def national_of_both_trees(national, other_office):
    """The national reviewer, also of the other office's tree (the tests make it a root)."""
    ReviewerAssignment.objects.create(user=national, node=other_office)
    return national


def test_a_reviewer_of_every_root_sees_everything(world, national, other_office):
    client = api_client(national_of_both_trees(national, other_office))
    assert ids(client.get("/api/reports")) == {r.pk for r in Report.objects.all()}


def test_report_filters(world, officer):
    client = api_client(officer)
    assert ids(client.get("/api/reports?period=annual")) == {world["draft"].pk}
    assert ids(client.get("/api/reports?status=published")) == {world["published"].pk}
    assert ids(client.get("/api/reports?year=2024")) == set()
    assert client.get("/api/reports?period=monthly").status_code == 422


def test_the_live_document_keeps_decimals_as_numbers(world, officer):
    data = api_client(officer).get(f"/api/reports/{world['draft'].pk}").json()
    assert data["objectives"][0]["measures"][0]["planned_budget"] == 1000
    assert data["scale"]["levels"][0]["score"] == 100


def test_summaries_carry_totals(world, anon):
    row = anon.get("/api/summaries").json()["items"][0]
    assert row["status"] == "published"
    assert row["self_total"] == 85
    assert row["self_scored"] == 2


def test_pagination_is_bounded_and_stable(world, national, other_office):
    client = api_client(national_of_both_trees(national, other_office))
    assert client.get("/api/reports?limit=101").status_code == 422
    assert client.get("/api/reports?limit=0").status_code == 422
    first = client.get("/api/reports?limit=1").json()
    second = client.get("/api/reports?limit=1&offset=1").json()
    assert first["count"] == second["count"] == 3
    assert first["items"][0]["id"] != second["items"][0]["id"]
    everything = client.get("/api/reports?limit=100").json()["items"]
    assert [r["id"] for r in everything[:2]] == [first["items"][0]["id"], second["items"][0]["id"]]
