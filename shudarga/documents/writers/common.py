"""What every writer of the official table shares: title, columns, cell texts, the total line.

The official table is the seed's: Д/д · Хэрэгжүүлэх арга хэмжээ · then "Үр дүнгийн үзүүлэлт"
as a merged header over Зарцуулсан хөрөнгө · Шалгуур үзүүлэлт · Хүрэх түвшин · Хүрсэн түвшин;
objectives (and the sections above them, "Нэг. …") as full-width rows; the rating at the end of
the achieved cell as "label-NN%"; the
line "НЭГДСЭН ДҮН: NN%" at the end, shown by the scale's display rule.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from decimal import Decimal

from shudarga.documents.grammar import genitive
from shudarga.documents.model import (
    DocumentKind,
    MeasureEntry,
    ObjectiveEntry,
    Period,
    ReportDocument,
    Scale,
    Section,
)
from shudarga.documents.scoring import ReportScore, score_document
from shudarga.documents.textnorm import fold

GROUP_HEADER = "Үр дүнгийн үзүүлэлт"
COLUMNS = (
    "Д/д",
    "Хэрэгжүүлэх арга хэмжээ",
    "Зарцуулсан хөрөнгө /мян.төг/",
    "Шалгуур үзүүлэлт",
    "Хүрэх түвшин",
    "Хүрсэн түвшин буюу хэрэгжилт /Хүрээгүй бол тайлбар/",
)
TOTAL_LABEL = "НЭГДСЭН ДҮН"
# Under the official total of a reviewed report: the organization's own result, labelled.
SELF_ASSESSED_LABEL = "Байгууллагын өөрийн үнэлгээгээр"


# The period in a report's title, as the seed and the demo word it (DESIGN.md: хагас жил /
# жилийн эцэс); readers take "хагас жил" for a half-year and anything else for annual.
PERIOD_WORDS = {Period.HALF_YEAR: "хагас жилийн", Period.ANNUAL: "жилийн эцсийн"}
_NAMES_PERIOD = re.compile(
    r"хагас\s+жил|эхний\s+хагас|жилийн\s+(?:эцс|биелэлт|тайлан)", re.IGNORECASE
)
_REPORT_WORD = re.compile(r"биелэлт", re.IGNORECASE)
_PLAN_END = re.compile(r"төлөвлөгөө\s*$", re.IGNORECASE)
# Under a report's title: which publication the file is, or that it is none.
UNPUBLISHED_LINE = "Нийтлэгдээгүй хувилбар"


def official_title(doc: ReportDocument) -> str:
    """The title as written, or the standard one built from organization, year and period.
    A half-year report's title always names its period (a stored title that does not gets
    the words); an annual report's stored title stays as the organization wrote it, since a
    report that names no period is the year's ("…ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ", as Khujirt's)."""
    organization = genitive(doc.organization).upper()
    year = f"{doc.year} ОНЫ " if doc.year else ""
    subject = "АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГААНЫ"
    if doc.kind is DocumentKind.PLAN:
        return doc.title or f"{organization} {subject} {year}ТӨЛӨВЛӨГӨӨ".strip()
    if not doc.title:
        period = PERIOD_WORDS[doc.period].upper()
        return f"{organization} {subject} {year}ТӨЛӨВЛӨГӨӨНИЙ {period} БИЕЛЭЛТ".strip()
    return with_period(doc.title, doc.period) if doc.period is Period.HALF_YEAR else doc.title


def with_period(title: str, period: Period) -> str:
    """``title`` naming ``period``: the words go before "биелэлт", or after a plan's title
    ("…ТӨЛӨВЛӨГӨӨ" → "…ТӨЛӨВЛӨГӨӨНИЙ ХАГАС ЖИЛИЙН БИЕЛЭЛТ"), in the title's case."""
    if _NAMES_PERIOD.search(title):
        return title
    capitals = title.upper() == title
    words = PERIOD_WORDS[period].upper() if capitals else PERIOD_WORDS[period]
    matches = list(_REPORT_WORD.finditer(title))
    if matches:
        at = matches[-1].start()
        return f"{title[:at]}{words} {title[at:]}"
    report = "НИЙ {} БИЕЛЭЛТ" if capitals else "ний {} биелэлт"
    if _PLAN_END.search(title):
        return title.rstrip() + report.format(words)
    return f"{title.rstrip()}: {words} {'БИЕЛЭЛТ' if capitals else 'биелэлт'}"


def edition_line(doc: ReportDocument) -> str | None:
    """ "Хувилбар 2, нийтэлсэн 2025-07-15" under a published report's title, "Нийтлэгдээгүй
    хувилбар" under any other report's; None for a plan (plans are approved, not published)."""
    if doc.kind is DocumentKind.PLAN:
        return None
    if doc.edition is None:
        return UNPUBLISHED_LINE
    published = doc.edition.published_on.isoformat()
    return f"Хувилбар {doc.edition.version}, нийтэлсэн {published}"


def number_text(value: Decimal) -> str:
    """A score as written: 100 → "100", 50.5 → "50.5" (never exponent notation)."""
    return format(value, "f")


