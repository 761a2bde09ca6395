"""Small pieces of the review shown on other pages: the organization's late and missing
reports (the plan list) and, on the report sheet, the reviewer's scores and publication."""

from __future__ import annotations

from django import template
from django.utils import timezone

from shudarga.orgs.models import Organization
from shudarga.plans.analytics.reminders import reporting_gaps
from shudarga.plans.models import MeasureResult, Report
from shudarga.plans.reports.transitions import Step, step_allowed
from shudarga.plans.review.publication import publications_of

register = template.Library()


@register.inclusion_tag("web/review/_my_gaps.html", takes_context=True)
def reporting_reminders(context) -> dict:
    """The late and missing reports of the organizations the user is a member of."""
    user = context["request"].user
    mine = Organization.objects.filter(memberships__user=user).distinct()
    return {"gaps": reporting_gaps(organizations=mine, today=timezone.localdate())}


@register.inclusion_tag("web/review/_sheet_review.html", takes_context=True)
def report_review_panel(context, report: Report) -> dict:
    """The reviewer's scores beside the self-assessed ones, and the report's publication."""
    user = context["request"].user
    reviewed = list(
        MeasureResult.objects.filter(report=report, reviewed_at__isnull=False)
        .select_related("measure", "reviewed_by")
        .order_by("measure__objective__order", "measure__objective_id", "measure__order", "pk")
    )
    return {
        "report": report,
        "reviewed": reviewed,
        "not_due_mark": report.plan.scale.not_due_mark,
        "publications": publications_of(report=report),
        "may_publish": step_allowed(user, report, Step.PUBLISH),
    }
