from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shudarga.documents import jsonform
from shudarga.documents.model import (
    GOVERNMENT_SCALE,
    MeasureEntry,
    ObjectiveEntry,
    Period,
    Rounding,
    Section,
)
from shudarga.documents.model import Scale as DocScale
from shudarga.documents.model import ScaleLevel as DocScaleLevel
from shudarga.plans.errors import (
    DocumentIncompleteError,
    DocumentValueError,
    DuplicateReportError,
    PlanScaleMismatchError,
)
from shudarga.plans.models import (
    Measure,
    MeasureResult,
    Objective,
    Plan,
    Report,
    Scale,
    ScaleLevel,
)
from shudarga.plans.reports.documents import report_document
from shudarga.plans.reports.storing import report_import_document

pytestmark = pytest.mark.django_db

MODELS = (Plan, Objective, Measure, Report, MeasureResult, Scale, ScaleLevel)


def row_counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS}


def test_import_then_rebuild_gives_the_same_document(khujirt, make_document):
    document = make_document(objectives=3, measures_per_objective=4)
    report = report_import_document(document=document, organization=khujirt)

    rebuilt = report_document(report=report)

    assert rebuilt == document
    # The JSON form shows numbers with their digits: equal there too.
    assert jsonform.dumps(rebuilt) == jsonform.dumps(document)


def test_it_stores_numbers_as_decimals_not_text(khujirt, make_document):
    report = report_import_document(document=make_document(), organization=khujirt)
    result = MeasureResult.objects.get(report=report, measure__number="1.2")
    assert result.spent == Decimal("1252.5")
    assert result.score == Decimal("30")
    assert isinstance(result.score, Decimal)
    assert report.stated_total == Decimal("91")


@pytest.mark.parametrize(
    ("written", "decimals"),
    [("91", 0), ("90.5", 1), ("90.50", 2), ("91.0", 1), ("87.125", 3)],
)
def test_the_stated_total_keeps_the_precision_it_was_written_with(
    khujirt, make_document, written, decimals
):
    document = make_document(stated_total=Decimal(written))
    report = report_import_document(document=document, organization=khujirt)
    report.refresh_from_db()
    assert report.stated_total_decimals == decimals
    assert str(report_document(report=report).stated_total) == written


def test_a_document_without_a_stated_total_keeps_none(khujirt, make_document):
    report = report_import_document(document=make_document(stated_total=None), organization=khujirt)
    assert report.stated_total is None and report.stated_total_decimals is None
    assert report_document(report=report).stated_total is None


def test_import_keeps_warnings_source_and_title(khujirt, make_document):
    document = make_document()
    report = report_import_document(document=document, organization=khujirt, source_name="a.docx")
    report.refresh_from_db()
    assert report.source_file == "a.docx"
    assert report.import_warnings == [
        {
            "code": "rating_unscored",
            "measure": "1.1",
            "message": "1.1: үнэлгээ бичигдээгүй",
            "params": {"measure": "1.1"},
        }
    ]
    assert report.plan.title == document.title
    assert report.title == document.title


def test_a_duplicate_report_is_refused_and_nothing_is_written(khujirt, make_document):
    report_import_document(document=make_document(), organization=khujirt)
    before = row_counts()

    with pytest.raises(DuplicateReportError) as err:
        report_import_document(document=make_document(objectives=5), organization=khujirt)

    assert row_counts() == before
    assert err.value.organization == khujirt.name
    assert err.value.year == 2024
    assert err.value.period == "annual"


def test_a_document_without_a_year_is_refused_and_nothing_is_written(khujirt, make_document):
    before = row_counts()
    with pytest.raises(DocumentIncompleteError) as err:
        report_import_document(document=make_document(year=None), organization=khujirt)
    assert isinstance(err.value, ValueError)
    assert err.value.missing == "year"
    assert row_counts() == before


