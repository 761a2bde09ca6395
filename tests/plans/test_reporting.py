"""Starting a report and saving what each measure achieved (plans.reports.filling)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from shudarga.plans.errors import (
    PlanNotApprovedError,
    ReportExistsError,
    ReportLockedError,
    ResultConflictError,
    ResultValueError,
)
from shudarga.plans.models import MeasureResult, Plan, Report, ReportEvent
from shudarga.plans.reports.filling import report_start, result_update
from tests.personas import make_plan

pytestmark = pytest.mark.django_db


def save(user, result, *, version: int | None = None, **values):
    """Save ``values`` over an empty result, against ``version`` (else the one in memory)."""
    fields = {"spent": None, "achieved": "", "score": None, "not_due": False, **values}
    return result_update(
        user=user, result=result, expected_version=version or result.version, **fields
    )


def test_it_starts_a_draft_with_one_empty_result_per_measure_in_plan_order(plan, officer):
    report = report_start(user=officer, plan=plan, period="annual")
    assert report.status == Report.Status.DRAFT
    assert report.period == Report.Period.ANNUAL
    numbers = list(
        report.results.order_by("measure__objective__order", "measure__order").values_list(
            "measure__number", flat=True
        )
    )
    assert numbers == ["1.1", "1.2", "2.1", "2.2"]
    assert not report.results.exclude(score=None).exists()
    event = ReportEvent.objects.get(report=report)
    assert (event.from_status, event.to_status, event.by) == ("", "draft", officer)
    # Each result starts its history, the base later changes are compared with.
    assert MeasureResult.history.filter(report_id=report.pk, history_type="+").count() == 4


def test_it_starts_a_report_only_for_an_approved_plan(khujirt, officer):
    draft = make_plan(khujirt, year=2026, status=Plan.Status.DRAFT)
    with pytest.raises(PlanNotApprovedError):
        report_start(user=officer, plan=draft, period="half_year")
    assert not Report.objects.exists()


def test_it_refuses_a_second_report_for_the_same_period_and_names_the_first(plan, officer, report):
    with pytest.raises(ReportExistsError) as caught:
        report_start(user=officer, plan=plan, period="half_year")
    assert caught.value.report == report
    assert report_start(user=officer, plan=plan, period="annual").period == "annual"


def test_it_lets_only_officers_and_heads_of_the_organization_start(plan, viewer, rival, staff):
    for user in (viewer, rival, staff):
        with pytest.raises(PermissionDenied):
            report_start(user=user, plan=plan, period="half_year")
    assert not Report.objects.exists()


def test_it_refuses_a_period_that_does_not_exist(plan, officer):
    with pytest.raises(ValueError):
        report_start(user=officer, plan=plan, period="quarter")


def test_it_saves_a_result_raises_its_version_and_records_who(results, officer):
    result = results["1.1"]
    saved = save(
        officer,
        result,
        spent=Decimal("840.5"),
        achieved="Сургалт\r\nзохион байгуулав ",
        score=Decimal("100"),
    )
    saved.refresh_from_db()
    assert (saved.spent, saved.achieved, saved.score, saved.version) == (
        Decimal("840.50"),
        "Сургалт\nзохион байгуулав",
        Decimal("100"),
        2,
    )
    last = saved.history.first()
    assert last.history_user == officer
    assert last.history_type == "~"


def test_it_refuses_a_stale_version_with_the_stored_values_and_writes_nothing(
    results, officer, head
):
    result = results["1.1"]
    save(head, result, achieved="Даргын хувилбар", score=Decimal("70"))
    with pytest.raises(ResultConflictError) as caught:
        save(officer, result, achieved="Мэргэжилтний хувилбар", score=Decimal("100"), version=1)
    stored = caught.value.stored
    assert (stored.achieved, stored.score, stored.version) == ("Даргын хувилбар", Decimal("70"), 2)
    assert stored.changed_by == head
    assert caught.value.expected == 1
    result.refresh_from_db()
    assert (result.achieved, result.version) == ("Даргын хувилбар", 2)


def test_it_saves_against_the_stored_version_once_the_user_has_seen_it(results, officer, head):
    result = results["1.1"]
    save(head, result, achieved="Даргын хувилбар")
    saved = save(officer, result, achieved="Мэргэжилтний хувилбар", version=2)
    assert (saved.achieved, saved.version) == ("Мэргэжилтний хувилбар", 3)


def test_it_takes_only_scores_of_the_plan_scale(results, officer):
    with pytest.raises(ResultValueError) as caught:
        save(officer, results["1.1"], score=Decimal("85"))
    assert caught.value.field == "score"
    assert save(officer, results["1.1"], score=Decimal("30")).score == Decimal("30")


def test_it_keeps_an_imported_score_that_is_not_on_the_scale(results, officer):
    result = results["1.1"]
    MeasureResult.objects.filter(pk=result.pk).update(score=Decimal("85"))
    result.refresh_from_db()
    saved = save(officer, result, score=Decimal("85"), achieved="Нэмэлт тайлбар")
    assert (saved.score, saved.achieved) == (Decimal("85"), "Нэмэлт тайлбар")


def test_it_takes_no_score_for_a_measure_not_yet_due(results, officer):
    with pytest.raises(ResultValueError):
        save(officer, results["1.1"], score=Decimal("100"), not_due=True)
    saved = save(officer, results["1.1"], not_due=True)
    assert (saved.not_due, saved.score) == (True, None)


@pytest.mark.parametrize("spent", [Decimal("-1"), Decimal("0.001"), Decimal("1e12")])
def test_it_refuses_money_below_zero_too_precise_or_too_large(results, officer, spent):
    with pytest.raises(ResultValueError) as caught:
        save(officer, results["1.1"], spent=spent)
    assert caught.value.field == "spent"


def test_it_changes_nothing_when_the_values_are_already_stored(results, officer):
    result = results["1.1"]
    save(officer, result, achieved="Хийсэн", spent=Decimal("5"))
    records = result.history.count()
    again = save(officer, result, achieved="Хийсэн\r\n", spent=Decimal("5.00"), version=2)
    assert again.version == 2
    assert result.history.count() == records


def test_it_drops_the_rating_label_written_with_an_older_score(results, officer):
    result = results["1.1"]
    MeasureResult.objects.filter(pk=result.pk).update(score=100, rating_label="Үр дүнтэй")
    result.refresh_from_db()
    kept = save(officer, result, score=Decimal("100"), achieved="Нэмэв")
    assert kept.rating_label == "Үр дүнтэй"
    dropped = save(officer, result, score=Decimal("0"), achieved="Нэмэв", version=kept.version)
    assert dropped.rating_label == ""


def test_it_lets_no_viewer_outsider_or_staff_user_change_a_result(results, viewer, rival, staff):
    for user in (viewer, rival, staff):
        with pytest.raises(PermissionDenied):
            save(user, results["1.1"], achieved="Өөрчлөлт")
    results["1.1"].refresh_from_db()
    assert results["1.1"].achieved == ""


@pytest.mark.parametrize("status", ["submitted", "accepted", "published"])
def test_it_refuses_to_change_a_result_of_a_locked_report(report, results, officer, status):
    Report.objects.filter(pk=report.pk).update(status=status)
    with pytest.raises(ReportLockedError):
        save(officer, results["1.1"], achieved="Өөрчлөлт")
    results["1.1"].refresh_from_db()
    assert results["1.1"].achieved == ""
