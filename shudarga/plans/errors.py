"""Every refusal of the plan and report services, in one vocabulary: nothing was written.

- Permission is Django's PermissionDenied (pages: 403 or 404, API: 403).
- ``PlanActionRefused`` and its kin: a plan change its state does not allow; each carries a
  message in the language active when it is shown (``str(error)``).
- ``ReportLockedError``, ``ReasonRequiredError``, ``UnscoredMeasuresError``,
  ``UnreviewedMeasuresError``: a report step or
  change its state does not allow (plans.reports.transitions, plans.reports.filling,
  plans.review.scoring).
- ``ConflictError``: the row changed since the person read it (``version``); the measure's and
  the result's carry the stored values so a page can show both.
- ``ResultValueError``, ``EvidenceRejectedError``: a value or a file is not allowed.
- Import refusals (``DocumentIncompleteError`` …): the whole import is refused.
Pages, the API (api.api's exception handlers) and the command line turn them into messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from shudarga.plans.models import MeasureResult, Report


class ConflictError(Exception):
    """Someone saved the row since the person read it; ``version`` is the stored one."""

    version: int


# --- imports ------------------------------------------------------------------------------


class DocumentIncompleteError(ValueError):
    """The document lacks something a report cannot be stored without (the year, a scale code)."""

    def __init__(self, *, missing: str) -> None:
        self.missing = missing
        super().__init__(f"the document has no {missing}")


class DocumentValueError(ValueError):
    """A number in the document does not fit its column (too many digits or decimals)."""

    def __init__(self, *, field: str, value: object, measure: str | None = None) -> None:
        self.field = field
        self.value = value
        self.measure = measure
        where = f"measure {measure}: " if measure is not None else ""
        super().__init__(f"{where}{field} {value} does not fit the database column")


class DuplicateReportError(Exception):
    """The organization already has a report for that year and period."""

    def __init__(self, *, organization: str, year: int, period: str) -> None:
        self.organization = organization
        self.year = year
        self.period = period
        super().__init__(f"{organization} already has a {period} report for {year}")


class PlanScaleMismatchError(ValueError):
    """The document was scored on another scale than the organization's plan for that year."""

    def __init__(self, *, plan_scale: str, document_scale: str) -> None:
        self.plan_scale = plan_scale
        self.document_scale = document_scale
        super().__init__(
            f"the plan uses scale {plan_scale!r} but the document is scored on {document_scale!r}"
        )


# --- plans --------------------------------------------------------------------------------


class PlanActionRefused(Exception):
    """A change the plan's state does not allow; nothing was written."""

    def __init__(self, message: str | Promise) -> None:
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.message)


class PlanLockedError(PlanActionRefused):
    """The plan is approved: it is locked until its head reopens it."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "The plan is approved and locked. Its head must reopen it, with a reason, "
                "before it can be changed."
            )
        )


class PlanExistsError(PlanActionRefused):
    """The organization already has a plan for that year."""

    def __init__(self, *, organization: str, year: int) -> None:
        self.organization = organization
        self.year = year
        super().__init__(
            _("%(organization)s already has a plan for %(year)s.")
            % {"organization": organization, "year": year}
        )


class NoPreviousPlanError(PlanActionRefused):
    def __init__(self, *, year: int) -> None:
        super().__init__(_("There is no plan before %(year)s to copy from.") % {"year": year})


class PlanStateError(PlanActionRefused):
    """Approving an approved plan, reopening a draft, approving an empty plan."""


class PlanReopenRefused(PlanActionRefused):
    """A report of the plan is submitted, accepted or published: the plan stays as it was."""


class MeasureHasResultsError(PlanActionRefused):
    """A measure (or an objective with such measures) that a report has results for."""


class MeasureConflictError(ConflictError):
    """The measure changed since the person opened it: their edit was not saved.

    ``current`` holds the stored values and ``version`` the stored version, so a page can
    show both and let the person choose.
    """

    # ``current`` is a plans.planning.editing.MeasureValues (not imported: errors sit below
    # the services that raise them).
    def __init__(self, *, current: Any, version: int, number: str) -> None:
        self.current = current
        self.version = version
        self.number = number
        super().__init__(f"measure {number} is at version {version}")


# --- reports ------------------------------------------------------------------------------


class PlanNotApprovedError(ValueError):
    """Reports are written against an approved plan only."""

    def __init__(self, *, status: str) -> None:
        self.status = status
        super().__init__(f"the plan is {status}, not approved")


class ReportExistsError(DuplicateReportError):
    """The plan already has a report for that period; ``report`` is it."""

    def __init__(self, *, report: Report) -> None:
        self.report = report
        plan = report.plan
        super().__init__(organization=plan.organization.name, year=plan.year, period=report.period)


class ReportLockedError(Exception):
    """The report is not in a state that allows the change (submitted reports are locked)."""

    def __init__(self, *, status: str, allowed: Sequence[str] = ()) -> None:
        self.status = status
        self.allowed = tuple(allowed)
        super().__init__(f"the report is {status}")


class ResultConflictError(ConflictError):
    """The result was changed by someone else since ``expected`` was read.

    ``stored`` is the result as it is now (its ``version`` is the one to save against).
    """

    def __init__(self, *, stored: MeasureResult, expected: int) -> None:
        self.stored = stored
        self.expected = expected
        self.version = stored.version
        super().__init__(
            f"result {stored.pk} is at version {stored.version}, the edit was made on {expected}"
        )


class ResultValueError(ValueError):
    """A value of a result is not allowed (a score not on the plan's scale, money below 0)."""

    def __init__(self, *, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class EvidenceRejectedError(ValueError):
    """An evidence file or link is refused; ``code`` says why, ``name`` is what was sent.

    Codes: ``type`` (extension not allowed), ``content`` (the bytes are not what the
    extension says), ``size`` (over the limit), ``empty``, ``url`` (not an http(s) link),
    ``text`` (a name or title holds a control character), ``storage`` (the evidence store
    refused the file: read-only or full; nothing of it was kept).
    """

    def __init__(self, *, code: str, name: str, limit: int | None = None) -> None:
        self.code = code
        self.name = name
        self.limit = limit
        super().__init__(f"{name}: refused ({code})")


class UnscoredMeasuresError(ValueError):
    """A report cannot be submitted while measures are neither scored nor "not yet due"."""

    def __init__(self, *, numbers: Sequence[str]) -> None:
        self.numbers = list(numbers)
        super().__init__("unscored measures: " + ", ".join(self.numbers))


class UnreviewedMeasuresError(ValueError):
    """A report cannot be accepted while measures have no reviewer's score: accepting is a
    decision on every measure, never a rubber stamp of the self-assessed ones.
    ``result_ids`` are in plan order, as ``numbers``."""

    def __init__(self, *, numbers: Sequence[str], result_ids: Sequence[int]) -> None:
        self.numbers = list(numbers)
        self.result_ids = list(result_ids)
        super().__init__("measures without a reviewer's score: " + ", ".join(self.numbers))


class ReasonRequiredError(ValueError):
    """Returning a report needs a reason the organization can act on."""

    def __init__(self) -> None:
        super().__init__("a reason is required")
