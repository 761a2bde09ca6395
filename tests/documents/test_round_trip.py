"""Every format we write and read gives back the document that was written (docs/format.md)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from shudarga.documents.model import (
    MeasureEntry,
    ObjectiveEntry,
    Period,
    ReportDocument,
    Rounding,
    Scale,
    ScaleLevel,
    Section,
)
from shudarga.documents.readers import read_bytes, read_path
from shudarga.documents.writers import write
from shudarga.documents.writers.common import written_form

SEED = Path(__file__).resolve().parents[2] / "shudarga/demo/khujirt-2024-anticorruption-report.txt"
READ_BACK = ["docx", "xlsx", "html", "json"]


def truncating_half_year() -> ReportDocument:
    """Not-due and unscored measures, a 1-decimal truncating scale, labels, newlines, markup."""
    scale = Scale(
        code="cut-1",
        name="Таслах 100/50/0",
        rounding=Rounding.TRUNCATE,
        decimals=1,
        levels=(
            ScaleLevel(Decimal("100"), "Бүрэн", "Full"),
            ScaleLevel(Decimal("50"), "Хагас", "Half"),
            ScaleLevel(Decimal("0"), "Үгүй", "None"),
        ),
    )
    return ReportDocument(
        title="БАТ-ӨЛЗИЙ СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГААНЫ 2025 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХАГАС ЖИЛИЙН БИЕЛЭЛТ",
        organization="Бат-Өлзий сумын Засаг даргын Тамгын газар",
        year=2025,
        period=Period.HALF_YEAR,
        scale=scale,
        objectives=[
            ObjectiveEntry(
                "1",
                "Ил тод байдлыг нэмэгдүүлэх",
                [
                    MeasureEntry(
                        "1.1",
                        "Мэдээллийн самбар ажиллуулах",
                        spent=Decimal("12.5"),
                        indicator="Тоо",
                        target="Сар бүр",
                        achieved='Эхний мөр.\nХоёр дахь мөр <b>&amp;</b> "ишлэл".',
                        score=Decimal("100"),
                        rating="Бүрэн",
                    ),
                    MeasureEntry(
                        "1.2",
                        "Сургалт хийх",
                        indicator="Хүн",
                        target="20",
                        achieved="Хагас хийгдсэн.",
                        score=Decimal("50"),
                    ),
                    MeasureEntry(
                        "1.3",
                        "Судалгаа авах",
                        indicator="Судалгаа",
                        target="1",
                        achieved="",
                        not_due=True,
                    ),
                ],
            ),
            ObjectiveEntry(
                "2",
                "Хяналт",
                [
                    MeasureEntry(
                        "2.1",
                        "Мэдүүлэг авах",
                        spent=Decimal("1200.75"),
                        indicator="Мэдүүлэг",
                        target="100%",
                        achieved="Авсан.",
                        score=None,
                    ),
                ],
            ),
        ],
    )


@pytest.fixture(scope="module")
def seed() -> ReportDocument:
    return read_path(SEED)


@pytest.mark.parametrize("fmt", READ_BACK)
def test_the_khujirt_report_reads_back_as_written(seed, fmt):
    again = read_bytes(write(seed, fmt), source=f"seed.{fmt}")
    expected = written_form(seed) if fmt != "json" else seed
    got = again if fmt == "json" else written_form(again)
    if fmt == "json":
        got.source = seed.source
    assert got == expected


@pytest.mark.parametrize("fmt", READ_BACK)
def test_a_half_year_report_on_a_truncating_scale_reads_back_as_written(fmt):
    doc = truncating_half_year()
    again = read_bytes(write(doc, fmt), source=f"doc.{fmt}")
    expected = doc if fmt == "json" else written_form(doc)
    got = again if fmt == "json" else written_form(again)
    if fmt == "json":
        again.source = ""  # the reader names the file it read
    assert got == expected
    assert got.stated_total == (None if fmt == "json" else Decimal("75.0"))


@pytest.mark.parametrize("fmt", ["pdf", "csv"])
def test_the_seed_is_written_in_the_formats_that_are_not_read_back(seed, fmt):
    data = write(seed, fmt)
    assert data[:4] in (b"%PDF", b"\xef\xbb\xbfo")


def sectioned() -> ReportDocument:
    """Sections above objectives, one objective outside any, as national agencies write."""
    law = Section("1", "Хуулиар хүлээсэн үүргийн биелэлт")
    own = Section("2", "Байгууллагын онцлогт тохирсон арга хэмжээ")
    return ReportDocument(
        title="А ГАЗРЫН АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГААНЫ 2024 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ",
        organization="А ГАЗАР",
        year=2024,
        objectives=[
            ObjectiveEntry(
                "1",
                "Сургалт",
                [MeasureEntry("1.1", "Сургалт хийх", achieved="Хийсэн.", score=Decimal(100))],
                law,
            ),
            ObjectiveEntry(
                "2",
                "Мэдүүлэг",
                [MeasureEntry("2.1", "Мэдүүлэг авах", achieved="Хийсэн.", score=Decimal(70))],
                law,
            ),
            ObjectiveEntry(
                "3",
                "Ил тод байдал",
                [MeasureEntry("3.1", "Зарлах", achieved="Хийсэн.", score=Decimal(30))],
                own,
            ),
        ],
    )


@pytest.mark.parametrize("fmt", READ_BACK)
def test_sections_above_objectives_read_back_as_written(fmt):
    doc = sectioned()
    again = read_bytes(write(doc, fmt), source=f"doc.{fmt}")
    if fmt == "json":
        again.source = ""
    got = again if fmt == "json" else written_form(again)
    assert got == (doc if fmt == "json" else written_form(doc))
    assert [s.title for s in got.sections()] == [
        "Хуулиар хүлээсэн үүргийн биелэлт",
        "Байгууллагын онцлогт тохирсон арга хэмжээ",
    ]
