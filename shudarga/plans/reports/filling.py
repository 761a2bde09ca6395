"""Writes of a report being filled in: starting it, saving a measure's result, evidence.

Every function checks who may do it through ``shudarga.access`` (PermissionDenied otherwise) and
that the report's state allows it (ReportLockedError: a submitted report is locked). A result
is saved against the version the user read: a result changed meanwhile is a ResultConflictError
carrying the stored values, never an overwrite. History (who, when, before and after) is
kept by django-simple-history; the services name the user, so it is recorded outside a web
request too.
"""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import PurePath
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from simple_history.utils import bulk_create_with_history

from shudarga.access import plans_for
from shudarga.documents.textnorm import typed_text
from shudarga.plans.analytics.summaries import summary_refresh
from shudarga.plans.errors import (
    EvidenceRejectedError,
    PlanNotApprovedError,
    ReportExistsError,
    ResultConflictError,
    ResultValueError,
)
from shudarga.plans.models import Evidence, Measure, MeasureResult, Plan, Report
from shudarga.plans.reports.transitions import (
    TRANSITIONS,
    Step,
    report_for_change,
    step_record_creation,
)

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.core.files.uploadedfile import UploadedFile

__all__ = [
    "evidence_add_file",
    "evidence_add_link",
    "evidence_check_file",
    "evidence_remove",
    "report_start",
    "result_update",
]


# MeasureResult.spent: 14 digits, 2 of them decimals.
SPENT_MAX = Decimal(10) ** 12
URL_MAX = 1000
TITLE_MAX = 255


@transaction.atomic
def report_start(*, user: AbstractBaseUser, plan: Plan, period: str) -> Report:
    """Start the plan's half-year or annual report: a draft with one empty result per measure.

    The plan must be approved (PlanNotApprovedError); a plan has one report per period
    (ReportExistsError names it). Officers and heads of the plan's organization may start it.
    """
    if not plans_for(user, TRANSITIONS[Step.START].action()).filter(pk=plan.pk).exists():
        raise PermissionDenied
    period = Report.Period(period)
    plan = Plan.objects.select_for_update().select_related("organization").get(pk=plan.pk)
    if plan.status != Plan.Status.APPROVED:
        raise PlanNotApprovedError(status=plan.status)
    existing = Report.objects.filter(plan=plan, period=period).select_related("plan").first()
    if existing is not None:
        raise ReportExistsError(report=existing)
    try:
        with transaction.atomic():
            report = Report.objects.create(
                plan=plan, period=period, title=plan.title, status=Report.Status.DRAFT
            )
    except IntegrityError:  # started by someone else a moment ago
        raise ReportExistsError(
            report=Report.objects.select_related("plan").get(plan=plan, period=period)
        ) from None
    measures = Measure.objects.filter(objective__plan=plan).order_by(
        "objective__order", "objective_id", "order", "pk"
    )
    bulk_create_with_history(
        [MeasureResult(report=report, measure=measure) for measure in measures],
        MeasureResult,
        default_user=user,
    )
    step_record_creation(report=report, step=Step.START, by=user)
    summary_refresh(report_id=report.pk)
    return report


@transaction.atomic
def result_update(
    *,
    user: AbstractBaseUser,
    result: MeasureResult,
    expected_version: int,
    spent: Decimal | None,
    achieved: str,
    score: Decimal | None,
    not_due: bool,
) -> MeasureResult:
    """Save what one measure achieved, against the version the user started from.

    - ``score`` is one of the plan's scale levels (or the score already stored, so a score
      imported from a document stays choosable); ``not_due`` (ХБ) takes no score.
    - ``spent`` is thousand MNT, at least 0, two decimals at most.
    - When the stored version is not ``expected_version`` someone saved meanwhile:
      ResultConflictError with the stored result, and nothing is written.
    - A change of score drops the rating label that was written with the old score.
    - Saving the values already stored changes nothing (no new version, no history).
    """
    report = report_for_change(user=user, report_id=result.report_id)
    stored = MeasureResult.objects.select_for_update().get(pk=result.pk)
    if stored.version != expected_version:
        raise ResultConflictError(stored=_with_last_change(stored), expected=expected_version)
    spent = _check_spent(spent)
    achieved = typed_text(achieved)
    if not_due and score is not None:
        raise ResultValueError(field="score", message="a measure not yet due has no score")
    if score is not None and score != stored.score:
        levels = set(report.plan.scale.levels.values_list("score", flat=True))
        if score not in levels:
            raise ResultValueError(field="score", message=f"{score} is not on the plan's scale")
    new = {"spent": spent, "achieved": achieved, "score": score, "not_due": not_due}
    changed = [name for name, value in new.items() if getattr(stored, name) != value]
    if not changed:
        return stored
    if "score" in changed or "not_due" in changed:
        new["rating_label"] = ""
    for name, value in new.items():
        setattr(stored, name, value)
    stored.version += 1
    stored._history_user = user
    stored.save()
    summary_refresh(report_id=stored.report_id)
    return stored


