"""Files for the reader tests, built in code: Word, Excel and web pages in the official layout
and in the shapes real reports take (see /work/shared/REAL-REPORTS.md).
"""

from __future__ import annotations

import io
import quopri
import re
import zipfile
from collections.abc import Sequence

import docx
import openpyxl
from docx.document import Document
from docx.table import Table

TITLE = "Б СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГААНЫ 2024 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ"
COLUMNS = (
    "Д/д",
    "Хэрэгжүүлэх арга хэмжээ",
    "Зарцуулсан хөрөнгө /мян.төг/",
    "Шалгуур үзүүлэлт",
    "Хүрэх түвшин",
    "Хүрсэн түвшин буюу хэрэгжилт /Хүрээгүй бол тайлбар/",
)
GROUP = "Үр дүнгийн үзүүлэлт"

# (objective heading, [(number, text, spent, indicator, target, [achieved paragraphs])])
Body = Sequence[tuple[str, Sequence[tuple[str, str, str, str, str, Sequence[str]]]]]
BODY: Body = (
    (
        "Зорилт 1. Авлигын эсрэг сурталчилгаа",
        (
            (
                "1.1",
                "Шторк байршуулах",
                "-",
                "Хандалтын тоо",
                "500 иргэн",
                ("Шторкийг 315 иргэн үзсэн.", "Бас 41 иргэн үзсэн.", "Үр дүнтэй-100%"),
            ),
            (
                "1.2",
                "Самбар шинэчлэх",
                "840,0",
                "Шинэчилсэн тоо",
                "Сар бүр",
                ("Самбарыг шинэчилсэн.", "Үр дүнгүй-0"),
            ),
        ),
    ),
    (
        "Зорилт 2. Сургалт",
        (
            (
                "2.1",
                "Сургалт зохион байгуулах",
                "0,4",
                "Хамрагдсан тоо",
                "20 хүн",
                ("Сургалтад 14 хүн хамрагдсан.", "ХБ"),
            ),
        ),
    ),
)


def _header(table: Table, top: int) -> None:
    """The official two header rows: Д/д and the measure merged down, the group merged across."""
    table.cell(top, 0).merge(table.cell(top + 1, 0)).text = COLUMNS[0]
    table.cell(top, 1).merge(table.cell(top + 1, 1)).text = COLUMNS[1]
    table.cell(top, 2).merge(table.cell(top, 5)).text = GROUP
    for i in range(2, 6):
        table.cell(top + 1, i).text = COLUMNS[i]


def _fill(table: Table, row: int, cells: Sequence[str], achieved: Sequence[str]) -> None:
    for i, value in enumerate(cells):
        table.cell(row, i).text = value
    cell = table.cell(row, 5)
    cell.text = achieved[0]
    for paragraph in achieved[1:]:
        cell.add_paragraph(paragraph)


def add_report_table(document: Document, body: Body, *, header: bool = True) -> Table:
    count = sum(1 + len(measures) for _, measures in body) + (2 if header else 0)
    table = document.add_table(rows=count, cols=6)
    row = 0
    if header:
        _header(table, 0)
        row = 2
    for heading, measures in body:
        table.cell(row, 0).merge(table.cell(row, 5)).text = heading
        row += 1
        for number, text, spent, indicator, target, achieved in measures:
            _fill(table, row, (number, text, spent, indicator, target), achieved)
            row += 1
    return table


def official_docx(
    body: Body = BODY,
    *,
    before: Sequence[str] = (TITLE,),
    after: Sequence[str] = ("НЭГДСЭН ДҮН: 50%",),
    split_at: int | None = None,
    repeat_header: bool = True,
    comments: str | None = None,
) -> bytes:
    """The official table as Word writes it; ``split_at`` continues it in a second table."""
    document = docx.Document()
    for line in before:
        document.add_paragraph(line)
    if split_at is None:
        add_report_table(document, body)
    else:
        add_report_table(document, body[:split_at])
        document.add_paragraph("")
        add_report_table(document, body[split_at:], header=repeat_header)
    for line in after:
        document.add_paragraph(line)
    if comments is not None:
        document.core_properties.comments = comments
    return save_docx(document)


