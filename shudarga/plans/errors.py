"""Errors of the plan and report services: each refuses a whole import, nothing is written."""

from __future__ import annotations


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
