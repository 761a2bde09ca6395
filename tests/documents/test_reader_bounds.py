"""Readers stay linear in their input and say so when a file is beyond the limits (issue 11).

Linearity is asserted by a ratio of CPU times measured in the same test (10x the rows must
cost far less than the 100x a quadratic step gives), never by an absolute time.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Callable
from decimal import Decimal

import openpyxl
import pytest

from shudarga.documents import jsonform
from shudarga.documents.errors import ReadError
from shudarga.documents.model import MeasureEntry, ObjectiveEntry, ReportDocument
from shudarga.documents.readers import _read_kind, detect_format, read_bytes
from shudarga.documents.readers.text import read_text
from shudarga.documents.readers.xlsx import read_xlsx
from shudarga.documents.writers.docx import write_docx
from shudarga.documents.writers.html import write_html
from shudarga.documents.writers.xlsx import write_xlsx
from tests.documents.reader_fixtures import TITLE, save_xlsx

HEADER = (
    "Д/д\tХэрэгжүүлэх арга хэмжээ\tШалгуур үзүүлэлт\tХүрэх түвшин\tХүрсэн түвшин буюу хэрэгжилт"
)
# 10x the rows; linear work gives about 10x the time, a quadratic step 100x.
SMALL, LARGE, MAX_RATIO = 1_000, 10_000, 30


def _document(measures: int, objectives: int = 10) -> ReportDocument:
    per = measures // objectives
    return ReportDocument(
        title=TITLE,
        organization="Б сумын Засаг даргын Тамгын газар",
        year=2024,
        objectives=[
            ObjectiveEntry(
                number=str(o),
                title=f"Зорилт {o}",
                measures=[
                    MeasureEntry(
                        number=f"{o}.{i}",
                        text=f"Арга хэмжээ {i}",
                        spent=Decimal("1.5"),
                        achieved="Хийсэн.",
                        score=Decimal(100),
                        rating="Үр дүнтэй",
                    )
                    for i in range(1, per + 1)
                ],
            )
            for o in range(1, objectives + 1)
        ],
    )


def _tsv(measures: int) -> bytes:
    rows = [TITLE, HEADER, "Зорилт 1. Авлигын эсрэг сурталчилгаа"]
    rows += [
        f"1.{i}\tАрга хэмжээ {i}\tТоо\t10\tХийсэн. Үр дүнтэй-100%" for i in range(1, measures + 1)
    ]
    return "\n".join(rows).encode("utf-8")


def _json(measures: int) -> bytes:
    return jsonform.dumps(_document(measures)).encode("utf-8")


def _docx(measures: int) -> bytes:
    """Our DOCX with its measure row repeated: python-docx would take half a minute to write
    10,000 rows, the reader under test takes seconds."""
    data = write_docx(_document(1, objectives=1))
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                xml = content.decode("utf-8")
                row = next(r for r in re.findall(r"<w:tr[ >].*?</w:tr>", xml, re.S) if ">1.1<" in r)
                rows = "".join(row.replace(">1.1<", f">1.{i}<") for i in range(1, measures + 1))
                content = xml.replace(row, rows).encode("utf-8")
            out.writestr(item, content)
    return target.getvalue()


MAKERS: dict[str, Callable[[int], bytes]] = {
    "text": _tsv,
    "json": _json,
    "html": lambda n: write_html(_document(n)),
    "xlsx": lambda n: write_xlsx(_document(n)),
    "docx": _docx,
}


def _cpu_seconds(data: bytes) -> tuple[float, ReportDocument]:
    started = time.process_time()
    document = _read_kind(data, detect_format(data), "bounds")
    return time.process_time() - started, document


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_every_reader_reads_ten_times_the_rows_in_about_ten_times_the_time(kind):
    small, large = MAKERS[kind](SMALL), MAKERS[kind](LARGE)
    _cpu_seconds(small)  # warm-up: imports and compiled patterns are not the reader's work
    small_time, small_doc = _cpu_seconds(small)
    large_time, large_doc = _cpu_seconds(large)
    assert (small_doc.measure_count, large_doc.measure_count) == (SMALL, LARGE)
    assert large_time < MAX_RATIO * max(small_time, 0.01), (kind, small_time, large_time)


def _header_like_rows(count: int) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for i in range(count):  # each row names columns, each one different: none is a repeat
        sheet.append([f"Хэрэгжүүлэх арга хэмжээ {i}", f"Шалгуур үзүүлэлт {i}", "Хугацаа"])
    sheet.append(["1.1", "Журам батлах", "Батлав."])
    return save_xlsx(workbook)


def test_rows_that_all_look_like_headers_cost_the_same_each():
    small, large = _header_like_rows(300), _header_like_rows(3_000)
    _cpu_seconds(small)
    small_time, _ = _cpu_seconds(small)
    large_time, document = _cpu_seconds(large)
    assert document.measure_count == 1
    assert large_time < MAX_RATIO * max(small_time, 0.01), (small_time, large_time)


def test_one_objective_with_3000_measures_keeps_every_measure_apart():
    document = read_text(_tsv(3_000))
    measures = document.objectives[0].measures
    assert [m.number for m in measures] == [f"1.{i}" for i in range(1, 3_001)]
    by_number = {m.number: m for m in measures}
    # 1.999 keeps its own text; 1.1000 and 1.3000 are measures, not its continuation.
    assert by_number["1.999"].text == "Арга хэмжээ 999"
    assert by_number["1.1000"].text == "Арга хэмжээ 1000"
    assert by_number["1.3000"].achieved == "Хийсэн."
    assert not document.warnings


def test_measure_numbers_of_any_length_in_a_number_cell_or_glued_to_the_text():
    lines = [TITLE, HEADER, "Зорилт 1. Сурталчилгаа"]
    lines += ["1.999\tЕсөн зуу\tТоо\t1\tХийсэн.", "1.1000.\tМянга\tТоо\t1\tХийсэн."]
    lines += ["\t1.100000.Зуун мянга\tТоо\t1\tХийсэн."]
    document = read_text("\n".join(lines).encode("utf-8"))
    assert [(m.number, m.text) for m in document.objectives[0].measures] == [
        ("1.999", "Есөн зуу"),
        ("1.1000", "Мянга"),
        ("1.100000", "Зуун мянга"),
    ]


def test_a_date_in_the_number_cell_is_not_a_measure_number():
    lines = [TITLE, HEADER, "Зорилт 1. Сурталчилгаа", "1.1\tЖурам батлах\tТоо\t1\tБатлав."]
    lines += ["25.12.2024\tхурлаар хэлэлцсэн"]
    document = read_text("\n".join(lines).encode("utf-8"))
    assert [m.number for m in document.objectives[0].measures] == ["1.1"]


def test_a_file_past_the_measure_limit_is_refused_with_its_count():
    with pytest.raises(ReadError) as caught:
        read_bytes(_tsv(3_000))
    assert caught.value.code == "too_many_measures"
    assert caught.value.params["count"] == 3_000  # every measure was read, then refused
    assert "3000" in caught.value.text("mn")


def _with_merge(data: bytes, ref: str) -> bytes:
    """The workbook with a merged range added to its first sheet's XML, its covered cells
    keeping the values they hold (openpyxl would drop them when merging)."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                merge = f'<mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'
                content = content.replace(b"</sheetData>", b"</sheetData>" + merge.encode())
            out.writestr(item, content)
    return target.getvalue()


def test_a_merged_range_gives_its_text_once_from_its_top_left_cell():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Үйл ажиллагааны зорилт", "Хэрэгжүүлэх арга хэмжээ", "Биелэлт", "Оноо"])
    sheet.append(["Ил тод байдал", "1.1 Мэдээлэл байршуулах", "Байршуулсан.", 100])
    sheet.append(["Ил тод байдал (нуугдсан)", "1.2 Самбар шинэчлэх", "Шинэчилсэн.", 70])
    document = read_xlsx(_with_merge(save_xlsx(workbook), "A2:A3"))
    assert [(o.title, [m.number for m in o.measures]) for o in document.objectives] == [
        ("Ил тод байдал", ["1.1", "1.2"])
    ]
    # Without the merge the covered cell's text is its own objective: the test can fail.
    plain = read_xlsx(save_xlsx(workbook))
    assert len(plain.objectives) == 2
