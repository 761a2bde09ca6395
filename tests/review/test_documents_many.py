"""The documents and publication JSON of many reports at once are those of one at a time."""

from __future__ import annotations

from decimal import Decimal

import pytest
import simplejson

from shudarga.documents import jsonform
from shudarga.documents.model import ObjectiveEntry, Period
from shudarga.plans.models import Objective, Report
from shudarga.plans.reports.documents import report_document, report_documents
from shudarga.plans.reports.storing import report_import_document
from shudarga.plans.review.publication import report_publication_json, report_publications_json
from shudarga.plans.review.scoring import review_score
from tests.review.conftest import by_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(submitted, reviewer, khujirt, make_document) -> list[Report]:
    """A reviewed report (one score changed, one comment), imported ones of other sizes with
    ratings, warnings and stated totals, and a plan with an objective without measures."""
    review_score(user=reviewer, result=by_number(submitted)["1.1"], score=Decimal("30"),
                 not_due=False, comment="Нотолгоо дутуу")  # fmt: skip
    document = make_document(objectives=3, measures_per_objective=4, year=2023)
    document.objectives.append(ObjectiveEntry(number="4", title="Хоосон зорилт"))
    imported = [
        report_import_document(document=document, organization=khujirt),
        report_import_document(
            document=make_document(year=2023, period=Period.HALF_YEAR, stated_total=None),
            organization=khujirt,
        ),
        report_import_document(
            document=make_document(objectives=1, year=2022), organization=khujirt
        ),
    ]
    assert Objective.objects.filter(title="Хоосон зорилт").exists()
    return [submitted, *imported]


def test_the_documents_of_many_reports_equal_each_ones(reports, django_assert_num_queries):
    ids = [r.pk for r in reports]
    with django_assert_num_queries(4):
        many = report_documents(report_ids=ids)
    assert many == {r.pk: report_document(report=r) for r in reports}
    assert any(m.review and m.review.comment for _, m in many[ids[0]].measures())
    assert [o.title for o in many[ids[1]].objectives][-1] == "Хоосон зорилт"


def test_a_batch_more_than_full_costs_four_queries_more(
    reports, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr("shudarga.plans.reports.documents.BATCH", 3)
    with django_assert_num_queries(8):
        assert len(report_documents(report_ids=[r.pk for r in reports])) == 4


def test_the_publication_json_of_many_reports_equals_each_ones(reports):
    many = report_publications_json(report_ids=[r.pk for r in reports])
    assert many == {r.pk: report_publication_json(report=r) for r in reports}
    # The JSON text's indentation (the pretty form was written before) changes nothing.
    pretty = {r.pk: simplejson.loads(jsonform.dumps(report_document(report=r))) for r in reports}
    assert many == pretty
