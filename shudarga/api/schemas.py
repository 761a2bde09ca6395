"""Shapes of what the API reads and writes (OpenAPI components)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from ninja import Field, Path, Schema
from pydantic import AfterValidator, WithJsonSchema

from shudarga.documents import limits
from shudarga.documents.textnorm import refused_character

Period = Literal["half_year", "annual"]
Status = Literal["draft", "submitted", "returned", "accepted", "published"]

# A Decimal written as a JSON number with the digits it has (the renderer uses simplejson).
Number = Annotated[Decimal, WithJsonSchema({"type": "number"})]

# A key in a path: bounded, so a huge number is a 422, not a database overflow.
Id = Annotated[int, Path(..., ge=1, le=2**31 - 1)]

MAX_LIMIT = 100
# A version a client sends back: bounded like a key, so a huge number is a 422.
VERSION_MAX = 2**31 - 1


def _no_control_characters(value: str) -> str:
    char = refused_character(value)
    if char is not None:
        raise ValueError(f"the text holds a control character ({char}); remove it")
    return value


# Text a client writes: its length is bounded by each field (documents.limits), and NUL or
# another control character is a 422 that names it, never a database error.
Text = Annotated[str, AfterValidator(_no_control_characters)]


class PageQuery(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"at most {MAX_LIMIT}")
    offset: int = Field(0, ge=0, le=1_000_000)


class ReportFilter(PageQuery):
    year: int | None = Field(None, ge=1990, le=2100)
    period: Period | None = None
    status: Status | None = None


class SummaryFilter(ReportFilter):
    organization: int | None = Field(None, ge=1, le=2**31 - 1)


class PlanFilter(PageQuery):
    year: int | None = Field(None, ge=1990, le=2100)


class Error(Schema):
    code: str
    detail: str


class OrganizationRef(Schema):
    id: int
    name: str


class OrganizationOut(OrganizationRef):
    short_name: str
    kind: str
    depth: int


class PlanOut(Schema):
    id: int
    organization: OrganizationRef
    year: int
    title: str
    status: Literal["draft", "approved"]
    approved_at: datetime | None


class MeasureOut(Schema):
    id: int
    number: str
    text: str
    indicator: str
    target: str
    planned_budget: Number | None
    responsible_unit: str
    deadline: str
    version: int


class ObjectiveOut(Schema):
    id: int
    number: str
    title: str
    measures: list[MeasureOut]

    @staticmethod
    def resolve_measures(obj) -> list:
        return list(obj.measures.all())


class PlanDetailOut(PlanOut):
    objectives: list[ObjectiveOut]

    @staticmethod
    def resolve_objectives(obj) -> list:
        return list(obj.objectives.all())


class ReportOut(Schema):
    id: int
    plan_id: int
    organization: OrganizationRef
    year: int
    period: Period
    status: Status
    title: str
    measure_count: int
    scored_count: int
    not_due_count: int
    submitted_at: datetime | None
    published_at: datetime | None

    @staticmethod
    def resolve_organization(obj) -> Any:
        return obj.plan.organization

    @staticmethod
    def resolve_year(obj) -> int:
        return obj.plan.year


class SummaryOut(Schema):
    report_id: int
    organization: OrganizationRef
    year: int
    period: Period
    status: Status
    measures: int
    self_scored: int
    self_total: Number | None
    official_scored: int
    official_total: Number | None
    not_due: int
    unscored: int


class ResultOut(Schema):
    id: int
    measure_id: int
    measure_number: str
    spent: Number | None
    achieved: str
    score: Number | None
    not_due: bool
    rating_label: str
    version: int

    @staticmethod
    def resolve_measure_number(obj) -> str:
        return obj.measure.number


class OrganizationPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[OrganizationOut]


class PlanPage(OrganizationPage):
    items: list[PlanOut]


class ReportPage(OrganizationPage):
    items: list[ReportOut]


class SummaryPage(OrganizationPage):
    items: list[SummaryOut]


# The report document, "shudarga.report/1" (docs/format.md); numbers are JSON numbers.


class DocScaleLevel(Schema):
    score: float
    label_mn: str
    label_en: str


class DocScale(Schema):
    code: str
    name: str
    levels: list[DocScaleLevel]
    not_due_mark: str
    rounding: str
    decimals: int


class DocMeasure(Schema):
    number: str
    text: str
    spent: float | None
    indicator: str
    target: str
    achieved: str
    score: float | None
    not_due: bool
    rating: str | None
    planned_budget: float | None
    responsible_unit: str
    deadline: str


class DocObjective(Schema):
    number: str
    title: str
    measures: list[DocMeasure]


class CheckTargetOut(Schema):
    text: str
    quantity: Number | None
    unit: str | None
    comparison: Literal["at_least", "at_most", "level"] | None
    frequency: str | None


class CheckEvidenceOut(Schema):
    value: Number | None
    unit: str | None
    text: str


class CheckFlagOut(Schema):
    code: str
    message: str


class MeasureCheckOut(Schema):
    number: str
    target: CheckTargetOut | None
    evidence: list[CheckEvidenceOut]
    verdict: Literal["met", "not_met", "cannot_tell", "no_quantity"]
    flags: list[CheckFlagOut]


class ReportChecksOut(Schema):
    """The integrity checks of docs/checks.md: each measure's narrative against its target."""

    measures: list[MeasureCheckOut]
    flags: list[CheckFlagOut]


