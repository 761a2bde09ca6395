"""The official table as one standalone HTML page: what an organization pastes into its website,
what the print view serves, and what the PDF writer renders.

The page loads nothing (no scripts, no web fonts, no images): one small <style>, the title, the
table with the seed's two header rows, the "НЭГДСЭН ДҮН" line, and, optionally, a summary with
the per-objective chart as inline SVG. The summary sits in <section data-shudarga="summary">
so a reader of the page can skip it; the table alone carries the report. Every text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from html import escape
from pathlib import Path

from shudarga.documents.embedded import KEY, metadata_text
from shudarga.documents.model import DocumentKind, MeasureEntry, ReportDocument
from shudarga.documents.scoring import ReportScore, score_document
from shudarga.documents.writers.chart import chart_text_html, objective_chart
from shudarga.documents.writers.common import (
    COLUMNS,
    GROUP_HEADER,
    amount_text,
    edition_line,
    measure_cells,
    objective_text,
    official_title,
    rating_text,
    section_text,
    self_assessed_line,
    total_line,
    with_sections,
)
from shudarga.documents.writers.plan_table import (
    BUDGET_COLUMN,
    OBJECTIVE_SUM_LABEL,
    PLAN_COLUMNS,
    PLAN_SUM_LABEL,
    cell_texts,
    objective_budget,
    plan_budget,
    plan_cells,
)

CSS_PATH = Path(__file__).with_name("templates") / "official.css"
CELL_CLASSES = ("number", "text", "spent", "indicator", "target", "achieved")
PLAN_CELL_CLASSES = ("number", "text", "indicator", "target", "budget", "unit", "deadline")
SUMMARY_HEADING = "Зорилт тус бүрийн хэрэгжилт"


@cache
def stylesheet() -> str:
    """The page's CSS, read once per process (every page and PDF carries the same)."""
    return CSS_PATH.read_text(encoding="utf-8")


def style_text() -> str:
    """The text of the page's one <style> element, as written: a site that serves the page
    allows exactly this text by its hash (shudarga.web.csp)."""
    return "\n" + stylesheet()


def _text(value: str) -> str:
    return escape(value, quote=True)


def _single_quoted(value: str) -> str:
    """Attribute text for content='…': JSON keeps its double quotes readable in the source."""
    return escape(value, quote=False).replace("'", "&#x27;")


def _paragraphs(text: str, *, rating: str = "") -> str:
    """Each line of a cell as a <p>; the rating, when given, is the last one (class="rating")."""
    lines = [line for line in text.split("\n") if line.strip()]
    if rating and lines and lines[-1] == rating:
        lines.pop()  # measure_cells appends it; it gets its own class below
    html = "".join(f"<p>{_text(line)}</p>" for line in lines)
    return html + (f'<p class="rating">{_text(rating)}</p>' if rating else "")


def _header() -> str:
    number, text, *results = COLUMNS
    first = (
        f'<tr><th rowspan="2" scope="col">{_text(number)}</th>'
        f'<th rowspan="2" scope="col">{_text(text)}</th>'
        f'<th colspan="{len(results)}" scope="colgroup">{_text(GROUP_HEADER)}</th></tr>'
    )
    second = "<tr>" + "".join(f'<th scope="col">{_text(c)}</th>' for c in results) + "</tr>"
    return f"<thead>{first}{second}</thead>"


def _measure_row(measure: MeasureEntry, doc: ReportDocument) -> str:
    cells = measure_cells(measure, doc.scale)
    rating = rating_text(measure, doc.scale)
    tds = []
    for css, value in zip(CELL_CLASSES, cells, strict=True):
        body = _paragraphs(value, rating=rating if css == "achieved" else "")
        tds.append(f'<td class="{css}">{body}</td>')
    return '<tr class="measure">' + "".join(tds) + "</tr>"


