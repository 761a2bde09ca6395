"""The Word reader on files built with python-docx: the official layout and real variants."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from shudarga.documents.embedded import metadata_text
from shudarga.documents.errors import ReadError
from shudarga.documents.model import Period, ReportDocument, Scale, ScaleLevel
from shudarga.documents.readers import detect_format, read_bytes
from shudarga.documents.readers.docx import read_docx
from tests.documents.reader_fixtures import (
    BODY,
    TITLE,
    add_report_table,
    official_docx,
    save_docx,
)


def numbers(doc: ReportDocument) -> list[list[str]]:
    return [[m.number for m in o.measures] for o in doc.objectives]


def measure(doc: ReportDocument, number: str):
    return next(m for _, m in doc.measures() if m.number == number)


def test_it_is_told_a_word_file_by_its_content():
    assert detect_format(official_docx()) == "docx"


def test_it_reads_the_official_layout_cell_by_cell():
    doc = read_bytes(official_docx(), source="b.docx")
    assert (doc.title, doc.year, doc.source) == (TITLE, 2024, "b.docx")
    assert doc.organization == "Б СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР"
    assert [(o.number, o.title) for o in doc.objectives] == [
        ("1", "Авлигын эсрэг сурталчилгаа"),
        ("2", "Сургалт"),
    ]
    assert numbers(doc) == [["1.1", "1.2"], ["2.1"]]
    m = measure(doc, "1.1")
    assert (m.text, m.spent, m.indicator, m.target) == (
        "Шторк байршуулах",
        None,
        "Хандалтын тоо",
        "500 иргэн",
    )
    assert m.achieved == "Шторкийг 315 иргэн үзсэн.\nБас 41 иргэн үзсэн."
    assert (m.score, m.rating) == (Decimal(100), "Үр дүнтэй")
    assert (measure(doc, "1.2").spent, measure(doc, "1.2").score) == (Decimal("840.0"), Decimal(0))
    m = measure(doc, "2.1")
    assert (m.spent, m.not_due, m.score, m.achieved) == (
        Decimal("0.4"),
        True,
        None,
        "Сургалтад 14 хүн хамрагдсан.",
    )
    assert doc.stated_total == Decimal(50)
    assert doc.warnings == []


@pytest.mark.parametrize("repeat_header", [True, False])
def test_it_reads_a_table_continued_in_a_second_table(repeat_header):
    doc = read_bytes(official_docx(split_at=1, repeat_header=repeat_header))
    assert numbers(doc) == [["1.1", "1.2"], ["2.1"]]
    assert doc.warnings == []


def test_it_reads_the_title_from_the_paragraphs_above_and_only_the_total_from_those_below():
    data = official_docx(
        before=["БАТЛАВ", "ЗАСАГ ДАРГА Б.БОЛД", TITLE],
        after=["НЭГДСЭН ДҮН: 50%", "Тайлан гаргасан: мэргэжилтэн Д.Дорж", "Хуудас 2"],
    )
    doc = read_bytes(data)
    assert doc.title == TITLE
    assert doc.stated_total == Decimal(50)
    assert doc.warnings == []
    assert "Дорж" not in repr(doc)


def test_it_skips_a_small_table_that_is_not_the_report():
    document = docx.Document()
    approval = document.add_table(rows=1, cols=2)
    approval.cell(0, 0).text = "ЗӨВШӨӨРСӨН"
    approval.cell(0, 1).text = "БАТЛАВ"
    document.add_paragraph(TITLE)
    add_report_table(document, BODY)
    signature = document.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "Тайлан гаргасан:"
    signature.cell(0, 1).text = "Д.Дорж"
    doc = read_bytes(save_docx(document))
    assert doc.title == TITLE
    assert numbers(doc) == [["1.1", "1.2"], ["2.1"]]
    assert "Дорж" not in repr(doc)


def test_it_reads_an_objective_given_as_a_paragraph_between_two_tables():
    document = docx.Document()
    document.add_paragraph(TITLE)
    add_report_table(document, BODY[:1])
    document.add_paragraph("Зорилт 2. Сургалт")
    table = document.add_table(rows=1, cols=6)
    for i, value in enumerate(["2.1", "Сургалт хийх", "-", "Тоо", "20", "Хийсэн. Үр дүнтэй-100%"]):
        table.cell(0, i).text = value
    doc = read_bytes(save_docx(document))
    assert [(o.number, o.title) for o in doc.objectives][1] == ("2", "Сургалт")
    assert numbers(doc) == [["1.1", "1.2"], ["2.1"]]


def test_it_gives_a_merged_first_column_to_every_row_it_spans():
    document = docx.Document()
    headers = [
        "д/д",
        "Зорилт",
        "Хэрэгжүүлэх арга хэмжээ",
        "Хугацаа",
        "Хариуцах эзэн",
        "Хүрэх үр дүн",
    ]
    table = document.add_table(rows=4, cols=6)
    for i, text in enumerate(headers):
        table.cell(0, i).text = text
    rows = [
        ["1", "Ил тод байдлыг хангах", "Мэдээлэл байршуулах", "Жилдээ", "Мэргэжилтэн", "Байршсан"],
        ["2", "", "Самбар шинэчлэх", "Сар бүр", "Мэргэжилтэн", "Шинэчилсэн"],
        ["3", "Хяналт сайжруулах", "Шалгалт хийх", "II улирал", "Дарга", "Шалгасан"],
    ]
    for r, row in enumerate(rows, start=1):
        for i, text in enumerate(row):
            if text:
                table.cell(r, i).text = text
    table.cell(1, 1).merge(table.cell(2, 1))  # vMerge: the text stays in the first row
    doc = read_bytes(save_docx(document))
    assert [(o.title, [m.number for m in o.measures]) for o in doc.objectives] == [
        ("Ил тод байдлыг хангах", ["1", "2"]),
        ("Хяналт сайжруулах", ["3"]),
    ]
    assert measure(doc, "2").deadline == "Сар бүр"


def test_it_gives_a_cell_merged_across_columns_its_text_once():
    document = docx.Document()
    add_report_table(document, BODY)
    rows = [[c.text for c in r.cells] for r in document.tables[0].rows]
    # python-docx repeats a merged cell for every column it covers; the reader must not.
    assert rows[2].count("Зорилт 1. Авлигын эсрэг сурталчилгаа") == 6
    doc = read_bytes(save_docx(document))
    assert doc.objectives[0].title == "Авлигын эсрэг сурталчилгаа"
    assert doc.warnings == []


def _numbering_xml() -> str:
    return (
        f"<w:numbering {nsdecls('w')}>"
        '<w:abstractNum w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Зорилт %1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
        "</w:abstractNum>"
        '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
        "</w:numbering>"
    )


def _number(paragraph, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
        )
    )


def test_it_writes_words_automatic_list_numbers_into_the_text():
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in parse_xml(_numbering_xml()):
        numbering.append(child)
    document.add_paragraph(TITLE)
    table = document.add_table(rows=5, cols=6)
    for i, text in enumerate(
        [
            "Д/д",
            "Хэрэгжүүлэх арга хэмжээ",
            "Зарцуулсан хөрөнгө",
            "Шалгуур үзүүлэлт",
            "Хүрэх түвшин",
            "Хүрсэн түвшин",
        ]
    ):
        table.cell(0, i).text = text
    layout = [(0, "Сурталчилгаа"), (1, "Шторк байршуулах"), (1, "Самбар шинэчлэх"), (0, "Сургалт")]
    for r, (level, text) in enumerate(layout, start=1):
        if level == 0:
            cell = table.cell(r, 0).merge(table.cell(r, 5))
            cell.text = text
        else:
            table.cell(r, 1).text = text
            table.cell(r, 5).text = "Хийсэн. Үр дүнтэй-100%"
            cell = table.cell(r, 0)
        _number(cell.paragraphs[0], level)
    row = table.add_row()
    row.cells[1].text = "Сургалт хийх"
    row.cells[5].text = "Хийсэн. Үр дүнтэй-100%"
    _number(row.cells[0].paragraphs[0], 1)
    doc = read_bytes(save_docx(document))
    assert [(o.number, o.title) for o in doc.objectives] == [
        ("1", "Сурталчилгаа"),
        ("2", "Сургалт"),
    ]
    assert numbers(doc) == [["1.1", "1.2"], ["2.1"]]


def test_it_leaves_out_deleted_and_hidden_text():
    document = docx.Document()
    add_report_table(document, BODY)
    cell = document.tables[0].cell(3, 1)
    paragraph = cell.paragraphs[0]
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText> УСТГАСАН</w:delText></w:r></w:del>'
        )
    )
    paragraph._p.append(
        parse_xml(f"<w:r {nsdecls('w')}><w:rPr><w:vanish/></w:rPr><w:t> НУУЦ</w:t></w:r>")
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t xml:space="preserve"> нэмсэн</w:t></w:r></w:ins>'
        )
    )
    doc = read_bytes(save_docx(document))
    assert measure(doc, "1.1").text == "Шторк байршуулах нэмсэн"


def test_it_reads_a_table_inside_a_content_control():
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = add_report_table(document, BODY)
    tbl = table._tbl
    sdt = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    tbl.addprevious(sdt)
    sdt.find(qn("w:sdtContent")).append(tbl)
    doc = read_bytes(save_docx(document))
    assert numbers(doc) == [["1.1", "1.2"], ["2.1"]]


def test_it_reads_a_row_that_starts_late_on_the_grid():
    document = docx.Document()
    add_report_table(document, BODY)
    document.tables[0].cell(3, 1).text = "1.1. Шторк байршуулах"
    tr = document.tables[0].rows[3]._tr
    tr.remove(tr.tc_lst[0])  # no Д/д cell: the row starts at the grid's second column
    tr.get_or_add_trPr().append(parse_xml(f'<w:gridBefore {nsdecls("w")} w:val="1"/>'))
    doc = read_bytes(save_docx(document))
    m = measure(doc, "1.1")
    assert (m.text, m.indicator, m.target) == ("Шторк байршуулах", "Хандалтын тоо", "500 иргэн")


def test_it_flattens_a_table_inside_a_cell_into_lines():
    document = docx.Document()
    add_report_table(document, BODY)
    cell = document.tables[0].cell(3, 5)
    inner = cell.add_table(rows=2, cols=2)
    for r, row in enumerate([["Сар", "Тоо"], ["1", "315"]]):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    doc = read_bytes(save_docx(document))
    assert "Сар Тоо\n1 315" in measure(doc, "1.1").achieved


def test_it_applies_the_metadata_our_writer_embeds():
    scale = Scale(
        code="iaac-5",
        name="Таван түвшин",
        levels=(ScaleLevel(Decimal(100), "Бүрэн", "Full"), ScaleLevel(Decimal(0), "Үгүй", "None")),
        not_due_mark="Х/Б",
    )
    source = ReportDocument(
        organization="Б СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР",
        year=2024,
        period=Period.HALF_YEAR,
        scale=scale,
    )
    document = docx.Document(io.BytesIO(official_docx()))
    # python-docx refuses properties over 255 characters; our writer sets the XML itself.
    document.core_properties._element._get_or_add("description").text = metadata_text(source)
    doc = read_bytes(save_docx(document))
    assert doc.scale == scale
    assert doc.period is Period.HALF_YEAR
    assert doc.year == 2024


def test_it_ignores_comments_that_are_not_our_metadata():
    doc = read_bytes(official_docx(comments='{"note": "шалгасан"}'))
    assert doc.scale.code == "mn-gov"


def test_it_refuses_a_word_file_without_a_report_table():
    document = docx.Document()
    document.add_paragraph("Албан бичиг")
    with pytest.raises(ReadError) as caught:
        read_docx(save_docx(document))
    assert caught.value.code == "no_table"


def test_it_reads_the_table_when_list_numbering_is_odd():
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in parse_xml(
        f"<w:numbering {nsdecls('w')}>"
        '<w:abstractNum w:abstractNumId="91"><w:lvl w:ilvl="x"><w:start w:val="-5"/>'
        '<w:numFmt w:val="cardinalText"/><w:lvlText w:val="%9.%1.%0"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="91"><w:abstractNumId w:val="91"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="abc"/></w:lvlOverride></w:num>'
        '<w:num w:numId="92"><w:abstractNumId w:val="404"/></w:num>'
        "</w:numbering>"
    ):
        numbering.append(child)
    document.add_paragraph(TITLE)
    add_report_table(document, BODY)
    for num_id, row in (("91", 3), ("92", 4)):
        cell = document.tables[0].cell(row, 5)
        cell.paragraphs[0]._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="12"/><w:numId w:val="{num_id}"/></w:numPr>'
            )
        )
    doc = read_bytes(save_docx(document))
    assert numbers(doc) == [["1.1", "1.2"], ["2.1"]]