def amount_text(value: Decimal | None) -> str:
    """Money spent as Mongolian documents write it: "-" for none, decimal comma ("840,0")."""
    return "-" if value is None else format(value, "f").replace(".", ",")


def rating_text(measure: MeasureEntry, scale: Scale) -> str:
    """The rating written at the end of the achieved cell: "Үр дүнтэй-100%", "100%", "ХБ"."""
    if measure.not_due:
        return measure.rating or scale.not_due_mark
    if measure.score is None:
        return ""
    score = f"{number_text(measure.score)}%"
    return f"{measure.rating}-{score}" if measure.rating else score


# Sections are written with ordinal words, as plans write them ("Нэг. …"); readers know them.
_ORDINALS = ("Нэг", "Хоёр", "Гурав", "Дөрөв", "Тав", "Зургаа", "Долоо", "Найм", "Ес", "Арав")


def section_text(section: Section) -> str:
    """ "Нэг. Хуулиар хүлээсэн үүргийн биелэлт"; past ten, or unnumbered, "Бүлэг 11. …"."""
    number = section.number
    word = _ORDINALS[int(number) - 1] if number.isdigit() and 0 < int(number) <= 10 else ""
    return f"{word or f'Бүлэг {number}'.strip()}. {section.title}"


def with_sections(doc: ReportDocument) -> Iterator[tuple[Section | None, ObjectiveEntry]]:
    """Each objective with the section that opens before it (None: the same as before)."""
    previous: Section | None = None
    for objective in doc.objectives:
        opened = objective.section if objective.section != previous else None
        previous = objective.section
        yield opened, objective


def objective_text(objective: ObjectiveEntry) -> str:
    return f"Зорилт {objective.number}. {objective.title}" if objective.number else objective.title


def total_line(doc: ReportDocument, score: ReportScore | None = None) -> str:
    """ "НЭГДСЭН ДҮН: 86%": the computed consolidated result by the scale's display rule."""
    display = (score or score_document(doc)).total.display
    return f"{TOTAL_LABEL}: {display}%" if display is not None else f"{TOTAL_LABEL}: —"


def self_assessed_line(doc: ReportDocument) -> str | None:
    """ "Байгууллагын өөрийн үнэлгээгээр: 90%" once a reviewer scored a measure (the total
    above it is then the official, reviewed one); None for a report nobody reviewed."""
    if not doc.reviewed:
        return None
    display = score_document(doc.self_assessed()).total.display
    return f"{SELF_ASSESSED_LABEL}: {display}%" if display is not None else None


def measure_cells(measure: MeasureEntry, scale: Scale) -> tuple[str, str, str, str, str, str]:
    """The six cells of a measure row; the achieved cell ends with the rating paragraph."""
    rating = rating_text(measure, scale)
    achieved = "\n".join(part for part in (measure.achieved, rating) if part)
    return (
        measure.number,
        measure.text,
        amount_text(measure.spent),
        measure.indicator,
        measure.target,
        achieved,
    )


def written_form(doc: ReportDocument) -> ReportDocument:
    """The document as a written file carries it, i.e. what reading the file gives back.

    Normalisation (docs/format.md): the stated total becomes the computed consolidated result
    as displayed (the written table states what Shudarga computed); reader warnings, the
    source file name and the edition line are not part of a written file; a not-due rating
    equal to the scale's mark is implied; an unscored total leaves no stated total; the
    plan-only fields (planned budget, responsible unit, deadline) are not columns of the
    report table, and the results are not columns of the plan table (which has no total).
    """
    if doc.kind is DocumentKind.PLAN:
        return _plan_written_form(doc)
    display = score_document(doc).total.display
    objectives = [
        dataclasses.replace(
            o,
            measures=[
                dataclasses.replace(
                    m,
                    rating=None
                    if m.not_due and m.rating and fold(m.rating) == fold(doc.scale.not_due_mark)
                    else m.rating,
                    # Plan-only fields are not columns of the report table.
                    planned_budget=None,
                    responsible_unit="",
                    deadline="",
                )
                for m in o.measures
            ],
        )
        for o in doc.objectives
    ]
    return dataclasses.replace(
        doc,
        title=official_title(doc),
        stated_total=None if display is None else Decimal(display),
        objectives=objectives,
        warnings=[],
        source="",
        edition=None,
    )


def _plan_written_form(doc: ReportDocument) -> ReportDocument:
    objectives = [
        dataclasses.replace(
            o,
            measures=[
                MeasureEntry(
                    number=m.number,
                    text=m.text,
                    indicator=m.indicator,
                    target=m.target,
                    planned_budget=m.planned_budget,
                    responsible_unit=m.responsible_unit,
                    deadline=m.deadline,
                )
                for m in o.measures
            ],
        )
        for o in doc.objectives
    ]
    return dataclasses.replace(
        doc,
        title=official_title(doc),
        stated_total=None,
        objectives=objectives,
        warnings=[],
        source="",
        edition=None,
    )