def test_a_failure_midway_leaves_no_plan_or_report(khujirt, make_document, monkeypatch):
    def broken_bulk_create(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(MeasureResult.objects, "bulk_create", broken_bulk_create)
    before = row_counts()

    with pytest.raises(RuntimeError):
        report_import_document(document=make_document(), organization=khujirt)

    assert row_counts() == before
    assert not Plan.objects.exists()
    assert not Report.objects.exists()


def test_a_number_too_large_for_its_column_is_refused(khujirt, make_document):
    document = make_document()
    document.objectives[1].measures[0].spent = Decimal("123456789012345")
    before = row_counts()
    with pytest.raises(DocumentValueError) as err:
        report_import_document(document=document, organization=khujirt)
    assert (err.value.field, err.value.measure) == ("spent", "2.1")
    assert row_counts() == before


def test_a_score_with_more_decimals_than_stored_is_refused_not_rounded(khujirt, make_document):
    document = make_document()
    document.objectives[0].measures[0].score = Decimal("66.667")
    with pytest.raises(DocumentValueError):
        report_import_document(document=document, organization=khujirt)
    assert not Report.objects.exists()


def test_the_second_period_reuses_the_plan_and_adds_missing_measures(khujirt, make_document):
    annual = make_document(objectives=3, measures_per_objective=3, period=Period.ANNUAL)
    annual.title = "Жилийн эцсийн биелэлт"
    # The half-year report covers part of the same plan: objectives 1-2, measures x.1-x.2.
    half = make_document(objectives=3, measures_per_objective=3, period=Period.HALF_YEAR)
    half.objectives = [replace(o, measures=o.measures[:2]) for o in deepcopy(half.objectives[:2])]
    first = report_import_document(document=half, organization=khujirt)
    assert Measure.objects.count() == 4

    second = report_import_document(document=annual, organization=khujirt)

    assert second.plan_id == first.plan_id
    assert Plan.objects.count() == 1
    assert Objective.objects.count() == 3
    assert Measure.objects.count() == 9
    numbers = Measure.objects.order_by("objective__order", "order").values_list("number", flat=True)
    assert list(numbers) == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3"]
    assert MeasureResult.objects.filter(report=first).count() == 4
    assert MeasureResult.objects.filter(report=second).count() == 9
    assert report_document(report=second) == annual
    assert report_document(report=first) == half
    assert Plan.objects.get().title == half.title


def test_a_reused_measure_keeps_its_stored_text(khujirt, make_document):
    half = make_document(period=Period.HALF_YEAR)
    report_import_document(document=half, organization=khujirt)
    annual = make_document()
    annual.objectives[0].measures[0].text = "1.1. Өөрөөр бичсэн"
    report = report_import_document(document=annual, organization=khujirt)
    rebuilt = report_document(report=report)
    assert rebuilt.objectives[0].measures[0].text == half.objectives[0].measures[0].text
    assert Measure.objects.count() == half.measure_count


def test_repeated_measure_numbers_stay_separate_measures(khujirt):
    twice = [
        MeasureEntry(number="1.1", text="Эхний 1.1", score=Decimal("100")),
        MeasureEntry(number="1.1", text="Дахин 1.1", score=Decimal("0")),
    ]
    document = _document(objectives=[ObjectiveEntry(number="1", title="Зорилт", measures=twice)])
    report = report_import_document(document=document, organization=khujirt)
    assert Measure.objects.count() == 2
    assert report_document(report=report) == document

    annual = replace(document, period=Period.HALF_YEAR)
    report_import_document(document=annual, organization=khujirt)
    assert Measure.objects.count() == 2


def test_the_section_above_objectives_survives_import_and_rebuild(khujirt):
    law = Section("1", "Хуулиар хүлээсэн үүргийн биелэлт")
    own = Section("2", "Байгууллагын онцлогт тохирсон арга хэмжээ")
    document = _document(
        objectives=[
            ObjectiveEntry("1", "Сургалт", [MeasureEntry("1.1", "Сургалт хийх")], section=law),
            ObjectiveEntry("2", "Хоосон", section=own),
            ObjectiveEntry("3", "Бүлэггүй", [MeasureEntry("3.1", "Самбар")]),
        ]
    )
    report = report_import_document(document=document, organization=khujirt)
    stored = Objective.objects.filter(plan=report.plan).order_by("order")
    assert [(o.section_number, o.section_title) for o in stored] == [
        ("1", law.title),
        ("2", own.title),
        ("", ""),
    ]
    assert report_document(report=report) == document


def test_an_objective_without_measures_survives_the_round_trip(khujirt):
    document = _document(
        objectives=[
            ObjectiveEntry(number="1", title="Хоосон зорилт"),
            ObjectiveEntry(
                number="2", title="Зорилт", measures=[MeasureEntry(number="2.1", text="Арга")]
            ),
        ]
    )
    report = report_import_document(document=document, organization=khujirt)
    assert report_document(report=report) == document


def test_an_unknown_scale_is_created_with_its_levels(khujirt, make_document):
    rating_scale = DocScale(
        code="khujirt-rating",
        name="Үр дүнтэй / Үр дүнгүй",
        levels=(
            DocScaleLevel(Decimal("100"), "Үр дүнтэй", "Effective"),
            DocScaleLevel(Decimal("50.5"), "Дунд", "Partly effective"),
            DocScaleLevel(Decimal("0"), "Үр дүнгүй", "Not effective"),
        ),
        rounding=Rounding.TRUNCATE,
        decimals=1,
    )
    document = replace(make_document(), scale=rating_scale)
    report = report_import_document(document=document, organization=khujirt)
    stored = Scale.objects.get(code="khujirt-rating")
    assert not stored.is_default
    assert stored.levels.count() == 3
    assert report.plan.scale == stored
    assert report_document(report=report) == document


def test_a_report_on_another_scale_than_its_plan_is_refused(khujirt, make_document):
    report_import_document(document=make_document(period=Period.HALF_YEAR), organization=khujirt)
    other = replace(GOVERNMENT_SCALE, code="other", name="Өөр шатлал")
    before = row_counts()
    with pytest.raises(PlanScaleMismatchError) as err:
        report_import_document(document=replace(make_document(), scale=other), organization=khujirt)
    assert (err.value.plan_scale, err.value.document_scale) == ("mn-gov", "other")
    assert row_counts() == before


def test_the_number_of_queries_does_not_grow_with_the_measures(
    khujirt, make_document, django_assert_max_num_queries
):
    counts = []
    for year, per_objective in ((2023, 5), (2024, 50)):  # 10 and 100 measures
        document = make_document(objectives=2, measures_per_objective=per_objective, year=year)
        assert document.measure_count == per_objective * 2
        with CaptureQueriesContext(connection) as ctx:
            report_import_document(document=document, organization=khujirt)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]

    document = make_document(objectives=10, measures_per_objective=10, year=2025)
    with django_assert_max_num_queries(counts[0]):
        report_import_document(document=document, organization=khujirt)


def test_adding_to_an_existing_plan_also_takes_constant_queries(khujirt, make_document):
    # 15 and 90 measures in the annual report (SQLite inserts about 110 measures a statement).
    counts = []
    for year, per_objective in ((2023, 5), (2024, 30)):
        half = make_document(
            objectives=2, measures_per_objective=per_objective, year=year, period=Period.HALF_YEAR
        )
        report_import_document(document=half, organization=khujirt)
        annual = make_document(objectives=3, measures_per_objective=per_objective, year=year)
        with CaptureQueriesContext(connection) as ctx:
            report_import_document(document=annual, organization=khujirt)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def _document(*, objectives):
    from shudarga.documents.model import ReportDocument

    return ReportDocument(
        title="Төлөвлөгөөний биелэлт",
        organization="Хужирт сумын Засаг даргын Тамгын газар",
        year=2024,
        objectives=objectives,
    )