class ReportDocumentOut(Schema):
    format: Literal["shudarga.report/1"]
    title: str
    organization: str
    year: int | None
    period: Period
    scale: DocScale
    stated_total: float | None
    source: str
    objectives: list[DocObjective]
    warnings: list[dict[str, Any]]


# Writes.


class MeasureIn(Schema):
    text: Text = Field(..., max_length=limits.MEASURE_TEXT_MAX)
    indicator: Text = Field("", max_length=limits.INDICATOR_MAX)
    target: Text = Field("", max_length=limits.TARGET_MAX)
    planned_budget: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    responsible_unit: Text = Field("", max_length=limits.RESPONSIBLE_UNIT_MAX)
    deadline: Text = Field("", max_length=limits.DEADLINE_MAX)


class MeasureUpdateIn(MeasureIn):
    expected_version: int = Field(
        ..., ge=1, le=VERSION_MAX, description="the version the edit was made on"
    )


class MeasureValuesOut(Schema):
    text: str
    indicator: str
    target: str
    planned_budget: Number | None
    responsible_unit: str
    deadline: str


class MeasureConflict(Error):
    version: int
    stored: MeasureValuesOut


class ResultIn(Schema):
    expected_version: int = Field(
        ..., ge=1, le=VERSION_MAX, description="the version the edit was made on"
    )
    spent: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    achieved: Text = Field("", max_length=limits.ACHIEVED_MAX)
    score: Decimal | None = Field(None, max_digits=6, decimal_places=2)
    not_due: bool = False


class ResultConflict(Error):
    stored: ResultOut
    changed_by: str | None
    changed_at: datetime | None


class StepOut(Schema):
    """A step of the report's workflow, as recorded (ReportEvent)."""

    report_id: int
    step: str
    from_status: str
    to_status: Status
    by: str | None
    at: datetime
    reason: str

    @staticmethod
    def resolve_by(obj) -> str | None:
        return obj.by.get_username() if obj.by else None


class PublicationOut(Schema):
    report_id: int
    version: int
    official_total: Number | None
    published_at: datetime
    note: str


class ReasonIn(Schema):
    reason: Text = Field(
        ..., max_length=limits.COMMENT_MAX, description="what the organization has to fix"
    )


class NoteIn(Schema):
    note: Text = Field(..., max_length=limits.COMMENT_MAX, description="what was corrected")


class ReviewIn(Schema):
    score: Decimal | None = Field(None, max_digits=6, decimal_places=2)
    not_due: bool = False
    comment: Text = Field("", max_length=limits.COMMENT_MAX)


class ReviewOut(ResultOut):
    reviewer_score: Number | None
    reviewer_not_due: bool
    reviewer_comment: str
    official_score: Number | None
    official_not_due: bool

    @staticmethod
    def resolve_official_score(obj) -> Any:
        return obj.official_score[0]

    @staticmethod
    def resolve_official_not_due(obj) -> bool:
        return obj.official_score[1]
