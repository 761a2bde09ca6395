"""While filling in, a saved measure shows what the checks say of it (docs/checks.md): a hint,
never a refusal, in the answer to the save; the whole sheet stays within its byte bound."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shudarga.plans.models import Measure, MeasureResult
from tests.personas import HTMX, client_for, result_data

pytestmark = pytest.mark.django_db


def save(client, report, result, **values):
    url = reverse("web:report_result", args=[report.pk, result.pk])
    return client.post(url, result_data(result, **values), **HTMX)


def test_a_saved_claim_without_evidence_gets_a_hint_and_is_saved(report, results, officer):
    result = results["1.1"]
    Measure.objects.filter(pk=result.measure_id).update(
        target="400 иргэнээс доошгүй", indicator="Хамрагдсан иргэдийн тоо"
    )
    client = client_for(officer)
    answer = save(client, report, result, achieved="Нийт 120 иргэн хамрагдсан.", score="100")
    assert answer.status_code == 200
    html = answer.content.decode()
    assert 'data-flag="score_without_evidence"' in html
    assert 'data-verdict="not_met"' in html
    stored = MeasureResult.objects.get(pk=result.pk)
    assert stored.score == 100 and stored.achieved == "Нийт 120 иргэн хамрагдсан."


def test_a_narrative_that_meets_its_target_gets_no_hint(report, results, officer):
    result = results["1.1"]
    Measure.objects.filter(pk=result.measure_id).update(
        target="400 иргэнээс доошгүй", indicator="Хамрагдсан иргэдийн тоо"
    )
    # A half-year report: 200 of an annual 400 are due by now.
    answer = save(
        client_for(officer), report, result, achieved="Нийт 230 иргэн хамрагдсан.", score="100"
    )
    assert "check-hint" not in answer.content.decode()


def test_a_vague_target_is_hinted_whatever_the_score(report, results, officer):
    result = results["1.2"]
    Measure.objects.filter(pk=result.measure_id).update(target="Тухай бүр", indicator="")
    answer = save(client_for(officer), report, result, achieved="Танилцуулсан.", score="30")
    assert 'data-flag="target_vague"' in answer.content.decode()