def _with_last_change(stored: MeasureResult) -> MeasureResult:
    """The stored result with ``changed_by`` and ``changed_at`` of its last record."""
    last = stored.history.select_related("history_user").first()
    stored.changed_by = last.history_user if last else None
    stored.changed_at = last.history_date if last else None
    return stored


def _check_spent(spent: Decimal | None) -> Decimal | None:
    if spent is None:
        return None
    if not spent.is_finite() or spent < 0:
        raise ResultValueError(field="spent", message="money spent is a number of at least 0")
    if spent >= SPENT_MAX or spent != spent.quantize(Decimal("0.01")):
        raise ResultValueError(
            field="spent", message="money spent has at most 12 digits and 2 decimals"
        )
    return spent.quantize(Decimal("0.01"))


# --- evidence ---------------------------------------------------------------------------

# What an evidence file must start with, by extension; DOCX and XLSX are ZIP packages that
# must also hold the part of their kind.
ZIP_MAGIC = b"PK\x03\x04"
MAGIC = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (ZIP_MAGIC,),
    ".xlsx": (ZIP_MAGIC,),
}
PACKAGE_PART = {".docx": "word/", ".xlsx": "xl/"}


def evidence_check_file(*, upload: UploadedFile) -> str:
    """The content type of an acceptable evidence file, else EvidenceRejectedError.

    Checks the extension (settings.EVIDENCE_TYPES), the size (settings.EVIDENCE_MAX_BYTES,
    and not empty) and the first bytes (a program renamed .pdf is refused). The content
    type is the one the extension stands for, never the one the browser claimed.
    """
    name = _file_name(upload.name or "")
    suffix = PurePath(name).suffix.lower()
    types = settings.EVIDENCE_TYPES
    if suffix not in types or suffix not in MAGIC:
        raise EvidenceRejectedError(code="type", name=name)
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size is None or upload.size > limit:
        raise EvidenceRejectedError(code="size", name=name, limit=limit)
    if upload.size == 0:
        raise EvidenceRejectedError(code="empty", name=name)
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(MAGIC[suffix]):
        raise EvidenceRejectedError(code="content", name=name)
    if suffix in PACKAGE_PART and not _package_holds(upload, PACKAGE_PART[suffix]):
        raise EvidenceRejectedError(code="content", name=name)
    return types[suffix]


def _package_holds(upload: UploadedFile, prefix: str) -> bool:
    """Whether a ZIP package lists a part under ``prefix`` (its directory only is read)."""
    try:
        with zipfile.ZipFile(upload) as package:
            names = package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and any(n.startswith(prefix) for n in names)


def _file_name(name: str) -> str:
    """The file's own name (no folders), at most 255 characters with its extension kept."""
    name = PurePath(name.replace("\\", "/")).name.strip() or "file"
    if len(name) > 255:
        suffix = PurePath(name).suffix[:20]
        name = name[: 255 - len(suffix)] + suffix
    return name


@transaction.atomic
def evidence_add_file(
    *, user: AbstractBaseUser, result: MeasureResult, upload: UploadedFile, title: str = ""
) -> Evidence:
    """Attach a file to a result: stored under a random name in the evidence store (outside
    every served folder), its original name kept in the row. Refused files raise
    EvidenceRejectedError and store nothing."""
    report_for_change(user=user, report_id=result.report_id)
    content_type = evidence_check_file(upload=upload)
    name = _file_name(upload.name or "")
    evidence = Evidence(
        result=result,
        original_name=name,
        content_type=content_type,
        size=upload.size,
        title=typed_text(title)[:TITLE_MAX],
        uploaded_by=user,
    )
    evidence._history_user = user
    # The stored name is chosen first, so a failure while writing (a full disk, a dropped
    # connection to the bucket) or while saving the row removes whatever part was written.
    stored = evidence.file.field.generate_filename(evidence, name)
    try:
        evidence.file.name = evidence.file.storage.save(
            stored, upload, max_length=evidence.file.field.max_length
        )
        evidence.save()
    except BaseException:
        evidence.file.storage.delete(evidence.file.name or stored)
        raise
    return evidence


@transaction.atomic
def evidence_add_link(
    *, user: AbstractBaseUser, result: MeasureResult, url: str, title: str = ""
) -> Evidence:
    """Attach a link (http or https only) to a result."""
    report_for_change(user=user, report_id=result.report_id)
    url = url.strip()
    try:
        if len(url) > URL_MAX:
            raise ValidationError("too long")
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise EvidenceRejectedError(code="url", name=url[:200]) from None
    evidence = Evidence(
        result=result, url=url, title=typed_text(title)[:TITLE_MAX], uploaded_by=user
    )
    evidence._history_user = user
    evidence.save()
    return evidence


@transaction.atomic
def evidence_remove(*, user: AbstractBaseUser, evidence: Evidence) -> None:
    """Remove a file or link from a result. The history keeps the removal (who, when, what);
    the file itself stays in the evidence store under its random name, so what was removed
    can still be looked at by an administrator."""
    report_id = (
        MeasureResult.objects.filter(pk=evidence.result_id)
        .values_list("report_id", flat=True)
        .get()
    )
    report_for_change(user=user, report_id=report_id)
    evidence._history_user = user
    evidence.delete()
