"""Reads of the public portal: only what citizens may see.

Everything here starts from ``access.reports_public()`` or ``publications_public()``
(published reports with a current publication) and reads the FROZEN publication documents,
never the live results: a report being corrected after publication keeps showing what was
published.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Substr

from shudarga.access import publications_public, reports_public
from shudarga.documents.jsonform import document_from_dict, measure_review
from shudarga.documents.model import ReportDocument
from shudarga.documents.scoring import ReportScore, exact_value, score_document
from shudarga.orgs.models import Organization
from shudarga.orgs.selectors import name_matches
from shudarga.plans.models import ReportPublication
from shudarga.plans.reports.documents import edition_of

AIMAG_KINDS = (Organization.Kind.AIMAG, Organization.Kind.CAPITAL_CITY)


# --- the organization tree ------------------------------------------------------------------


def node_top() -> QuerySet[Organization]:
    """The directory's first level: the children of the country (aimags, the capital, national
    bodies) and any other top node, by name."""
    condition = Q(depth=1) & ~Q(kind=Organization.Kind.COUNTRY) | Q(kind__in=AIMAG_KINDS)
    countries = Organization.objects.filter(depth=1, kind=Organization.Kind.COUNTRY)
    for path in countries.values_list("path", flat=True):
        condition |= Q(depth=2, path__startswith=path)
    return Organization.objects.filter(condition).order_by("name", "pk")


def node_get(*, node_id: int) -> Organization:
    return Organization.objects.get(pk=node_id)


def node_children(*, node: Organization) -> QuerySet[Organization]:
    return Organization.objects.get_children(node).order_by("name", "pk")


def node_trail(*, node: Organization) -> list[Organization]:
    """The node's ancestors from the top (the country left out), in one query."""
    ancestors = Organization.objects.get_ancestors(node)
    return [a for a in ancestors if a.kind != Organization.Kind.COUNTRY]


def node_trails(*, nodes: Sequence[Organization]) -> dict[int, list[Organization]]:
    """The ancestors of many nodes in one query: {node id: [ancestor, …]} (country left out)."""
    steplen = Organization.steplen
    prefixes = {n.path[: steplen * d] for n in nodes for d in range(1, n.depth)}
    ancestors = {
        a.path: a
        for a in Organization.objects.filter(path__in=prefixes).exclude(
            kind=Organization.Kind.COUNTRY
        )
    }
    return {
        n.pk: [
            ancestors[n.path[: steplen * d]]
            for d in range(1, n.depth)
            if n.path[: steplen * d] in ancestors
        ]
        for n in nodes
    }


def node_search(*, query: str) -> QuerySet[Organization]:
    """Nodes whose name contains the query, in either alphabet (orgs.selectors.name_matches)."""
    condition = name_matches(query)
    if condition is None:
        return Organization.objects.none()
    return Organization.objects.filter(condition).order_by("name", "pk")


# --- publications -----------------------------------------------------------------------


def _current() -> QuerySet[ReportPublication]:
    return publications_public().select_related("report__plan__organization")


def publications_current(
    *, node: Organization | None = None, year: int | None = None, below: bool = False
) -> QuerySet[ReportPublication]:
    """Current publications of published reports: of one organization, or everything under a
    node (``below``), of one year; newest year first. The document is left unread."""
    rows = _current()
    if node is not None:
        if below:
            rows = rows.filter(report__plan__organization__path__startswith=node.path)
        else:
            rows = rows.filter(report__plan__organization=node)
    if year is not None:
        rows = rows.filter(report__plan__year=year)
    return rows.defer("document").order_by(
        "-report__plan__year", "report__plan__organization__name", "report__period", "pk"
    )


def publication_years() -> list[int]:
    """The years with a current publication, newest first: one query of distinct years."""
    return list(
        publications_public()
        .order_by("-report__plan__year")
        .values_list("report__plan__year", flat=True)
        .distinct()
    )


def publication_get(*, report_id: int, version: int | None = None) -> ReportPublication:
    """The current publication of a published report, or one of its versions.

    Raises ReportPublication.DoesNotExist for anything not public (never published, or a
    report whose publication is not current).
    """
    public = reports_public().filter(pk=report_id)
    rows = ReportPublication.objects.filter(report__in=public).select_related(
        "report__plan__organization"
    )
    if version is None:
        return rows.get(is_current=True)
    return rows.get(version=version)


def publication_history(*, report_id: int) -> list[ReportPublication]:
    """Every version of a published report, newest first (empty when it is not public)."""
    return list(
        ReportPublication.objects.filter(report__in=reports_public().filter(pk=report_id))
        .defer("document")
        .order_by("-version")
    )


NUMBER_KEYS = frozenset(
    {"spent", "score", "planned_budget", "stated_total", "self_score", "reviewer_score"}
)


