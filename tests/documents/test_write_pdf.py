"""The PDF, checked by an independent reader (poppler's pdftotext, pdfinfo, pdffonts)."""

from __future__ import annotations

import logging
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from shudarga.documents.writers import write
from shudarga.documents.writers.pdf import write_pdf
from tests.conftest import require_tool
from tests.documents.test_write_html import HOSTILE, hostile_document, seed_document

# Environmental: WeasyPrint falls back to fontTools where libharfbuzz-subset is not installed.
pytestmark = pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")


@pytest.fixture(autouse=True, scope="module")
def quiet_weasyprint() -> Iterator[None]:
    """WeasyPrint and fontTools log every step and subset; the tests want only failures."""
    loggers = [logging.getLogger(name) for name in ("weasyprint", "fontTools")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    path.write_bytes(write_pdf(seed_document()))
    return path


def pdftotext(path: Path, *pages: int) -> str:
    tool = require_tool("pdftotext")
    first_last = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    result = subprocess.run(
        [tool, "-layout", "-enc", "UTF-8", *first_last, str(path), "-"],
        capture_output=True, check=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    return result.stdout


def pdfinfo(path: Path) -> dict[str, str]:
    tool = require_tool("pdfinfo")
    out = subprocess.run(
        [tool, "-enc", "UTF-8", str(path)],
        capture_output=True, check=True, text=True, encoding="utf-8", timeout=60,
    ).stdout  # fmt: skip
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def test_it_writes_a_pdf_of_several_a4_landscape_pages(seed_pdf):
    assert seed_pdf.read_bytes().startswith(b"%PDF-")
    info = pdfinfo(seed_pdf)
    assert int(info["Pages"]) > 1
    width, _, height = info["Page size"].split()[:3]
    assert (round(float(width)), round(float(height))) == (842, 595)  # A4 landscape, points
    assert info["Title"] == seed_document().title


def test_an_independent_reader_finds_the_mongolian_text(seed_pdf):
    text = pdftotext(seed_pdf)
    for word in ("ХУЖИРТ", "ТӨЛӨВЛӨГӨӨНИЙ", "БИЕЛЭЛТ"):  # the title, upper case
        assert word in text
    assert "мэдээллийн самбар" in text
    assert "Үр дүнгийн үзүүлэлт" in text and "Хүрэх түвшин" in text
    assert "Үр дүнтэй-100%" in text and "Төрийн албанда" in text  # Ү, ө
    assert "НЭГДСЭН ДҮН: 86%" in text


def test_it_numbers_the_pages(seed_pdf):
    pages = int(pdfinfo(seed_pdf)["Pages"])
    text = pdftotext(seed_pdf)
    for n in range(1, pages + 1):
        assert f"Хуудас {n} / {pages}" in text


def test_it_repeats_the_table_header_on_the_next_page(seed_pdf):
    page_two = pdftotext(seed_pdf, 2)
    for words in ("Д/д", "Хэрэгжүүлэх арга хэмжээ", "Үр дүнгийн үзүүлэлт", "Шалгуур үзүүлэлт"):
        assert words in page_two
    assert re.search(r"Хуудас 2 / \d+", page_two)


def test_it_puts_the_chart_on_the_last_page(seed_pdf):
    last = int(pdfinfo(seed_pdf)["Pages"])
    text = pdftotext(seed_pdf, last)
    assert "Зорилт тус бүрийн хэрэгжилт" in text
    assert "100% (1 үнэлгээгүй)" in text and "75%" in text


def test_it_embeds_every_font(seed_pdf):
    tool = require_tool("pdffonts")
    out = subprocess.run([tool, str(seed_pdf)], capture_output=True, check=True, text=True)
    fonts = out.stdout.splitlines()[2:]
    assert fonts
    assert all(line.split()[-5] == "yes" for line in fonts)  # the "emb" column


def test_it_prints_markup_in_texts_as_text(tmp_path):
    path = tmp_path / "hostile.pdf"
    path.write_bytes(write_pdf(hostile_document()))
    text = pdftotext(path)
    assert HOSTILE in text
    assert "ХБ" in text and "1200,5" in text


def test_the_registry_serves_it():
    assert write(seed_document(), "pdf").startswith(b"%PDF-")


def test_it_fetches_nothing(caplog):
    from weasyprint import HTML

    from shudarga.documents.writers.pdf import _no_fetching

    markup = '<img src="file:///etc/hostname"><img src="http://127.0.0.1:9/x.png"><p>x</p>'
    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        HTML(string=markup, url_fetcher=_no_fetching()).write_pdf()
    refused = [r for r in caplog.records if "Failed to load image" in r.getMessage()]
    assert len(refused) == 2


def test_it_subsets_fonts_with_harfbuzz():
    """Without libharfbuzz-subset WeasyPrint subsets the fonts with fontTools, about 150 ms
    more a PDF (half the time of the seed's): CI and production install it."""
    import os

    from weasyprint.text.ffi import ffi, harfbuzz_subset

    if harfbuzz_subset is None:
        if os.environ.get("CI") == "true":
            pytest.fail("libharfbuzz-subset0 is required in CI (.ci/run installs it)")
        pytest.skip("libharfbuzz-subset0 is not installed")
    subset_input = harfbuzz_subset.hb_subset_input_create_or_fail()
    assert subset_input != ffi.NULL
    harfbuzz_subset.hb_subset_input_destroy(subset_input)


def test_collections_are_rarer_while_any_pdf_renders_and_as_before_after():
    import gc

    from shudarga.documents.writers.pdf import RENDER_GC_THRESHOLD, _Collections

    before = gc.get_threshold()
    collections = _Collections()
    with collections.rarer():
        with collections.rarer():  # another thread's PDF
            assert gc.get_threshold() == RENDER_GC_THRESHOLD
        assert gc.get_threshold() == RENDER_GC_THRESHOLD  # the first one still renders
    assert gc.get_threshold() == before
    with pytest.raises(ValueError), collections.rarer():
        raise ValueError("a failed render")
    assert gc.get_threshold() == before
    write_pdf(seed_document())
    assert gc.get_threshold() == before
