"""A generated plan's story taken through the services people use, step by step.

The officer imports the plan from a file and the head approves it. The officer imports each
report from the organization's file or starts it and fills it in measure by measure; the head
submits it; the reviewer assigned above the organization returns it with a reason (the
officer answers, the head submits again) or scores the measures they change or comment on
and accepts it; the publisher (``settings.SHUDARGA_PUBLISHER``) publishes it and may correct
it. So the demo's rows carry the events, the history and both scores that the same steps in
the browser leave. The services stamp "now"; ``demo.backdate`` then moves each stamp to the
story's day.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from shudarga.demo import backdate
from shudarga.demo.story import (
    EVIDENCE,
    NOT_FILLED,
    MeasureStory,
    PlanStory,
    ReportStory,
    fixed_measures,
)
from shudarga.documents import model as doc
from shudarga.orgs.models import Organization
from shudarga.plans.models import MeasureResult, Plan, Report
from shudarga.plans.planning.approval import plan_approve, plan_import_document
from shudarga.plans.reports.filling import evidence_add_link, report_start, result_update
from shudarga.plans.reports.storing import report_import_document
from shudarga.plans.reports.workflow import report_accept, report_return, report_submit
from shudarga.plans.review.publication import publication_correct, report_publish, user_may_publish
from shudarga.plans.review.scoring import review_agree, review_score

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

S = Report.Status
EVIDENCE_URL = "https://example.org/shudarga-demo/{org}/{year}/{number}"


@dataclasses.dataclass(frozen=True)
class Cast:
    """Who acts for one organization: its officer and head, and the reviewer above it."""

    officer: AbstractBaseUser
    head: AbstractBaseUser
    reviewer: AbstractBaseUser


def plan_enact(
    *, office: Organization, year: int, story: PlanStory, cast: Cast, document: doc.ReportDocument
) -> list[Report]:
    """The plan imported by the officer, approved by the head when a report is started on
    it, and its reports; every step dated as the story says. The reports made."""
    plan = plan_import_document(
        user=cast.officer, organization=office, year=year, document=document
    )
    if story.approved is not None:
        plan = plan_approve(user=cast.head, plan=plan)
    reports = []
    for report_story in story.reports:
        report, fix_mark = _report_enact(
            plan=plan, story=report_story, cast=cast, document=document
        )
        backdate.report_backdate(report=report, story=report_story, cast=cast, fix_mark=fix_mark)
        reports.append(report)
    backdate.plan_backdate(plan=plan, story=story)
    return reports


def _report_enact(
    *, plan: Plan, story: ReportStory, cast: Cast, document: doc.ReportDocument
) -> tuple[Report, int | None]:
    """The report through its steps; with the last history row before a fix, if any."""
    if story.imported:
        report = report_import_document(
            document=_report_document(document, story, plan=plan),
            organization=plan.organization,
            source_name=f"{_title(story, plan=plan)}.docx",
            user=cast.officer,
        )
    else:
        report = report_start(user=cast.officer, plan=plan, period=story.period.value)
    results = list(
        MeasureResult.objects.filter(report=report)
        .select_related("measure")
        .order_by("measure__objective__order", "measure__order")
    )
    if not story.imported:
        for i, (result, values) in enumerate(zip(results, story.measures, strict=True)):
            if values != NOT_FILLED:
                results[i] = _write(result, values, cast.officer)
    fix_mark = None
    returned = published = False
    for step in story.steps[1:]:
        if step.to == S.SUBMITTED:
            if returned and story.fix is not None:
                fix_mark = _fix(results=results, story=story, cast=cast, plan=plan)
            report = report_submit(user=cast.head, report=report)
        elif step.to == S.RETURNED:
            report = report_return(user=cast.reviewer, report=report, reason=step.reason)
            returned = True
        elif step.to == S.ACCEPTED:
            for result, review in zip(results, story.reviews, strict=True):
                if review is not None:
                    review_score(
                        user=cast.reviewer,
                        result=result,
                        score=review[0],
                        not_due=result.not_due,
                        comment=review[1],
                    )
            # The demo's reviewer agrees with every measure they did not score themselves.
            review_agree(user=cast.reviewer, report=report)
            report = report_accept(user=cast.reviewer, report=report)
        elif step.to == S.PUBLISHED and not published:
            report_publish(user=_publisher(report, cast), report=report)
            published = True
        elif step.to == S.PUBLISHED:
            publication_correct(user=_publisher(report, cast), report=report, note=step.reason)
    return report, fix_mark


def _title(story: ReportStory, *, plan: Plan) -> str:
    period = "хагас жилийн" if story.period == doc.Period.HALF_YEAR else "жилийн эцсийн"
    return (
        f"{plan.organization.name}: авлигын эсрэг үйл ажиллагааны {plan.year} оны "
        f"төлөвлөгөөний {period} биелэлт"
    )


def _report_document(
    plan_document: doc.ReportDocument, story: ReportStory, *, plan: Plan
) -> doc.ReportDocument:
    """The report as the organization's file holds it: the plan, filled in."""
    values = iter(story.measures)
    objectives = [
        dataclasses.replace(
            o,
            measures=[
                dataclasses.replace(
                    m, spent=v.spent, achieved=v.achieved, score=v.score, not_due=v.not_due
                )
                for m, v in zip(o.measures, values, strict=False)
            ],
        )
        for o in plan_document.objectives
    ]
    return dataclasses.replace(
        plan_document, title=_title(story, plan=plan), period=story.period, objectives=objectives
    )


def _write(result: MeasureResult, values: MeasureStory, user: AbstractBaseUser) -> MeasureResult:
    measure = result.measure
    stored = result_update(
        user=user,
        result=result,
        expected_version=result.version,
        spent=values.spent,
        achieved=values.achieved,
        score=values.score,
        not_due=values.not_due,
    )
    stored.measure = measure  # kept for the fix, which names measures by number
    return stored


def _fix(*, results: list[MeasureResult], story: ReportStory, cast: Cast, plan: Plan) -> int:
    """The officer answers the reviewer's reason; the last history row before it."""
    fix = story.fix
    assert fix is not None
    mark = MeasureResult.history.order_by("-history_id").values_list("history_id", flat=True)[0]
    if fix.kind == EVIDENCE:
        for i in fix.measures:
            result = results[i]
            evidence_add_link(
                user=cast.officer,
                result=result,
                url=EVIDENCE_URL.format(
                    org=plan.organization_id, year=plan.year, number=result.measure.number
                ),
                title=f"{result.measure.number}: хэрэгжилтийн тайлан, зураг",
            )
    else:
        final = fixed_measures(story.measures, fix)
        for i in fix.measures:
            results[i] = _write(results[i], final[i], cast.officer)
    return mark


def _publisher(report: Report, cast: Cast) -> AbstractBaseUser:
    """The head or the reviewer, whichever ``settings.SHUDARGA_PUBLISHER`` lets publish."""
    for user in (cast.head, cast.reviewer):
        if user_may_publish(user=user, report=report):
            return user
    raise LookupError(f"no one in the demo may publish report #{report.pk}")
