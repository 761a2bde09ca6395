"""Writes go through the services: who may, in which state, and version conflicts."""

from __future__ import annotations

import pytest

from shudarga.plans.models import Measure, Report
from tests.api.support import api_client, set_status

pytestmark = pytest.mark.django_db

MEASURE = {"text": "Шинэ арга хэмжээ", "indicator": "Тоо", "planned_budget": "12.50"}


def first_measure(plan) -> Measure:
    return (
        Measure.objects.filter(objective__plan=plan).order_by("objective__order", "order").first()
    )


def test_an_officer_adds_a_measure_to_a_draft_plan(world, officer):
    objective = world["plan"].objectives.order_by("order").first()
    response = api_client(officer).post(
        f"/api/objectives/{objective.pk}/measures", MEASURE, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["number"] == "1.3"
    assert response.json()["planned_budget"] == 12.5


def test_writes_need_a_token(world):
    objective = world["plan"].objectives.first()
    measure = first_measure(world["plan"])
    result = world["draft"].results.first()
    client = api_client()
    assert (
        client.post(
            f"/api/objectives/{objective.pk}/measures", MEASURE, content_type="application/json"
        ).status_code
        == 401
    )
    assert (
        client.put(
            f"/api/measures/{measure.pk}",
            {**MEASURE, "expected_version": 1},
            content_type="application/json",
        ).status_code
        == 401
    )
    assert (
        client.put(
            f"/api/results/{result.pk}", {"expected_version": 1}, content_type="application/json"
        ).status_code
        == 401
    )


def test_a_viewer_may_not_write(world, viewer):
    client = api_client(viewer)
    objective = world["plan"].objectives.first()
    measure = first_measure(world["plan"])
    result = world["draft"].results.first()
    assert (
        client.post(
            f"/api/objectives/{objective.pk}/measures", MEASURE, content_type="application/json"
        ).status_code
        == 403
    )
    assert (
        client.put(
            f"/api/measures/{measure.pk}",
            {**MEASURE, "expected_version": 1},
            content_type="application/json",
        ).status_code
        == 403
    )
    assert (
        client.put(
            f"/api/results/{result.pk}",
            {"expected_version": 1, "score": "100"},
            content_type="application/json",
        ).status_code
        == 403
    )
    assert Measure.objects.filter(text=MEASURE["text"]).count() == 0


def test_another_organization_does_not_even_see_the_objects(world, rival):
    client = api_client(rival)
    objective = world["plan"].objectives.first()
    measure = first_measure(world["plan"])
    result = world["draft"].results.first()
    assert (
        client.post(
            f"/api/objectives/{objective.pk}/measures", MEASURE, content_type="application/json"
        ).status_code
        == 404
    )
    assert (
        client.put(
            f"/api/measures/{measure.pk}",
            {**MEASURE, "expected_version": 1},
            content_type="application/json",
        ).status_code
        == 404
    )
    assert (
        client.put(
            f"/api/results/{result.pk}", {"expected_version": 1}, content_type="application/json"
        ).status_code
        == 404
    )


def test_an_approved_plan_is_locked(world, officer):
    plan = world["published"].plan
    client = api_client(officer)
    objective = plan.objectives.first()
    measure = first_measure(plan)
    response = client.post(
        f"/api/objectives/{objective.pk}/measures", MEASURE, content_type="application/json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "locked"
    response = client.put(
        f"/api/measures/{measure.pk}",
        {**MEASURE, "expected_version": 1},
        content_type="application/json",
    )
    assert response.status_code == 409


def test_a_measure_edit_on_an_old_version_is_a_conflict_with_the_stored_values(
    world, officer, head
):
    measure = first_measure(world["plan"])
    assert (
        api_client(head)
        .put(
            f"/api/measures/{measure.pk}",
            {**MEASURE, "text": "Даргын засвар", "expected_version": 1},
            content_type="application/json",
        )
        .status_code
        == 200
    )
    response = api_client(officer).put(
        f"/api/measures/{measure.pk}",
        {**MEASURE, "expected_version": 1},
        content_type="application/json",
    )
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "version_conflict"
    assert body["version"] == 2
    assert body["stored"]["text"] == "Даргын засвар"
    assert body["stored"]["planned_budget"] == 12.5


def test_an_invalid_measure_is_422(world, officer):
    objective = world["plan"].objectives.first()
    response = api_client(officer).post(
        f"/api/objectives/{objective.pk}/measures",
        {**MEASURE, "text": "  "},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "text" in response.json()["detail"]


def test_an_officer_saves_a_result_and_a_stale_version_is_a_conflict(world, officer, head):
    result = world["draft"].results.order_by("pk").first()
    response = api_client(head).put(
        f"/api/results/{result.pk}",
        {"expected_version": 1, "score": "70", "spent": "5.5", "achieved": "Хийсэн"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["version"] == 2
    assert response.json()["score"] == 70
    response = api_client(officer).put(
        f"/api/results/{result.pk}",
        {"expected_version": 1, "score": "100"},
        content_type="application/json",
    )
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "version_conflict"
    assert body["stored"]["score"] == 70
    assert body["stored"]["spent"] == 5.5
    assert body["stored"]["version"] == 2
    assert body["changed_by"] == head.username
    result.refresh_from_db()
    assert result.score == 70


def test_a_score_off_the_scale_is_422(world, officer):
    result = world["draft"].results.first()
    response = api_client(officer).put(
        f"/api/results/{result.pk}",
        {"expected_version": 1, "score": "55"},
        content_type="application/json",
    )
    assert response.status_code == 422


@pytest.mark.parametrize(
    "status", [Report.Status.SUBMITTED, Report.Status.ACCEPTED, Report.Status.PUBLISHED]
)
def test_a_submitted_accepted_or_published_report_is_locked(world, officer, status):
    report = set_status(world["draft"], status)
    result = report.results.first()
    response = api_client(officer).put(
        f"/api/results/{result.pk}",
        {"expected_version": 1, "score": "100"},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "locked"


def test_a_returned_report_can_be_changed_again(world, officer):
    report = set_status(world["draft"], Report.Status.RETURNED)
    result = report.results.first()
    response = api_client(officer).put(
        f"/api/results/{result.pk}",
        {"expected_version": 1, "not_due": True},
        content_type="application/json",
    )
    assert response.status_code == 200