def _numbers(value: Any, key: str = "") -> Any:
    """Numbers of the stored JSON as Decimal: floats by their shortest text (840.0 stays
    840.0), and numeric text under a number key (an encoder that wrote Decimals as text)."""
    if isinstance(value, dict):
        return {k: _numbers(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers(v, key) for v in value]
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str) and key in NUMBER_KEYS:
        try:
            return Decimal(value)
        except ArithmeticError:
            return value
    return value


def publication_data(*, publication: ReportPublication) -> dict[str, Any]:
    """The frozen document JSON, numbers as Decimal."""
    return _numbers(publication.document)


def publication_document(*, publication: ReportPublication) -> ReportDocument:
    """The frozen document of a publication, its files saying which version and day it is."""
    document = document_from_dict(publication_data(publication=publication))
    return replace(document, edition=edition_of(publication))


# --- the official table of one publication --------------------------------------------------


@dataclass(frozen=True)
class MeasureRow:
    number: str
    text: str
    spent: Any
    indicator: str
    target: str
    achieved: str
    rating: str | None
    self_score: Any
    self_not_due: bool
    reviewer_score: Any
    reviewer_not_due: bool
    reviewer_comment: str
    score: Any
    not_due: bool
    reviewed: bool = False


@dataclass
class ObjectiveRows:
    number: str
    title: str
    result: str | None
    measures: list[MeasureRow] = field(default_factory=list)


@dataclass(frozen=True)
class PublicationTable:
    document: ReportDocument
    score: ReportScore
    objectives: list[ObjectiveRows]

    @property
    def has_split_scores(self) -> bool:
        """Whether the publication carries self-assessed and reviewer's scores beside the
        official ones."""
        return any(m.reviewed for o in self.objectives for m in o.measures)

    @property
    def total(self) -> str | None:
        return self.score.total.display


def measure_row(raw: dict[str, Any]) -> MeasureRow:
    """One measure of the frozen JSON: the official score is ``score`` / ``not_due``. On a
    reviewed measure (``jsonform.measure_review``) those are the reviewer's marks, and the
    self-assessed ones are beside them; a measure nobody reviewed has only the organization's
    (never guessed from the live results)."""
    not_due = bool(raw.get("not_due", False))
    score = _plain(raw.get("score"))
    review = measure_review(raw)
    return MeasureRow(
        number=str(raw.get("number") or ""),
        text=str(raw.get("text") or ""),
        spent=raw.get("spent"),
        indicator=str(raw.get("indicator") or ""),
        target=str(raw.get("target") or ""),
        achieved=str(raw.get("achieved") or ""),
        rating=raw.get("rating"),
        self_score=_plain(review.self_score) if review else score,
        self_not_due=review.self_not_due if review else not_due,
        reviewer_score=score if review else None,
        reviewer_not_due=not_due if review else False,
        reviewer_comment=review.comment if review else "",
        score=score,
        not_due=not_due,
        reviewed=review is not None,
    )


def _plain(value: Any) -> Any:
    """A score without trailing zeros (70.0 → 70, 72.50 → 72.5)."""
    if not isinstance(value, Decimal):
        return value
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def publication_table(*, publication: ReportPublication) -> PublicationTable:
    data = publication_data(publication=publication)
    document = document_from_dict(data)
    score = score_document(document)
    by_number = {o.number: o.result.display for o in score.objectives}
    objectives = [
        ObjectiveRows(
            number=str(o.get("number") or ""),
            title=str(o.get("title") or ""),
            result=by_number.get(str(o.get("number") or "")),
            measures=[measure_row(m) for m in o.get("measures") or []],
        )
        for o in data.get("objectives") or []
    ]
    return PublicationTable(document=document, score=score, objectives=objectives)


def publication_total(publication: ReportPublication) -> Decimal | None:
    """The official total frozen with the publication (computed from its document if absent)."""
    if publication.official_total is not None:
        return publication.official_total
    return score_document(publication_document(publication=publication)).total.exact


# --- summaries ------------------------------------------------------------------------------


@dataclass
class Tally:
    count: int = 0
    scored: int = 0
    total: Fraction = Fraction(0)

    def add(self, value: Decimal | None) -> None:
        self.count += 1
        if value is not None:
            self.scored += 1
            self.total += Fraction(value)

    @property
    def mean(self) -> Decimal | None:
        return exact_value(self.total / self.scored) if self.scored else None


@dataclass
class SummaryGroup:
    node: Organization | None
    annual: Tally = field(default_factory=Tally)
    half_year: Tally = field(default_factory=Tally)


@dataclass(frozen=True)
class SummaryEntry:
    publication: ReportPublication
    total: Decimal | None
    aimag: Organization | None


