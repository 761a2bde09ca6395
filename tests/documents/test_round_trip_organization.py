"""An exported report reads back with the organization's own name (issue 11): the demo's
titles put a colon after the name ("…Тамгын газар: авлигын эсрэг…"), which once came back as
part of it, so that ``--create-org`` made a second organization.
"""

from __future__ import annotations

import pytest

from shudarga.documents import writers
from shudarga.documents.readers import read_bytes
from shudarga.documents.readers.title import title_facts
from tests.documents.test_reader_bounds import _document

NAME = "Б сумын Засаг даргын Тамгын газар"
# The shape of shudarga.demo.enact._title.
DEMO_TITLE = f"{NAME}: авлигын эсрэг үйл ажиллагааны 2024 оны төлөвлөгөөний жилийн эцсийн биелэлт"
# Every format a writer produces and a reader reads (PDF and CSV are written, not read).
READABLE = ("docx", "xlsx", "html", "json")


@pytest.mark.parametrize("fmt", READABLE)
@pytest.mark.parametrize("title", [DEMO_TITLE, ""], ids=["demo-title", "official-title"])
def test_export_then_read_gives_the_same_organization_name(fmt, title):
    document = _document(4, objectives=2)
    document.title = title
    read = read_bytes(writers.write(document, fmt))
    assert read.organization == NAME
    assert read.measure_count == 4


@pytest.mark.parametrize("separator", [":", " :", " -", ",", "："])
def test_the_title_alone_gives_the_name_without_the_punctuation_after_it(separator):
    # Without embedded metadata (a file saved again by Word) the title is all there is.
    facts = title_facts(f"{NAME}{separator} авлигын эсрэг үйл ажиллагааны 2024 оны биелэлт")
    assert facts.organization == NAME
    assert facts.year == 2024
