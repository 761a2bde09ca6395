"""Errors of the report services (plans.reporting, plans.workflow): each refuses one change.

Permission is refused with Django's PermissionDenied; these say why an allowed user's change
cannot be made in the report's present state, with what the page needs to explain it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from shudarga.plans.errors import DuplicateReportError

if TYPE_CHECKING:
    from shudarga.plans.models import MeasureResult, Report


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
        super().__init__(
            organization=plan.organization.name, year=plan.year, period=report.period
        )


class ReportLockedError(Exception):
    """The report is not in a state that allows the change (submitted reports are locked)."""

    def __init__(self, *, status: str, allowed: Sequence[str] = ()) -> None:
        self.status = status
        self.allowed = tuple(allowed)
        super().__init__(f"the report is {status}")


class ConflictError(Exception):
    """The result was changed by someone else since ``expected`` was read.

    ``stored`` is the result as it is now (its ``version`` is the one to save against).
    """

    def __init__(self, *, stored: MeasureResult, expected: int) -> None:
        self.stored = stored
        self.expected = expected
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
    extension says), ``size`` (over the limit), ``empty``, ``url`` (not an http(s) link).
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


class ReasonRequiredError(ValueError):
    """Returning a report needs a reason the organization can act on."""

    def __init__(self) -> None:
        super().__init__("a reason is required")
