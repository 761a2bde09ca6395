"""The corpus (tests/documents/corpus/): each layout real reports take, written by hand as a web
page, read as that page, as Word, as tab text and as one-cell-per-line text, against the reading
expected of it (<name>.expected.json, written from the page by hand).

And the invariant of "nothing lost silently": every non-empty cell and paragraph of the source
is found in exactly one field of the reading or in one warning, never in two, never in none.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from shudarga.documents.model import GOVERNMENT_SCALE, ReportDocument
from shudarga.documents.readers.objectives import objective_of_column, objective_of_row
from shudarga.documents.readers.ratings import level_rating, parse_rating_cell
from shudarga.documents.readers.title import stated_total
from tests.documents.corpus_forms import CORPUS, load_page, read_form, reading

PAGES = sorted(p.name for p in CORPUS.glob("*.html"))


def _expected(name: str) -> dict[str, Any]:
    return json.loads((CORPUS / name.replace(".html", ".expected.json")).read_text("utf-8"))


def _cases() -> list[tuple[str, str]]:
    return [(name, form) for name in PAGES for form in _expected(name)["forms"]]


@pytest.mark.parametrize(("name", "form"), _cases())
def test_it_reads_each_layout_of_the_corpus_as_expected(name: str, form: str) -> None:
    expected = _expected(name)
    got = reading(read_form(name, form), form)
    warnings = expected.get("warnings_by_form", {}).get(form, expected["warnings"])
    assert got == {**expected["reading"], "warnings": warnings}


def _norm(text: str) -> str:
    return " ".join(text.split())


def _places(doc: ReportDocument) -> list[str]:
    """Every field and warning text of a reading, each once."""
    places = [doc.title]
    places += [s.title for s in doc.sections()]
    for objective in doc.objectives:
        places.append(objective.title)
        for m in objective.measures:
            places += [m.text, m.indicator, m.target, m.responsible_unit, m.deadline]
            places += m.achieved.split("\n")
    for w in doc.warnings:
        places += [w.params.get("text", ""), w.params.get("value", "")]
    return [_norm(p) for p in places if p.strip()]


_GLUED = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.\s*|^\d{1,3}(?:\.\d{1,3})+\s*")


def _accounted(piece: str, doc: ReportDocument, places: list[str]) -> int:
    """In how many places of the reading a piece of the source is (1 when it was turned
    into a number, a rating, a heading or the stated total that the reading holds)."""
    numbers = {m.number for _, m in doc.measures()} | {o.number for o in doc.objectives}
    numbers |= {s.number for s in doc.sections()}
    if re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*\.?", piece) and piece.rstrip(".") in numbers:
        return 1
    if (total := stated_total(piece)) is not None and total == doc.stated_total:
        return 1
    rating = parse_rating_cell(piece, GOVERNMENT_SCALE) or level_rating(piece, GOVERNMENT_SCALE)
    if rating is not None and any(
        (m.score, m.not_due) == (rating.score, rating.not_due) for _, m in doc.measures()
    ):
        return 1
    headings = {_norm(o.title) for o in doc.objectives} | {_norm(s.title) for s in doc.sections()}
    for heading in (objective_of_row([piece], in_table=True), objective_of_column(piece)):
        if heading is not None and heading.number and _norm(heading.title) in headings:
            return 1
    text = _norm(_GLUED.sub("", piece)) or _norm(piece)
    return sum(1 for place in places if text == place or (len(text) > 3 and text in place))


@pytest.mark.parametrize(("name", "form"), _cases())
def test_every_cell_of_the_source_is_in_one_field_or_one_warning(name: str, form: str) -> None:
    page = load_page(name)
    doc = read_form(name, form)
    places = _places(doc)
    pieces = [*page.before, *page.after]
    pieces += [p for cell in page.body_cells() for p in cell.paragraphs]
    found = {piece: _accounted(_norm(piece), doc, places) for piece in pieces}
    assert {p: n for p, n in found.items() if n != 1} == {}
