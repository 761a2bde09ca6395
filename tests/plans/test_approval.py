"""A plan's life through the services: created empty, copied, imported, approved, reopened."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from shudarga.demo.load import SEED
from shudarga.documents.readers import read_path
from shudarga.plans.errors import (
    NoPreviousPlanError,
    PlanActionRefused,
    PlanExistsError,
    PlanReopenRefused,
    PlanStateError,
)
from shudarga.plans.models import Measure, MeasureResult, Objective, Plan, PlanEvent, Report
from shudarga.plans.planning import approval
from shudarga.plans.reports.storing import report_import_document
from tests.personas import build_plan, numbers

pytestmark = pytest.mark.django_db


def test_it_creates_an_empty_draft_plan_on_the_default_scale(khujirt, officer):
    plan = approval.plan_create_empty(user=officer, organization=khujirt, year=2025)
    assert (plan.status, plan.year, plan.scale.is_default) == ("draft", 2025, True)
    assert plan.objectives.count() == 0
    assert plan.history.get().history_user == officer


def test_it_refuses_a_second_plan_for_the_same_year(draft, khujirt, officer):
    with pytest.raises(PlanExistsError) as caught:
        approval.plan_create_empty(user=officer, organization=khujirt, year=2025)
    assert "already has a plan for 2025" in str(caught.value)


def test_it_refuses_a_year_out_of_range(khujirt, officer):
    with pytest.raises(ValidationError):
        approval.plan_create_empty(user=officer, organization=khujirt, year=1999)


@pytest.mark.parametrize("who", ["viewer", "rival", "staff"])
def test_only_officers_and_heads_create_plans(khujirt, request, who):
    with pytest.raises(PermissionDenied):
        approval.plan_create_empty(
            user=request.getfixturevalue(who), organization=khujirt, year=2025
        )
    assert not Plan.objects.exists()


def test_it_copies_last_years_objectives_and_measures_without_results(
    khujirt, officer, make_document
):
    report = report_import_document(document=make_document(), organization=khujirt)
    results_before = MeasureResult.objects.count()
    copied = approval.plan_copy_from_previous(user=officer, organization=khujirt, year=2025)
    assert numbers(copied) == ["1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "2.3"]
    old = list(
        Measure.objects.filter(objective__plan=report.plan)
        .order_by("objective__order", "order")
        .values_list(
            "text", "indicator", "target", "planned_budget", "responsible_unit", "deadline"
        )
    )
    new = list(
        Measure.objects.filter(objective__plan=copied)
        .order_by("objective__order", "order")
        .values_list(
            "text", "indicator", "target", "planned_budget", "responsible_unit", "deadline"
        )
    )
    assert new == old
    assert new[0][3] == Decimal("2000")
    assert list(copied.objectives.values_list("title", flat=True)) == ["Зорилт 1.", "Зорилт 2."]
    assert not Report.objects.filter(plan=copied).exists()
    assert MeasureResult.objects.count() == results_before
    assert not MeasureResult.objects.filter(measure__objective__plan=copied).exists()
    assert (copied.status, copied.scale_id) == ("draft", report.plan.scale_id)
    assert Measure.history.filter(objective_id__in=copied.objectives.values("pk")).count() == 6


def test_it_copies_from_the_latest_earlier_plan(khujirt, officer):
    build_plan(khujirt, year=2022, objectives=1, measures_per_objective=1)
    build_plan(khujirt, year=2023, objectives=3, measures_per_objective=1)
    copied = approval.plan_copy_from_previous(user=officer, organization=khujirt, year=2025)
    assert copied.objectives.count() == 3


def test_it_refuses_to_copy_when_there_is_no_earlier_plan(khujirt, officer):
    build_plan(khujirt, year=2026)
    with pytest.raises(NoPreviousPlanError):
        approval.plan_copy_from_previous(user=officer, organization=khujirt, year=2025)
    assert Plan.objects.count() == 1


def test_it_imports_the_khujirt_seed_as_a_plan_of_6_objectives_and_11_measures(khujirt, officer):
    document = read_path(SEED)
    plan = approval.plan_import_document(
        user=officer, organization=khujirt, year=2024, document=document
    )
    assert Objective.objects.filter(plan=plan).count() == 6
    assert Measure.objects.filter(objective__plan=plan).count() == 11
    assert numbers(plan)[:4] == ["1", "1.1", "1.2", "2"]
    # A report's results are not part of the plan.
    assert not Report.objects.exists()
    assert not MeasureResult.objects.exists()
    assert "БИЕЛЭЛТ" not in plan.title


def test_it_refuses_to_import_a_document_without_measures(khujirt, officer, make_document):
    with pytest.raises(PlanActionRefused):
        approval.plan_import_document(
            user=officer, organization=khujirt, year=2025, document=make_document(objectives=0)
        )
    assert not Plan.objects.exists()


def test_the_head_approves_a_draft_and_it_is_recorded(draft, head):
    approval.plan_approve(user=head, plan=draft)
    draft.refresh_from_db()
    assert (draft.status, draft.approved_by) == ("approved", head)
    assert draft.approved_at is not None
    event = PlanEvent.objects.get(plan=draft)
    assert (event.action, event.by, event.reason) == ("approved", head, "")


@pytest.mark.parametrize("who", ["officer", "viewer", "rival", "staff"])
def test_only_the_head_approves(draft, request, who):
    with pytest.raises(PermissionDenied):
        approval.plan_approve(user=request.getfixturevalue(who), plan=draft)
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert not PlanEvent.objects.exists()


def test_a_plan_without_measures_is_not_approved(khujirt, head):
    plan = build_plan(khujirt, objectives=1, measures_per_objective=0)
    with pytest.raises(PlanStateError):
        approval.plan_approve(user=head, plan=plan)


def test_an_approved_plan_is_not_approved_twice(draft, head):
    approval.plan_approve(user=head, plan=draft)
    with pytest.raises(PlanStateError):
        approval.plan_approve(user=head, plan=draft)
    assert PlanEvent.objects.count() == 1


def test_reopening_needs_a_reason(draft, head):
    approval.plan_approve(user=head, plan=draft)
    with pytest.raises(ValidationError) as caught:
        approval.plan_reopen(user=head, plan=draft, reason="  \n ")
    assert "reason" in caught.value.message_dict
    draft.refresh_from_db()
    assert draft.status == "approved"


def test_reopening_records_who_when_and_why(draft, head):
    approval.plan_approve(user=head, plan=draft)
    approval.plan_reopen(user=head, plan=draft, reason="АТГ-ын зөвлөмжөөр 2.2-ыг засна")
    draft.refresh_from_db()
    assert (draft.status, draft.approved_by, draft.approved_at) == ("draft", None, None)
    event = PlanEvent.objects.filter(plan=draft).last()
    assert (event.action, event.by, event.reason) == (
        "reopened",
        head,
        "АТГ-ын зөвлөмжөөр 2.2-ыг засна",
    )


@pytest.mark.parametrize("who", ["officer", "viewer", "rival"])
def test_only_the_head_reopens(draft, head, request, who):
    approval.plan_approve(user=head, plan=draft)
    with pytest.raises(PermissionDenied):
        approval.plan_reopen(user=request.getfixturevalue(who), plan=draft, reason="x")
    draft.refresh_from_db()
    assert draft.status == "approved"


@pytest.mark.parametrize("status", ["submitted", "accepted", "published"])
def test_it_refuses_to_reopen_while_a_report_is_with_the_reviewers(draft, head, status):
    approval.plan_approve(user=head, plan=draft)
    Report.objects.create(plan=draft, period="half_year", status=status)
    with pytest.raises(PlanReopenRefused) as caught:
        approval.plan_reopen(user=head, plan=draft, reason="засна")
    assert "cannot be reopened" in str(caught.value)
    draft.refresh_from_db()
    assert draft.status == "approved"
    assert PlanEvent.objects.filter(action="reopened").count() == 0


@pytest.mark.parametrize("status", ["draft", "returned"])
def test_it_reopens_while_a_report_is_still_with_the_organization(draft, head, status):
    approval.plan_approve(user=head, plan=draft)
    Report.objects.create(plan=draft, period="annual", status=status)
    approval.plan_reopen(user=head, plan=draft, reason="засна")
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_a_draft_is_not_reopened(draft, head):
    with pytest.raises(PlanStateError):
        approval.plan_reopen(user=head, plan=draft, reason="x")
