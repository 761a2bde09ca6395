"""The HTML page of the official table, parsed back with lxml and checked element by element.

The sample documents here (seed, hostile texts, a truncating scale) are shared with the PDF
and CSV writer tests.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from shudarga.documents.embedded import metadata_text
from shudarga.documents.model import (
    GOVERNMENT_SCALE,
    MeasureEntry,
    ObjectiveEntry,
    ReportDocument,
    Rounding,
)
from shudarga.documents.readers import read_path
from shudarga.documents.writers import content_type, write
from shudarga.documents.writers.chart import BAR_WIDTH, chart_text_html, objective_chart
from shudarga.documents.writers.common import COLUMNS, GROUP_HEADER, objective_text, official_title
from shudarga.documents.writers.html import render_html, write_html

SEED = Path(__file__).resolve().parents[2] / "shudarga/demo/khujirt-2024-anticorruption-report.txt"
HOSTILE = "<script>alert(1)</script>"
QUOTED = "Тэмцэх \"газар\" & 'АТГ' <b>"


def seed_document() -> ReportDocument:
    return read_path(SEED)


def hostile_document() -> ReportDocument:
    """Markup, quotes and ampersands in every text; newlines inside cells; one measure not due."""
    return ReportDocument(
        title=f"Өвөрхангай {HOSTILE} тайлан",
        organization=f"Байгууллага {QUOTED}",
        year=2024,
        objectives=[
            ObjectiveEntry(
                number="1",
                title=f"Сургалт {HOSTILE}",
                measures=[
                    MeasureEntry(
                        number="1.1",
                        text=f"Эхний мөр {HOSTILE}\nХоёр дахь мөр",
                        spent=Decimal("1200.5"),
                        indicator=QUOTED,
                        target="=1+1",
                        achieved=f"Нэгдүгээр догол мөр\nХоёрдугаар {QUOTED}",
                        score=Decimal("100"),
                        rating="Үр дүнтэй",
                        responsible_unit="-Хэлтэс",
                    ),
                    MeasureEntry(number="1.2", text="Хугацаа болоогүй ажил", not_due=True),
                ],
            )
        ],
    )


def truncating_document() -> ReportDocument:
    """A scale that cuts to one decimal: 100 and 81.1 average 90.55, shown "90.5" (not 90.6)."""
    scale = dataclasses.replace(
        GOVERNMENT_SCALE, code="cut-1", rounding=Rounding.TRUNCATE, decimals=1
    )
    return ReportDocument(
        organization="Аймгийн Засаг даргын Тамгын газар",
        year=2025,
        scale=scale,
        objectives=[
            ObjectiveEntry(
                number="1",
                title="Ил тод байдал",
                measures=[
                    MeasureEntry(number="1.1", text="Мэдээлэл нийтлэх", score=Decimal("100")),
                    MeasureEntry(number="1.2", text="Тайлан хүргүүлэх", score=Decimal("81.1")),
                ],
            ),
            ObjectiveEntry(
                number="2",
                title="Үнэлгээгүй зорилт",
                measures=[MeasureEntry(number="2.1", text="Сургалт")],
            ),
        ],
    )


def page(doc: ReportDocument, **options: bool) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(write_html(doc, **options))


def text(element: lxml.html.HtmlElement) -> str:
    return element.text_content().strip()


def achieved_paragraphs(root: lxml.html.HtmlElement, number: str) -> list[lxml.html.HtmlElement]:
    row = root.xpath(f'//tr[@class="measure"][td[@class="number"]="{number}"]')[0]
    return row.xpath('td[@class="achieved"]/p')


@pytest.fixture(scope="module")
def seed_page() -> lxml.html.HtmlElement:
    return page(seed_document())


def test_it_writes_a_standalone_utf8_page_in_mongolian():
    data = write_html(seed_document())
    assert data.startswith(b"<!doctype html>\n")
    data.decode("utf-8")
    root = lxml.html.document_fromstring(data)
    assert root.get("lang") == "mn"
    assert root.xpath("//head/meta[@charset]")[0].get("charset") == "utf-8"


def test_it_carries_the_metadata_in_a_meta_tag():
    for doc in (seed_document(), hostile_document()):
        root = page(doc)
        (meta,) = root.xpath('//meta[@name="shudarga"]')
        assert meta.get("content") == metadata_text(doc)


def test_it_centres_the_title_in_upper_case(seed_page):
    (h1,) = seed_page.xpath("//h1")
    assert text(h1) == official_title(seed_document())
    css = seed_page.xpath("//style")[0].text
    assert "text-transform: uppercase" in css and "text-align: center" in css
    assert text(seed_page.xpath("//title")[0]) == official_title(seed_document())


def test_it_writes_the_official_two_row_header(seed_page):
    rows = seed_page.xpath("//table/thead/tr")
    assert len(rows) == 2
    first, second = (row.xpath("th") for row in rows)
    assert [text(th) for th in first] == [COLUMNS[0], COLUMNS[1], GROUP_HEADER]
    assert [th.get("rowspan") for th in first] == ["2", "2", None]
    assert first[2].get("colspan") == "4"
    assert [text(th) for th in second] == list(COLUMNS[2:])


def test_it_writes_each_objective_as_a_full_width_row(seed_page):
    doc = seed_document()
    rows = seed_page.xpath('//table/tbody/tr[@class="objective"]')
    assert len(rows) == 6
    assert [text(r) for r in rows] == [objective_text(o) for o in doc.objectives]
    assert all(r.xpath("th/@colspan") == ["6"] and len(r) == 1 for r in rows)


def test_it_writes_one_row_of_six_cells_per_measure(seed_page):
    rows = seed_page.xpath('//table/tbody/tr[@class="measure"]')
    assert len(rows) == 11
    assert all(len(r.xpath("td")) == 6 for r in rows)
    numbers = [text(r.xpath("td")[0]) for r in rows]
    assert numbers == ["1.1", "1.2", "2.1", "3.1", "4.1", "4.2", "5.1", "5.2", "6.1", "6.2", "6.3"]
    spent = {text(r.xpath("td")[0]): text(r.xpath("td")[2]) for r in rows}
    assert spent["2.1"] == "840,0" and spent["1.1"] == "-" and spent["6.1"] == "0,4"


def test_it_ends_the_achieved_cell_with_the_rating(seed_page):
    paragraphs = achieved_paragraphs(seed_page, "1.1")
    assert len(paragraphs) == 4  # three paragraphs of the seed's cell, then the rating
    assert text(paragraphs[-1]) == "Үр дүнтэй-100%"
    assert paragraphs[-1].get("class") == "rating"
    assert text(achieved_paragraphs(seed_page, "4.2")[-1]) == "Үр дүнгүй-0%"
    assert text(achieved_paragraphs(seed_page, "6.2")[-1]) == "Үр дүнд хүрсэн-100%"
    unscored = achieved_paragraphs(seed_page, "3.1")
    assert unscored and all(p.get("class") is None for p in unscored)


def test_it_writes_the_computed_total_in_bold_after_the_table(seed_page):
    (total,) = seed_page.xpath('//table/following-sibling::p[@class="total"]/strong')
    assert text(total) == "НЭГДСЭН ДҮН: 86%"


def test_it_shows_the_total_by_the_scale_rule():
    root = page(truncating_document())
    assert text(root.xpath('//p[@class="total"]')[0]) == "НЭГДСЭН ДҮН: 90.5%"


def test_it_writes_no_script_and_escapes_every_text():
    data = write_html(hostile_document())
    assert b"<script" not in data.lower()
    root = lxml.html.document_fromstring(data)
    assert root.xpath("//script") == [] and root.xpath("//b") == []
    assert not [a for el in root.iter() for a in el.attrib if a.startswith("on")]
    assert HOSTILE in text(root.xpath("//h1")[0])
    assert text(root.xpath('//tr[@class="objective"]')[0]) == f"Зорилт 1. Сургалт {HOSTILE}"
    cells = root.xpath('//tr[@class="measure"]')[0].xpath("td")
    assert text(cells[3]) == QUOTED
    assert root.xpath('//meta[@name="author"]')[0].get("content") == f"Байгууллага {QUOTED}"


def test_it_loads_nothing_from_outside():
    root = page(seed_document())
    assert not root.xpath("//*[@src] | //link | //iframe | //object | //img")
    assert "@import" not in root.xpath("//style")[0].text
    assert "url(" not in root.xpath("//style")[0].text


def test_it_writes_each_line_of_a_cell_as_a_paragraph():
    root = page(hostile_document())
    cells = root.xpath('//tr[@class="measure"]')[0].xpath("td")
    assert [text(p) for p in cells[1].xpath("p")] == [f"Эхний мөр {HOSTILE}", "Хоёр дахь мөр"]
    achieved = [text(p) for p in cells[5].xpath("p")]
    assert achieved == ["Нэгдүгээр догол мөр", f"Хоёрдугаар {QUOTED}", "Үр дүнтэй-100%"]


def test_it_writes_the_not_due_mark_as_the_rating():
    root = page(hostile_document())
    paragraphs = achieved_paragraphs(root, "1.2")
    assert [text(p) for p in paragraphs] == ["ХБ"]
    assert paragraphs[0].get("class") == "rating"


def test_it_prints_a_4_landscape_with_page_numbers_and_a_repeated_header(seed_page):
    css = " ".join(seed_page.xpath("//style")[0].text.split())
    assert "size: A4 landscape" in css
    assert 'content: "Хуудас " counter(page) " / " counter(pages)' in css
    assert "thead { display: table-header-group; }" in css
    assert '"Times New Roman", "Liberation Serif", "DejaVu Serif", serif' in css


def test_it_adds_the_per_objective_chart_unless_told_not_to(seed_page):
    (summary,) = seed_page.xpath('//section[@data-shudarga="summary"]')
    assert summary.xpath("preceding-sibling::p[@class='total']")
    assert len(summary.xpath(".//*[local-name()='svg']")) == 1
    assert not page(seed_document(), summary=False).xpath("//section")


def test_the_chart_is_well_formed_svg_with_a_bar_per_scored_objective():
    doc = seed_document()
    svg = etree.fromstring(objective_chart(doc).encode("utf-8"))
    ns = {"s": "http://www.w3.org/2000/svg"}
    groups = svg.xpath("s:g", namespaces=ns)
    assert len(groups) == 6
    bars = [g.xpath("s:rect/@width", namespaces=ns) for g in groups]
    assert bars == [[f"{BAR_WIDTH}"], [f"{BAR_WIDTH}"], [], [], [f"{BAR_WIDTH}"], [f"{BAR_WIDTH}"]]
    values = [g.xpath("s:text", namespaces=ns)[-1].text for g in groups]
    assert values == [
        "100%", "100%", "— (үнэлгээгүй)", "0% (1 үнэлгээгүй)",
        "100% (1 үнэлгээгүй)", "100% (1 үнэлгээгүй)",
    ]  # fmt: skip
    titles = [g.xpath("s:title", namespaces=ns) for g in groups]
    assert titles[0][0].text == objective_text(doc.objectives[0])  # full label, shortened on show


def test_the_chart_escapes_text_and_marks_a_not_due_objective():
    doc = hostile_document()
    doc.objectives.append(
        ObjectiveEntry("2", "Дараа жил", [MeasureEntry("2.1", "Ажил", not_due=True)])
    )
    chart = objective_chart(doc)
    assert "<script" not in chart
    svg = etree.fromstring(chart.encode("utf-8"))
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert f"Зорилт 1. Сургалт {HOSTILE}" in texts
    assert texts[-1] == "ХБ"


def test_the_pdf_chart_draws_the_same_bars_and_writes_its_words_as_html():
    doc = hostile_document()
    doc.objectives.append(
        ObjectiveEntry("2", "Дараа жил", [MeasureEntry("2.1", "Ажил", not_due=True)])
    )
    printed = lxml.html.fromstring(chart_text_html(doc))
    ns = {"s": "http://www.w3.org/2000/svg"}
    svg = etree.fromstring(objective_chart(doc).encode("utf-8"))
    (shapes,) = printed.xpath("//*[local-name()='svg']")
    assert shapes.xpath(".//*[local-name()='line']") and not shapes.xpath(
        ".//*[local-name()='text']"
    )
    assert [r.get("width") for r in shapes.xpath(".//*[local-name()='rect']")] == svg.xpath(
        "//s:rect/@width", namespaces=ns
    )
    rows = printed.xpath('//div[@class="chart-row"]')
    assert [text(r.xpath("span")[0]) for r in rows] == [
        f"Зорилт 1. Сургалт {HOSTILE}",
        "Зорилт 2. Дараа жил",
    ]
    assert text(rows[-1].xpath("strong")[0]) == "ХБ"
    assert "<script" not in chart_text_html(doc)
    assert [text(t) for t in printed.xpath('//div[@class="chart-ticks"]/span')] == [
        "0%", "25%", "50%", "75%", "100%",
    ]  # fmt: skip


def test_the_pdf_page_is_the_page_without_its_style_and_with_the_printed_chart():
    doc = seed_document()
    screen, printed = render_html(doc), render_html(doc, for_pdf=True)
    assert "<style>" in screen and "<style>" not in printed
    assert 'class="chart-print"' in printed and 'class="chart-print"' not in screen
    table = screen[screen.index("<table") : screen.index("</table>")]
    assert table in printed  # the official table itself is the same markup


def test_it_writes_an_empty_document():
    root = page(ReportDocument(organization="Хоосон байгууллага", year=2024))
    assert root.xpath('//tr[@class="measure"]') == []
    assert text(root.xpath('//p[@class="total"]')[0]) == "НЭГДСЭН ДҮН: —"
    assert "ХООСОН БАЙГУУЛЛАГЫН" in text(root.xpath("//h1")[0])


def test_the_registry_serves_it():
    doc = seed_document()
    assert write(doc, "html") == write_html(doc)
    assert content_type("html") == "text/html; charset=utf-8"
