"""The open-data CSV: one row per measure, UTF-8 with BOM, machine keys, plain decimals."""

from __future__ import annotations

import csv
import io

from shudarga.documents.model import ReportDocument
from shudarga.documents.writers import write
from shudarga.documents.writers.csv import FIELDS, write_csv
from tests.documents.test_write_html import (
    HOSTILE,
    QUOTED,
    hostile_document,
    seed_document,
    truncating_document,
)


def rows(doc: ReportDocument) -> list[dict[str, str]]:
    text = write_csv(doc).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def by_number(doc: ReportDocument) -> dict[str, dict[str, str]]:
    return {row["number"]: row for row in rows(doc)}


def test_it_starts_with_a_byte_order_mark_and_the_machine_keys():
    data = write_csv(seed_document())
    assert data.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert header == list(FIELDS)
    assert header[:4] == ["objective_number", "objective_title", "number", "text"]


def test_it_writes_one_row_per_measure_of_the_seed():
    table = list(
        csv.reader(io.StringIO(write_csv(seed_document()).decode("utf-8-sig"), newline=""))
    )
    assert len(table) == 12  # header + 11 measures
    assert all(len(row) == len(FIELDS) for row in table)
    assert [row[2] for row in table[1:]] == [
        "1.1", "1.2", "2.1", "3.1", "4.1", "4.2", "5.1", "5.2", "6.1", "6.2", "6.3",
    ]  # fmt: skip


def test_it_writes_numbers_as_plain_decimals_and_null_as_empty():
    seed = by_number(seed_document())
    assert seed["2.1"]["spent"] == "840.0"
    assert seed["4.1"]["spent"] == "5000.0"
    assert seed["6.1"]["spent"] == "0.4"
    assert seed["1.1"]["spent"] == ""
    assert seed["1.1"]["score"] == "100" and seed["4.2"]["score"] == "0"
    assert seed["3.1"]["score"] == "" and seed["3.1"]["rating"] == ""
    assert by_number(truncating_document())["1.2"]["score"] == "81.1"


def test_it_keeps_the_rating_label_apart_from_the_achieved_text():
    seed = by_number(seed_document())
    assert seed["1.1"]["rating"] == "Үр дүнтэй"
    assert seed["6.2"]["rating"] == "Үр дүнд хүрсэн"
    assert not seed["1.1"]["achieved"].endswith("100%")
    assert seed["1.1"]["objective_number"] == "1"
    assert seed["1.1"]["objective_title"].startswith("Авлигын эсрэг хууль тогтоомжийг")


def test_it_writes_not_due_as_true_or_false():
    hostile = by_number(hostile_document())
    assert hostile["1.2"]["not_due"] == "true" and hostile["1.2"]["score"] == ""
    assert hostile["1.1"]["not_due"] == "false"
    assert {row["not_due"] for row in rows(seed_document())} == {"false"}


def test_it_keeps_newlines_quotes_and_markup_inside_cells():
    row = by_number(hostile_document())["1.1"]
    assert row["text"] == f"Эхний мөр {HOSTILE}\nХоёр дахь мөр"
    assert row["achieved"] == f"Нэгдүгээр догол мөр\nХоёрдугаар {QUOTED}"
    assert row["indicator"] == QUOTED
    assert row["spent"] == "1200.5"
    assert b'"\xd0\xad' in write_csv(hostile_document())  # a quoted cell opens with "Э


def test_it_defuses_text_a_spreadsheet_would_run_as_a_formula():
    row = by_number(hostile_document())["1.1"]
    assert row["target"] == "'=1+1"
    assert row["responsible_unit"] == "'-Хэлтэс"
    assert by_number(seed_document())["1.1"]["spent"] == ""  # numbers are never touched


def test_it_ends_rows_with_crlf():
    data = write_csv(hostile_document())
    assert data.count(b"\r\n") == 3  # header + two measures; the newlines inside cells stay \n
    assert b"\n\xd0\xa5" in data  # "\nХоёр дахь мөр" inside a quoted cell


def test_it_writes_only_the_header_for_an_empty_document():
    assert write_csv(ReportDocument()).decode("utf-8-sig") == ",".join(FIELDS) + "\r\n"


def test_the_registry_serves_it():
    doc = seed_document()
    assert write(doc, "csv") == write_csv(doc)