def save_docx(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def save_xlsx(workbook: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def official_xlsx(body: Body = BODY, *, title: str = TITLE) -> openpyxl.Workbook:
    """The official table on the first sheet, with merged ranges as Excel keeps them."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Биелэлт"
    sheet.append([title])
    sheet.merge_cells("A1:F1")
    sheet.append([COLUMNS[0], COLUMNS[1], GROUP, None, None, None])
    sheet.append([None, None, *COLUMNS[2:]])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")
    sheet.merge_cells("C2:F2")
    for heading, measures in body:
        sheet.append([heading])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=6
        )
        for number, text, spent, indicator, target, achieved in measures:
            sheet.append([number, text, spent, indicator, target, "\n".join(achieved)])
    sheet.append(["НЭГДСЭН ДҮН: 50%"])
    return workbook


def official_html(
    body: Body = BODY, *, title: str = TITLE, head: str = "", charset: str = "utf-8"
) -> str:
    """The official table as a web page: rowspan/colspan headers, objective rows across."""
    rows = [
        f'<tr><th rowspan="2">{COLUMNS[0]}</th><th rowspan="2">{COLUMNS[1]}</th>'
        f'<th colspan="4">{GROUP}</th></tr>',
        "<tr>" + "".join(f"<th>{c}</th>" for c in COLUMNS[2:]) + "</tr>",
    ]
    for heading, measures in body:
        rows.append(f'<tr><td colspan="6"><b>{heading}</b></td></tr>')
        for number, text, spent, indicator, target, achieved in measures:
            paragraphs = "".join(f"<p>{p}</p>" for p in achieved)
            rows.append(
                f"<tr><td>{number}</td><td>{text}</td><td>{spent}</td><td>{indicator}</td>"
                f"<td>{target}</td><td>{paragraphs}</td></tr>"
            )
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}">{head}<title>Сайт</title></head>'
        f"<body><h2>{title}</h2><table border=1>{''.join(rows)}</table>"
        "<p>НЭГДСЭН ДҮН: 50%</p></body></html>"
    )


_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def stable_zip(data: bytes) -> bytes:
    """The same package with fixed times, so that a test gets the same bytes on every run."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = _TIMES.sub(rb"\g<1>2024-01-01T00:00:00Z\g<2>", content)
            member = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            target.writestr(member, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


Rows = Sequence[Sequence[str]]


def grid_docx(rows: Rows, *, before: Sequence[str] = ()) -> bytes:
    """Rows as a plain Word table; a cell's lines are its paragraphs; one-cell rows are merged."""
    document = docx.Document()
    for line in before:
        document.add_paragraph(line)
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        if len(row) == 1 and width > 1:
            table.cell(r, 0).merge(table.cell(r, width - 1))
        for c, text in enumerate(row):
            lines = text.split("\n")
            cell = table.cell(r, c)
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    return save_docx(document)


def grid_xlsx(rows: Rows, *, before: Sequence[str] = ()) -> bytes:
    """Rows on the first sheet; one-cell rows are merged across the table."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    width = max(len(r) for r in rows)
    for line in before:
        sheet.append([line])
    for row in rows:
        sheet.append([text or None for text in row])
        if len(row) == 1 and width > 1:
            sheet.merge_cells(
                start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width
            )
    return save_xlsx(workbook)


def grid_html(rows: Rows, *, before: Sequence[str] = ()) -> bytes:
    """Rows as a web page table; one-cell rows span the table."""
    width = max(len(r) for r in rows)
    body = []
    for row in rows:
        span = f' colspan="{width}"' if len(row) == 1 and width > 1 else ""
        cells = "".join(f"<td{span}>{text.replace(chr(10), '<br>')}</td>" for text in row)
        body.append(f"<tr>{cells}</tr>")
    title = "".join(f"<p>{line}</p>" for line in before)
    return f"<html><body>{title}<table>{''.join(body)}</table></body></html>".encode()


def mht_archive(page: str) -> bytes:
    """A single file web page as Word saves it: quoted-printable windows-1251 in a MIME envelope."""
    body = quopri.encodestring(page.encode("cp1251", errors="xmlcharrefreplace")).decode("ascii")
    return (
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; boundary="----=_NextPart_01DA"\r\n\r\n'
        "This document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n"
        "------=_NextPart_01DA\r\n"
        "Content-Location: file:///C:/report.htm\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        'Content-Type: text/html; charset="windows-1251"\r\n\r\n'
        f"{body}\r\n"
        "------=_NextPart_01DA\r\n"
        "Content-Location: file:///C:/report_files/filelist.xml\r\n"
        'Content-Type: text/xml; charset="utf-8"\r\n\r\n'
        "<xml></xml>\r\n"
        "------=_NextPart_01DA--\r\n"
    ).encode("ascii")
