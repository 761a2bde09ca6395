"""Signing off, submitting and returning a report (plans.reports.workflow)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from shudarga.plans.errors import (
    ReasonRequiredError,
    ReportLockedError,
    UnscoredMeasuresError,
)
from shudarga.plans.models import MeasureResult, Report, ReportEvent
from shudarga.plans.reports.filling import result_update
from shudarga.plans.reports.workflow import report_return, report_submit

pytestmark = pytest.mark.django_db


def score_all(report, *, except_numbers=()):
    """Score every measure 100 (2.2 not yet due), leaving out ``except_numbers``."""
    for result in report.results.select_related("measure"):
        number = result.measure.number
        if number in except_numbers:
            continue
        not_due = number == "2.2"
        MeasureResult.objects.filter(pk=result.pk).update(
            score=None if not_due else Decimal("100"), not_due=not_due
        )


def test_it_refuses_to_submit_with_unscored_measures_and_lists_them(report, head):
    score_all(report, except_numbers=("1.2", "2.1"))
    with pytest.raises(UnscoredMeasuresError) as caught:
        report_submit(user=head, report=report)
    assert caught.value.numbers == ["1.2", "2.1"]
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT
    assert report.submitted_at is None


def test_the_head_submits_a_complete_report_and_it_is_recorded(report, head):
    score_all(report)
    report_submit(user=head, report=report)
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    assert report.submitted_at is not None
    event = report.events.last()
    assert (event.from_status, event.to_status, event.by, event.reason) == (
        "draft",
        "submitted",
        head,
        "",
    )
    assert event.at is not None


def test_an_officer_a_viewer_an_outsider_and_staff_cannot_submit(
    report, officer, viewer, rival, national
):
    score_all(report)
    for user in (officer, viewer, rival, national):
        with pytest.raises(PermissionDenied):
            report_submit(user=user, report=report)
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


def test_a_submitted_report_cannot_be_submitted_again(report, head):
    score_all(report)
    report_submit(user=head, report=report)
    with pytest.raises(ReportLockedError):
        report_submit(user=head, report=report)
    assert report.events.filter(to_status="submitted").count() == 1


@pytest.fixture
def submitted(report, head):
    score_all(report)
    return report_submit(user=head, report=report)


@pytest.mark.parametrize("reason", ["", "   ", "\r\n"])
def test_returning_needs_a_reason(submitted, national, reason):
    with pytest.raises(ReasonRequiredError):
        report_return(user=national, report=submitted, reason=reason)
    submitted.refresh_from_db()
    assert submitted.status == Report.Status.SUBMITTED


def test_staff_return_a_submitted_report_with_a_reason_and_it_unlocks(
    submitted, national, officer, results
):
    report_return(
        user=national, report=submitted, reason="1.2-ын нотлох баримт дутуу.\r\nНэмнэ үү."
    )
    submitted.refresh_from_db()
    assert submitted.status == Report.Status.RETURNED
    assert submitted.submitted_at is None
    event = submitted.events.last()
    assert (event.from_status, event.to_status, event.by) == ("submitted", "returned", national)
    assert event.reason == "1.2-ын нотлох баримт дутуу.\nНэмнэ үү."
    saved = result_update(
        user=officer,
        result=results["1.2"],
        expected_version=1,
        spent=None,
        achieved="Нотлох баримт нэмэв",
        score=Decimal("70"),
        not_due=False,
    )
    assert saved.version == 2


def test_members_of_the_organization_cannot_return_their_own_report(
    submitted, head, officer, viewer, rival
):
    for user in (head, officer, viewer, rival):
        with pytest.raises(PermissionDenied):
            report_return(user=user, report=submitted, reason="Буцаав")
    submitted.refresh_from_db()
    assert submitted.status == Report.Status.SUBMITTED


def test_only_a_submitted_report_can_be_returned(report, national):
    with pytest.raises(ReportLockedError):
        report_return(user=national, report=report, reason="Буцаав")


def test_a_returned_report_can_be_submitted_again_and_every_step_is_kept(submitted, national, head):
    report_return(user=national, report=submitted, reason="Дахин шалгана уу")
    report_submit(user=head, report=submitted)
    steps = list(
        ReportEvent.objects.filter(report=submitted).values_list(
            "from_status", "to_status", "by__username", "reason"
        )
    )
    assert steps == [
        ("", "draft", "oyunchimeg", ""),
        ("draft", "submitted", "batbayar", ""),
        ("submitted", "returned", "bold", "Дахин шалгана уу"),
        ("returned", "submitted", "batbayar", ""),
    ]
