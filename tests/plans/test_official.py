"""plans.official: the one rule for a measure's official score, in Python and as SQL."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from shudarga.documents import jsonform
from shudarga.plans.models import MeasureResult
from shudarga.plans.official import OFFICIAL_FIELDS, official_expressions, official_score
from shudarga.plans.reports.documents import report_document

pytestmark = pytest.mark.django_db

CASES = [  # (self score, self not due, reviewer score, reviewer not due, reviewed)
    (Decimal("100"), False, None, False, False),
    (Decimal("100"), False, Decimal("30"), False, True),
    (None, True, Decimal("70"), False, True),
    (Decimal("70"), False, None, True, True),
    (None, False, None, False, False),
]


def test_the_python_rule_and_the_sql_rule_agree_on_every_case(results):
    results = list(results.values())
    now = timezone.now()
    for result, (score, not_due, r_score, r_not_due, reviewed) in zip(results, CASES, strict=False):
        MeasureResult.objects.filter(pk=result.pk).update(
            score=score,
            not_due=not_due,
            reviewer_score=r_score,
            reviewer_not_due=r_not_due,
            reviewed_at=now if reviewed else None,
        )
    score, not_due = official_expressions()
    rows = (
        MeasureResult.objects.filter(pk__in=[r.pk for r in results])
        .annotate(o_score=score, o_not_due=not_due)
        .values_list("o_score", "o_not_due", *OFFICIAL_FIELDS)
    )
    assert len(rows) == len(results) >= 4
    for o_score, o_not_due, *fields in rows:
        assert (o_score, bool(o_not_due)) == official_score(*fields)
    assert official_score(Decimal("100"), False, Decimal("30"), False, now) == (30, False)
    assert official_score(Decimal("100"), False, Decimal("30"), False, None) == (100, False)


def test_the_document_carries_the_official_score_and_keeps_the_self_assessed_one(results):
    first = results["1.1"]
    MeasureResult.objects.filter(pk=first.pk).update(
        score=Decimal("100"),
        reviewer_score=Decimal("30"),
        reviewer_comment="thin",
        reviewed_at=timezone.now(),
        rating_label="Бүрэн",
    )
    document = report_document(report=first.report)
    measure = document.objectives[0].measures[0]
    assert (measure.score, measure.rating) == (30, None)
    assert (measure.review.self_score, measure.review.comment) == (100, "thin")
    back = jsonform.loads(jsonform.dumps(document))
    assert back == document  # the review survives the JSON form
    assert back.self_assessed().objectives[0].measures[0].score == 100