def _body(doc: ReportDocument) -> Iterator[str]:
    plan = doc.kind is DocumentKind.PLAN
    width = len(PLAN_COLUMNS if plan else COLUMNS)
    for section, objective in with_sections(doc):
        yield "<tbody>"
        if section is not None:
            yield (
                f'<tr class="section"><th colspan="{width}" scope="rowgroup">'
                f"{_text(section_text(section))}</th></tr>"
            )
        yield (
            f'<tr class="objective"><th colspan="{width}" scope="rowgroup">'
            f"{_text(objective_text(objective))}</th></tr>"
        )
        for measure in objective.measures:
            yield _plan_row(measure) if plan else _measure_row(measure, doc)
        if plan:
            yield _sum_row(OBJECTIVE_SUM_LABEL, objective_budget(objective))
        yield "</tbody>"
    if plan:
        yield f"<tfoot>{_sum_row(PLAN_SUM_LABEL, plan_budget(doc))}</tfoot>"


# --- the plan's table (plan_table.py) ------------------------------------------------------


def _plan_header() -> str:
    cells = "".join(f'<th scope="col">{_text(c)}</th>' for c in PLAN_COLUMNS)
    return f"<thead><tr>{cells}</tr></thead>"


def _plan_row(measure: MeasureEntry) -> str:
    cells = plan_cells(measure)
    texts = cell_texts(cells, amount_text(cells.budget))
    tds = (
        f'<td class="{css}">{_paragraphs(value)}</td>'
        for css, value in zip(PLAN_CELL_CLASSES, texts, strict=True)
    )
    return '<tr class="measure">' + "".join(tds) + "</tr>"


def _sum_row(label: str, amount: Decimal | None) -> str:
    """ "Зорилтын дүн" over the columns before the budget, the exact sum under it."""
    after = len(PLAN_COLUMNS) - BUDGET_COLUMN - 1
    return (
        f'<tr class="sum"><th colspan="{BUDGET_COLUMN}" scope="row">{_text(label)}</th>'
        f'<td class="budget">{_text(amount_text(amount))}</td>'
        f'<td colspan="{after}"></td></tr>'
    )


def _summary(doc: ReportDocument, score: ReportScore, *, for_pdf: bool) -> str:
    if not doc.objectives:
        return ""
    chart = chart_text_html(doc, score) if for_pdf else objective_chart(doc, score)
    return (
        f'<section class="summary" data-shudarga="summary"><h2>{_text(SUMMARY_HEADING)}</h2>'
        f"{chart}</section>"
    )


def render_html(doc: ReportDocument, *, summary: bool = True, for_pdf: bool = False) -> str:
    """The page as text; ``summary=False`` leaves out the per-objective chart. ``for_pdf``:
    the page the PDF writer lays out, without the <style> (it passes the same CSS, parsed
    once) and with the chart's words as HTML (chart.chart_text_html)."""
    plan = doc.kind is DocumentKind.PLAN
    score = score_document(doc)
    self_line = None if plan else self_assessed_line(doc)
    title = official_title(doc)
    edition = edition_line(doc)
    cols = "".join(f'<col class="{c}">' for c in (PLAN_CELL_CLASSES if plan else CELL_CLASSES))
    parts = [
        "<!doctype html>",
        '<html lang="mn">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<meta name=\"{KEY}\" content='{_single_quoted(metadata_text(doc))}'>",
        '<meta name="generator" content="Shudarga">',
        f'<meta name="author" content="{_text(doc.organization)}">' if doc.organization else "",
        f"<title>{_text(title)}</title>",
        "" if for_pdf else f"<style>{style_text()}</style>",
        "</head>",
        "<body>",
        '<main class="shudarga">',
        f'<h1 class="title">{_text(title)}</h1>',
        f'<p class="edition">{_text(edition)}</p>' if edition else "",
        f'<table class="official{" plan" if plan else ""}"><colgroup>{cols}</colgroup>',
        _plan_header() if plan else _header(),
        *_body(doc),
        "</table>",
        "" if plan else f'<p class="total"><strong>{_text(total_line(doc, score))}</strong></p>',
        f'<p class="self-assessed">{_text(self_line)}</p>' if self_line else "",
        _summary(doc, score, for_pdf=for_pdf) if summary and not plan else "",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def write_html(doc: ReportDocument, *, summary: bool = True) -> bytes:
    """The page as UTF-8 bytes (the registry's ``write_html``)."""
    return render_html(doc, summary=summary).encode("utf-8")
