"""The API's writes: a text over its limit, a control character, a number out of range is a 422
that names the field, and nothing is written."""

from __future__ import annotations

import pytest

from shudarga.documents import limits
from shudarga.plans.models import Measure, MeasureResult
from tests.api.support import api_client

pytestmark = pytest.mark.django_db

MEASURE = {"text": "Шинэ арга хэмжээ", "indicator": "Тоо", "planned_budget": "12.50"}


def stored() -> tuple:
    return (
        list(Measure.objects.order_by("pk").values_list("text", "version")),
        list(MeasureResult.objects.order_by("pk").values_list("achieved", "version")),
    )


def add(client, plan, body):
    objective = plan.objectives.order_by("order").first()
    return client.post(
        f"/api/objectives/{objective.pk}/measures", body, content_type="application/json"
    )


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("text", "а" * (limits.MEASURE_TEXT_MAX + 1), "at most 5000 characters"),
        ("indicator", "тоо\x00", "control character (U+0000)"),
        ("target", "түвшин\x1b[31m", "control character (U+001B)"),
        ("deadline", "ж" * (limits.DEADLINE_MAX + 1), "at most 255 characters"),
        ("planned_budget", 1e308, "planned_budget"),
        ("planned_budget", "NaN", "planned_budget"),
        ("planned_budget", "-Infinity", "planned_budget"),
        ("planned_budget", 10**40, "planned_budget"),
    ],
)
def test_a_hostile_measure_is_a_422_naming_the_field(world, officer, field, value, says):
    before = stored()
    response = add(api_client(officer), world["plan"], {**MEASURE, field: value})
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["code"] == "invalid"
    assert field in body["detail"] and says in body["detail"]
    assert stored() == before


def test_a_lone_surrogate_in_json_is_a_422(world, officer):
    objective = world["plan"].objectives.order_by("order").first()
    before = stored()
    response = api_client(officer).post(
        f"/api/objectives/{objective.pk}/measures",
        '{"text": "\\ud800"}',
        content_type="application/json",
    )
    assert response.status_code == 422, response.content
    assert "text" in response.json()["detail"]
    assert stored() == before


@pytest.mark.parametrize(
    "body",
    [
        {"expected_version": 2**63, "achieved": "x"},
        {"expected_version": 1, "achieved": "хийсэн\x00"},
        {"expected_version": 1, "achieved": "а" * (limits.ACHIEVED_MAX + 1)},
        {"expected_version": 1, "spent": 1e308},
        {"expected_version": 1, "score": "NaN"},
        {"expected_version": 1, "score": -1e-300},
    ],
)
def test_a_hostile_result_is_a_422(world, officer, body):
    result = world["draft"].results.order_by("pk").first()
    before = stored()
    response = api_client(officer).put(
        f"/api/results/{result.pk}", body, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    assert stored() == before


def test_a_nul_in_a_query_parameter_is_a_400_that_names_it(world):
    response = api_client().get("/api/reports", {"status": "draft\x00"})
    assert response.status_code == 400
    # In Mongolian, the interface's first language, naming the character.
    assert response.json() == {
        "code": "control_character",
        "detail": "Хаягт бичигдэх ёсгүй удирдах тэмдэгт (U+0000) байна: түүнийг арилгаад "
        "дахин оролдоно уу.",
    }
