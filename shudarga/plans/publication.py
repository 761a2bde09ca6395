"""Publishing an accepted report, and correcting it after publication.

Who publishes is a setting (``settings.SHUDARGA_PUBLISHER``): ``"head"`` — the organization's
head (APPROVE); ``"reviewer"`` — the reviewer (REVIEW). Publishing freezes the report's
document with the OFFICIAL scores (the reviewer's where a measure was reviewed, the
self-assessed one elsewhere) in a ReportPublication; the report is then published and
every edit service refuses it (``plans.reporting`` edits draft and returned reports only,
``plans.review`` scores submitted ones only). A correction after publication makes a new
version from the current data; the older versions stay listed (``is_current`` moves).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import simplejson
from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from shudarga.documents import jsonform
from shudarga.documents import model as doc
from shudarga.orgs.access import Action, reports_for
from shudarga.plans.models import MeasureResult, Report, ReportEvent, ReportPublication
from shudarga.plans.report_errors import ReasonRequiredError
from shudarga.plans.reporting import report_for_change
from shudarga.plans.selectors import _plain, report_document
from shudarga.plans.summaries import summary_refresh

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

__all__ = [
    "publication_correct",
    "publications_of",
    "publisher_action",
    "report_official_document",
    "report_publish",
    "user_may_publish",
]


def publisher_action() -> Action:
    """The permission that publishes: APPROVE (the head) or REVIEW (the reviewer)."""
    return Action.REVIEW if settings.SHUDARGA_PUBLISHER == "reviewer" else Action.APPROVE


def user_may_publish(*, user: AbstractBaseUser, report: Report) -> bool:
    return reports_for(user, publisher_action()).filter(pk=report.pk).exists()


def report_official_document(*, report: Report) -> doc.ReportDocument:
    """The report's document with the official score of each measure: the reviewer's where
    reviewed (the rating written with a self-assessed score is dropped when the reviewer's
    differs), the self-assessed one elsewhere."""
    document = report_document(report=report)
    # report_document lists results in this order, objective by objective.
    results = list(
        MeasureResult.objects.filter(report_id=report.pk)
        .order_by(
            "measure__objective__order", "measure__objective_id", "measure__order", "measure_id"
        )
        .values_list("score", "not_due", "reviewer_score", "reviewer_not_due", "reviewed_at")
    )
    entries = [m for objective in document.objectives for m in objective.measures]
    if len(entries) != len(results):  # pragma: no cover - the two reads disagree
        raise RuntimeError("the report changed while its document was built")
    for entry, (score, not_due, r_score, r_not_due, reviewed_at) in zip(
        entries, results, strict=True
    ):
        if reviewed_at is None:
            continue
        if (r_score, r_not_due) != (score, not_due):
            entry.rating = None
        entry.score = None if r_not_due else _plain(r_score)
        entry.not_due = r_not_due
    return document


def _document_json(report: Report) -> dict[str, Any]:
    """The official document as JSON, each measure also carrying the self-assessed score and
    the reviewer's score and comment (extra keys of the format), so citizens see both."""
    data = simplejson.loads(jsonform.dumps(report_official_document(report=report)))
    reviews = (
        MeasureResult.objects.filter(report_id=report.pk)
        .order_by(
            "measure__objective__order", "measure__objective_id", "measure__order", "measure_id"
        )
        .values_list("score", "not_due", "reviewer_score", "reviewer_comment", "reviewed_at")
    )
    measures = [m for objective in data["objectives"] for m in objective["measures"]]
    for measure, (score, not_due, r_score, comment, reviewed_at) in zip(
        measures, reviews, strict=True
    ):
        measure["self_score"] = None if not_due or score is None else float(_plain(score))
        measure["reviewer_score"] = (
            float(_plain(r_score)) if reviewed_at is not None and r_score is not None else None
        )
        measure["reviewer_comment"] = comment if reviewed_at is not None else ""
    return data


def _publish(report: Report, *, user: AbstractBaseUser, note: str = ""):
    """The next version, made current; the versions before it stay listed."""
    last = ReportPublication.objects.filter(report=report).aggregate(v=Max("version"))["v"]
    ReportPublication.objects.filter(report=report, is_current=True).update(is_current=False)
    summary = summary_refresh(report_id=report.pk)
    return ReportPublication.objects.create(
        report=report,
        version=(last or 0) + 1,
        document=_document_json(report),
        official_total=summary.official_total,
        published_by=user,
        is_current=True,
        note=note,
    )


@transaction.atomic
def report_publish(*, user: AbstractBaseUser, report: Report) -> ReportPublication:
    """Publish an accepted report (version 1): PermissionDenied unless the user may publish
    (per the setting), ReportLockedError unless the report is accepted."""
    locked = report_for_change(
        user=user, report_id=report.pk, action=publisher_action(),
        allowed=(Report.Status.ACCEPTED,),
    )
    from_status = locked.status
    locked.status = Report.Status.PUBLISHED
    locked.published_at = timezone.now()
    locked.save(update_fields=["status", "published_at"])
    ReportEvent.objects.create(
        report=locked, from_status=from_status, to_status=locked.status, by=user
    )
    return _publish(locked, user=user)


@transaction.atomic
def publication_correct(
    *, user: AbstractBaseUser, report: Report, note: str
) -> ReportPublication:
    """A correction after publication: a new current version from the current data, with a
    required note (ReasonRequiredError); the older versions stay listed."""
    note = (note or "").replace("\r\n", "\n").strip()
    if not note:
        raise ReasonRequiredError
    locked = report_for_change(
        user=user, report_id=report.pk, action=publisher_action(),
        allowed=(Report.Status.PUBLISHED,),
    )
    locked.published_at = timezone.now()
    locked.save(update_fields=["published_at"])
    ReportEvent.objects.create(
        report=locked, from_status=locked.status, to_status=locked.status, by=user, reason=note
    )
    return _publish(locked, user=user, note=note)


def publications_of(*, report: Report) -> list[ReportPublication]:
    """Every published version of the report, newest first, with who published it."""
    return list(
        ReportPublication.objects.filter(report=report)
        .select_related("published_by")
        .order_by("-version")
    )
