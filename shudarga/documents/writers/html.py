"""The official table as one standalone HTML page: what an organization pastes into its website,
what the print view serves, and what the PDF writer renders.

The page loads nothing (no scripts, no web fonts, no images): one small <style>, the title, the
table with the seed's two header rows, the "НЭГДСЭН ДҮН" line, and, optionally, a summary with
the per-objective chart as inline SVG. The summary sits in <section data-shudarga="summary">
so a reader of the page can skip it; the table alone carries the report. Every text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from html import escape
from pathlib import Path

from shudarga.documents.embedded import KEY, metadata_text
from shudarga.documents.model import MeasureEntry, ReportDocument
from shudarga.documents.scoring import ReportScore, score_document
from shudarga.documents.writers.chart import chart_text_html, objective_chart
from shudarga.documents.writers.common import (
    COLUMNS,
    GROUP_HEADER,
    measure_cells,
    objective_text,
    official_title,
    rating_text,
    section_text,
    self_assessed_line,
    total_line,
    with_sections,
)

CSS_PATH = Path(__file__).with_name("templates") / "official.css"
CELL_CLASSES = ("number", "text", "spent", "indicator", "target", "achieved")
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
    for section, objective in with_sections(doc):
        yield "<tbody>"
        if section is not None:
            yield (
                f'<tr class="section"><th colspan="{len(COLUMNS)}" scope="rowgroup">'
                f"{_text(section_text(section))}</th></tr>"
            )
        yield (
            f'<tr class="objective"><th colspan="{len(COLUMNS)}" scope="rowgroup">'
            f"{_text(objective_text(objective))}</th></tr>"
        )
        for measure in objective.measures:
            yield _measure_row(measure, doc)
        yield "</tbody>"


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
    score = score_document(doc)
    self_line = self_assessed_line(doc)
    title = official_title(doc)
    cols = "".join(f'<col class="{c}">' for c in CELL_CLASSES)
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
        f'<table class="official"><colgroup>{cols}</colgroup>',
        _header(),
        *_body(doc),
        "</table>",
        f'<p class="total"><strong>{_text(total_line(doc, score))}</strong></p>',
        f'<p class="self-assessed">{_text(self_line)}</p>' if self_line else "",
        _summary(doc, score, for_pdf=for_pdf) if summary else "",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def write_html(doc: ReportDocument, *, summary: bool = True) -> bytes:
    """The page as UTF-8 bytes (the registry's ``write_html``)."""
    return render_html(doc, summary=summary).encode("utf-8")
