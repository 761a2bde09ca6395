"""Fuzz (hypothesis) of every form and API input, through the test client as the persona who
may use it: hostile text (NUL, control characters, huge, direction marks, markup and SQL) and
numbers (1e308, NaN, -0, huge integers). Every answer is a page or a refusal that says what is
wrong; never a 500 (the client raises it), never a hang (bounded examples, a deadline)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from shudarga.documents import limits
from tests.api.support import api_client
from tests.bounds.hostile import json_numbers, number_texts, texts
from tests.personas import client_for

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25,
    deadline=timedelta(seconds=10),
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # the fixtures' rows are shared by the examples
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
FIELDS = {
    "text": limits.MEASURE_TEXT_MAX,
    "indicator": limits.INDICATOR_MAX,
    "target": limits.TARGET_MAX,
    "responsible_unit": limits.RESPONSIBLE_UNIT_MAX,
    "deadline": limits.DEADLINE_MAX,
}
ids = st.one_of(st.integers(min_value=-(2**70), max_value=2**70).map(str), number_texts())


def answered(response) -> None:
    """Not a server error, and a refusal carries a message."""
    assert response.status_code < 500, response.content[:300]
    if response.status_code in (400, 413, 422):
        assert response.content.strip()


def api_answered(response) -> None:
    answered(response)
    if response.status_code in (400, 413, 422):
        assert response.json()["detail"]


def measure_fields(prefix: str) -> st.SearchStrategy[dict]:
    values = {name: texts(limit) for name, limit in FIELDS.items()}
    return st.fixed_dictionaries(
        {f"{prefix}-{name}": s for name, s in values.items()},
    ).flatmap(lambda d: number_texts().map(lambda n: {**d, f"{prefix}-planned_budget": n}))


@FUZZ
@given(data=st.data())
def test_the_plan_forms(draft, officer, data):
    client = client_for(officer)
    objective = draft.objectives.order_by("order").first()
    measure = objective.measures.order_by("order").first()
    title = data.draw(texts(limits.OBJECTIVE_TITLE_MAX))
    answered(
        client.post(reverse("web:plan_objective_add", args=[draft.pk]), {"objective-title": title})
    )
    add = data.draw(measure_fields(f"add{objective.pk}"))
    answered(client.post(reverse("web:plan_measure_add", args=[draft.pk, objective.pk]), add))
    edit = data.draw(measure_fields(f"m{measure.pk}"))
    edit[f"m{measure.pk}-version"] = data.draw(ids)
    answered(client.post(reverse("web:plan_measure_edit", args=[draft.pk, measure.pk]), edit))


@FUZZ
@given(data=st.data())
def test_the_plan_creation_and_reopening(plan, khujirt, head, data):
    client = client_for(head)
    form = {"organization": data.draw(ids), "year": data.draw(ids), "source": data.draw(texts(20))}
    answered(client.post(reverse("web:plan_create"), form))
    reason = {"reopen-reason": data.draw(texts(limits.COMMENT_MAX))}
    answered(client.post(reverse("web:plan_reopen", args=[plan.pk]), reason))


@FUZZ
@given(data=st.data())
def test_the_report_sheet(report, results, officer, data, evidence_root):
    client = client_for(officer)
    result = results["1.1"]
    prefix = f"r{result.pk}"
    values = {
        f"{prefix}-version": data.draw(ids),
        f"{prefix}-spent": data.draw(number_texts()),
        f"{prefix}-achieved": data.draw(texts(limits.ACHIEVED_MAX)),
        f"{prefix}-score": data.draw(number_texts()),
    }
    answered(client.post(reverse("web:report_result", args=[report.pk, result.pk]), values))
    link = {"url": data.draw(texts(limits.URL_MAX)), "title": data.draw(texts(300))}
    answered(client.post(reverse("web:evidence_link", args=[report.pk, result.pk]), link))


@FUZZ
@given(data=st.data())
def test_the_reviewer_forms(submitted, national, data):
    client = client_for(national)
    result = submitted.results.order_by("pk").first()
    score = {
        f"v{result.pk}-score": data.draw(number_texts()),
        f"v{result.pk}-comment": data.draw(texts(limits.COMMENT_MAX)),
    }
    answered(client.post(reverse("web:review_score", args=[submitted.pk, result.pk]), score))
    # Mostly refused: a reason that passes returns the report, and the next one is refused.
    reason = {"reason": data.draw(texts(limits.COMMENT_MAX))}
    answered(client.post(reverse("web:review_return", args=[submitted.pk]), reason))


QUERY = st.dictionaries(
    st.sampled_from(
        (
            "q",
            "page",
            "year",
            "status",
            "period",
            "aimag",
            "kind",
            "node",
            "format",
            "table",
            "organization",
            "focus",
        )
    ),
    st.one_of(texts(limits.SEARCH_MAX * 2), number_texts()),
    max_size=4,
)


@FUZZ
@given(query=QUERY)
# What the penetration test sent (a 500 on PostgreSQL), always tried first.
@example(query={"q": "Хужирт\x00", "page": "\x00"})
@example(query={"year": "1e308", "status": "\x00", "aimag": str(2**70)})
def test_every_search_and_filter(published, officer, national, query):
    for url in (reverse("portal:search"), reverse("portal:home")):
        answered(client_for().get(url, query))
    for url in (reverse("web:plan_list"), reverse("web:report_list"), reverse("web:plan_create")):
        answered(client_for(officer).get(url, query))
    for url in (
        reverse("web:review_inbox"),
        reverse("web:review_reminders"),
        reverse("web:dashboard"),
    ):
        answered(client_for(national).get(url, query))


def _json(client, method: str, url: str, body: dict):
    # ASCII escapes: a lone surrogate travels as "\ud800"; NaN and Infinity as Python writes them.
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


@FUZZ
@given(data=st.data())
def test_the_api_writes(world, officer, data):
    client = api_client(officer)
    objective = world["plan"].objectives.order_by("order").first()
    measure = objective.measures.order_by("order").first()
    body = {name: data.draw(texts(limit, surrogates=True)) for name, limit in FIELDS.items()}
    body["planned_budget"] = data.draw(json_numbers())
    api_answered(_json(client, "post", f"/api/objectives/{objective.pk}/measures", body))
    body["expected_version"] = data.draw(json_numbers())
    api_answered(_json(client, "put", f"/api/measures/{measure.pk}", body))
    result = world["draft"].results.order_by("pk").first()
    values = {
        "expected_version": data.draw(json_numbers()),
        "spent": data.draw(json_numbers()),
        "achieved": data.draw(texts(limits.ACHIEVED_MAX, surrogates=True)),
        "score": data.draw(json_numbers()),
        "not_due": data.draw(json_numbers()),
    }
    api_answered(_json(client, "put", f"/api/results/{result.pk}", values))


@FUZZ
@given(data=st.data())
def test_the_api_workflow(world, national, head, data):
    rival = world["rival"]
    result = rival.results.order_by("pk").first()
    text = data.draw(texts(limits.COMMENT_MAX, surrogates=True))
    review = {"score": data.draw(json_numbers()), "not_due": False, "comment": text}
    api_answered(_json(api_client(national), "put", f"/api/results/{result.pk}/review", review))
    api_answered(
        _json(api_client(national), "post", f"/api/reports/{rival.pk}/return", {"reason": text})
    )
    published = world["published"]
    api_answered(
        _json(api_client(head), "post", f"/api/reports/{published.pk}/corrections", {"note": text})
    )
    api_answered(
        _json(api_client(head), "post", f"/api/reports/{published.pk}/reopen", {"reason": text})
    )


@FUZZ
@given(
    query=st.dictionaries(
        st.sampled_from(("limit", "offset", "year", "period", "status", "organization")),
        st.one_of(number_texts(), texts(50)),
        max_size=4,
    ),
    key=ids,
)
@example(query={"status": "\x00", "limit": "1e308"}, key=str(2**70))
def test_the_api_reads(world, query, key):
    client = api_client()
    for url in ("/api/reports", "/api/plans", "/api/organizations", "/api/summaries"):
        api_answered(client.get(url, query))
    answered(client.get(f"/api/reports/{key}"))