def aimag_of(node: Organization, aimags: dict[str, Organization]) -> Organization | None:
    steplen = Organization.steplen
    for depth in range(node.depth, 0, -1):
        found = aimags.get(node.path[: steplen * depth])
        if found is not None:
            return found
    return None


def summary_publications(
    *, year: int, node: Organization | None = None
) -> QuerySet[ReportPublication]:
    """The current publications of the year (under ``node``), for a page of them to be read
    with ``summary_entries``."""
    return publications_current(year=year, node=node, below=True)


def summary_entries(publications: Iterable[ReportPublication]) -> list[SummaryEntry]:
    """A page of publications with their frozen totals and aimags: one query (the aimags)."""
    aimags = {a.path: a for a in Organization.objects.filter(kind__in=AIMAG_KINDS)}
    return [
        SummaryEntry(
            publication=p,
            total=publication_total(p),
            aimag=aimag_of(p.report.plan.organization, aimags),
        )
        for p in publications
    ]


def summary_groups(
    *, year: int, node: Organization | None = None, by_aimag: bool
) -> list[SummaryGroup]:
    """Counts and mean official totals by period of the current publications of the year
    (under ``node``): one group per aimag, or one in all. The totals are those frozen with
    each publication (``ReportPublication.official_total``), counted and summed in the
    database, grouped by the aimags' path prefixes: two queries, whatever the number of
    organizations."""
    aimags = {a.path: a for a in Organization.objects.filter(kind__in=AIMAG_KINDS)}
    lengths = sorted({len(p) for p in aimags}, reverse=True)  # the nearest aimag first
    prefixes = {f"p{n}": Substr("report__plan__organization__path", 1, n) for n in lengths}
    rows = publications_current(year=year, node=node, below=True)
    rows = (
        rows.annotate(**prefixes)
        .values("report__period", *prefixes)
        .annotate(count=Count("pk"), scored=Count("official_total"), total=Sum("official_total"))
        .order_by()
    )
    groups: dict[int | None, SummaryGroup] = {}
    for row in rows:
        aimag = next((aimags[row[k]] for k in prefixes if row[k] in aimags), None)
        key = aimag.pk if by_aimag and aimag else None
        group = groups.setdefault(key, SummaryGroup(node=aimag if by_aimag else None))
        tally = group.annual if row["report__period"] == "annual" else group.half_year
        tally.count += row["count"]
        tally.scored += row["scored"]
        tally.total += Fraction(row["total"] or 0)
    return sorted(groups.values(), key=lambda g: (g.node is None, g.node.name if g.node else ""))


# --- the year's measures as open data -------------------------------------------------------

MEASURE_COLUMNS = (
    "report_id",
    "version",
    "organization",
    "aimag",
    "year",
    "period",
    "objective_number",
    "objective_title",
    "measure_number",
    "measure_text",
    "spent",
    "indicator",
    "target",
    "achieved",
    "rating",
    "self_score",
    "reviewer_score",
    "not_due",
    "official_score",
    "report_official_total",
    "published_at",
)


def year_measure_rows(
    *,
    year: int,
    chunk_size: int = 100,
    using: str | None = None,
    seen: Callable[[ReportPublication], None] | None = None,
) -> Iterator[list[Any]]:
    """One row per measure of every current publication of the year, from the frozen
    documents only: two queries (the aimags, then the publications with their report, plan
    and organization, read ``chunk_size`` at a time so memory stays flat), on the database
    ``using`` (the router's otherwise); ``seen`` is called with each publication read."""
    organizations = Organization.objects.using(using) if using else Organization.objects
    aimags = {a.path: a for a in organizations.filter(kind__in=AIMAG_KINDS)}
    rows = publications_current(year=year).defer(None)
    if using:
        rows = rows.using(using)
    for p in rows.iterator(chunk_size=chunk_size):
        if seen is not None:
            seen(p)
        yield from _publication_rows(p, aimags)


def _publication_rows(p: ReportPublication, aimags: dict[str, Organization]) -> Iterator[list]:
    organization = p.report.plan.organization
    aimag = aimag_of(organization, aimags)
    total = publication_total(p)
    for objective in publication_data(publication=p).get("objectives") or []:
        for raw in objective.get("measures") or []:
            m = measure_row(raw)
            yield [
                p.report_id,
                p.version,
                organization.name,
                aimag.name if aimag else "",
                p.report.plan.year,
                p.report.period,
                objective.get("number") or "",
                objective.get("title") or "",
                m.number,
                m.text,
                m.spent,
                m.indicator,
                m.target,
                m.achieved,
                m.rating or "",
                m.self_score,
                m.reviewer_score,
                "true" if m.not_due else "false",
                m.score,
                total,
                p.published_at.isoformat(),
            ]
