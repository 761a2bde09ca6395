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
from shudarga.orgs.access import Action, reports_for
from shudarga.plans.models import Report, ReportEvent, ReportPublication
from shudarga.plans.report_errors import ReasonRequiredError
from shudarga.plans.reporting import report_for_change
from shudarga.plans.selectors import report_document
from shudarga.plans.summaries import summary_refresh

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

__all__ = [
    "publication_correct",
    "publications_of",
    "publisher_action",
    "report_publication_json",
    "report_publish",
    "user_may_publish",
]


def publisher_action() -> Action:
    """The permission that publishes: APPROVE (the head) or REVIEW (the reviewer)."""
    return Action.REVIEW if settings.SHUDARGA_PUBLISHER == "reviewer" else Action.APPROVE


def user_may_publish(*, user: AbstractBaseUser, report: Report) -> bool:
    return reports_for(user, publisher_action()).filter(pk=report.pk).exists()


def report_publication_json(*, report: Report) -> dict[str, Any]:
    """The report's document as JSON: official scores, and on each reviewed measure the
    self-assessed score and the reviewer's comment beside them, so citizens see both."""
    return simplejson.loads(jsonform.dumps(report_document(report=report)))


def _publish(report: Report, *, user: AbstractBaseUser, note: str = ""):
    """The next version, made current; the versions before it stay listed."""
    last = ReportPublication.objects.filter(report=report).aggregate(v=Max("version"))["v"]
    ReportPublication.objects.filter(report=report, is_current=True).update(is_current=False)
    summary = summary_refresh(report_id=report.pk)
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
