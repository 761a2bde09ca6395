"""Publishing an accepted report, and correcting it after publication.

Who publishes is a setting (``settings.SHUDARGA_PUBLISHER``): ``"head"`` — the organization's
head (APPROVE); ``"reviewer"`` — the reviewer (REVIEW). Publishing freezes the report's
document with the OFFICIAL scores (the reviewer's where a measure was reviewed, the
self-assessed one elsewhere) in a ReportPublication; the report is then published and
every edit service refuses it (``plans.reports.filling`` edits draft and returned reports only,
``plans.review.scoring`` scores submitted ones only). A correction after publication makes a new
version from the current data; the older versions stay listed (``is_current`` moves).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import simplejson
from django.db import transaction
from django.db.models import Max

from shudarga.access import publisher_action, reports_for
from shudarga.documents import jsonform
from shudarga.documents.model import ReportDocument
from shudarga.plans.models import Report, ReportEvent, ReportPublication, ReportSummary
from shudarga.plans.reports.documents import report_document, report_documents
from shudarga.plans.reports.transitions import Step, step_take

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

__all__ = [
    "publication_correct",
    "publications_of",
    "report_publication_json",
    "report_publications_json",
    "report_publish",
    "report_reopen",
    "user_may_publish",
]


def user_may_publish(*, user: AbstractBaseUser, report: Report) -> bool:
    return reports_for(user, publisher_action()).filter(pk=report.pk).exists()


def report_publication_json(*, report: Report) -> dict[str, Any]:
    """The report's document as JSON: official scores, and on each reviewed measure the
    self-assessed score and the reviewer's comment beside them, so citizens see both."""
    return _frozen(report_document(report=report))


def report_publications_json(*, report_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """``report_publication_json`` of many reports, {report id: JSON}, in a few queries a
    batch: for bulk loads."""
    return {pk: _frozen(d) for pk, d in report_documents(report_ids=report_ids).items()}


def _frozen(document: ReportDocument) -> dict[str, Any]:
    # Through the JSON text, so numbers are what a reader of the published JSON gets; the
    # text's indentation does not change the result, and without it the C encoder runs.
    return simplejson.loads(jsonform.dumps(document, indent=None))


def _publish(report: Report, *, user: AbstractBaseUser, note: str = ""):
    """The next version, made current; the versions before it stay listed."""
    last = ReportPublication.objects.filter(report=report).aggregate(v=Max("version"))["v"]
    ReportPublication.objects.filter(report=report, is_current=True).update(is_current=False)
    # The step just refreshed the summary, in this transaction.
    summary = ReportSummary.objects.get(report=report)
    return ReportPublication.objects.create(
        report=report,
        version=(last or 0) + 1,
        document=report_publication_json(report=report),
        official_total=summary.official_total,
        published_by=user,
        is_current=True,
        note=note,
    )


@transaction.atomic
def report_publish(*, user: AbstractBaseUser, report: Report) -> ReportPublication:
    """Publish an accepted report (version 1): PermissionDenied unless the user may publish
    (per the setting), ReportLockedError unless the report is accepted."""
    published, _ = step_take(user=user, report_id=report.pk, step=Step.PUBLISH)
    # After a reopening, the new version says why the report was corrected.
    reopened = (
        ReportEvent.objects.filter(report=published, step=Step.REOPEN)
        .order_by("-at", "-pk")
        .first()
    )
    return _publish(published, user=user, note=reopened.reason if reopened else "")


@transaction.atomic
def publication_correct(*, user: AbstractBaseUser, report: Report, note: str) -> ReportPublication:
    """A correction after publication: a new current version from the current data, with a
    required note (ReasonRequiredError); the older versions stay listed."""
    corrected, event = step_take(user=user, report_id=report.pk, step=Step.CORRECT, reason=note)
    return _publish(corrected, user=user, note=event.reason)


@transaction.atomic
def report_reopen(*, user: AbstractBaseUser, report: Report, reason: str) -> Report:
    """Send a published report back to its organization to correct its data, with a reason
    (ReasonRequiredError). Citizens keep reading the last published version until the
    corrected report is submitted, accepted and published again, as the next version."""
    return step_take(user=user, report_id=report.pk, step=Step.REOPEN, reason=reason)[0]


def publications_of(*, report: Report) -> list[ReportPublication]:
    """Every published version of the report, newest first, with who published it."""
    return list(
        ReportPublication.objects.filter(report=report)
        .select_related("published_by")
        .order_by("-version")
    )
