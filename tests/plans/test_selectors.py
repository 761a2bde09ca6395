from __future__ import annotations

from decimal import Decimal

import pytest

from shudarga.documents.model import GOVERNMENT_SCALE, Period
from shudarga.documents.scoring import score_document
from shudarga.orgs.models import Organization
from shudarga.orgs.services import organization_create
from shudarga.plans.models import Report, Scale
from shudarga.plans.reports.documents import report_document, scale_default, scale_document
from shudarga.plans.reports.selectors import report_list, report_totals
from shudarga.plans.reports.storing import report_import_document

pytestmark = pytest.mark.django_db


def test_the_default_scale_exists_after_migrate_with_four_levels():
    scale = scale_default()
    assert scale.code == "mn-gov"
    assert scale.is_default
    assert scale.not_due_mark == "ХБ"
    assert scale.rounding == Scale.Rounding.HALF_UP
    assert scale.decimals == 0
    assert [(lvl.score, lvl.label_mn, lvl.label_en) for lvl in scale.levels.all()] == [
        (Decimal("100"), "Бүрэн хэрэгжсэн", "Fully implemented"),
        (Decimal("70"), "Хэрэгжих шатандаа", "Being implemented"),
        (Decimal("30"), "Хэрэгжилт хангалтгүй", "Insufficiently implemented"),
        (Decimal("0"), "Хэрэгжээгүй", "Not implemented"),
    ]


def test_the_stored_default_scale_is_the_documents_government_scale():
    assert scale_document(scale=scale_default()) == GOVERNMENT_SCALE


def test_only_one_scale_can_be_the_default():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Scale.objects.create(code="other", name="Өөр", is_default=True)


def test_rebuilding_a_report_takes_the_same_queries_at_any_size(
    khujirt, make_document, django_assert_num_queries
):
    small = report_import_document(
        document=make_document(objectives=2, measures_per_objective=5, year=2023),
        organization=khujirt,
    )
    large = report_import_document(
        document=make_document(objectives=10, measures_per_objective=10, year=2024),
        organization=khujirt,
    )
    with django_assert_num_queries(4):
        report_document(report=small)
    with django_assert_num_queries(4):
        assert report_document(report=large).measure_count == 100


def test_report_list_counts_measures_and_orders_by_year_then_name(khujirt, make_document):
    other = organization_create(name="Арвайхээр сумын ЗДТГ", kind=Organization.Kind.ORGANIZATION)
    report_import_document(
        document=make_document(year=2023, measures_per_objective=2), organization=khujirt
    )
    report_import_document(document=make_document(year=2024), organization=khujirt)
    report_import_document(document=make_document(year=2024), organization=other)

    rows = list(report_list())

    assert [(r.plan.year, r.plan.organization.name) for r in rows] == [
        (2024, "Арвайхээр сумын ЗДТГ"),
        (2024, khujirt.name),
        (2023, khujirt.name),
    ]
    assert [r.measure_count for r in rows] == [6, 6, 4]
    # make_document: measure 5 is not due, the last measure has no score.
    assert (rows[0].scored_count, rows[0].not_due_count) == (4, 1)


def test_report_list_takes_one_query(khujirt, make_document, django_assert_num_queries):
    for year in (2022, 2023, 2024):
        report_import_document(document=make_document(year=year), organization=khujirt)
    with django_assert_num_queries(1):
        rows = list(report_list())
        assert [r.plan.organization.name for r in rows] == [khujirt.name] * 3


def test_report_list_narrows_a_given_queryset(khujirt, make_document):
    kept = report_import_document(
        document=make_document(period=Period.HALF_YEAR), organization=khujirt
    )
    report_import_document(document=make_document(), organization=khujirt)
    rows = report_list(reports=Report.objects.filter(period=Report.Period.HALF_YEAR))
    assert [r.pk for r in rows] == [kept.pk]


def test_report_totals_agree_with_scoring_the_document(
    khujirt, make_document, django_assert_max_num_queries
):
    documents = [
        make_document(year=y, objectives=3, measures_per_objective=4) for y in (2023, 2024)
    ]
    for document in documents:
        report_import_document(document=document, organization=khujirt)
    reports = list(report_list())
    with django_assert_max_num_queries(2):
        totals = report_totals(reports=reports)
    for row in totals:
        expected = score_document(report_document(report=row.report)).total
        # A list's totals name no measures (report_totals reads no measure): the same
        # figures, and as many not-due and unscored entries as the document's.
        for figure in ("exact", "display", "sum", "count", "counts", "shares"):
            assert getattr(row.total, figure) == getattr(expected, figure), figure
        assert len(row.total.not_due) == len(expected.not_due)
        assert len(row.total.unscored) == len(expected.unscored)
        assert row.display == expected.display
        assert row.unscored == 1
        assert row.not_due == 2
