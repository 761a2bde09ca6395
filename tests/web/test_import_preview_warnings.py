"""The import preview shows every warning of the reading: its code, its message, the full text
of the row it is about and the row's position (issue 11)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from shudarga.documents.readers.text import read_text
from tests.personas import client_for

pytestmark = pytest.mark.django_db

TITLE = "Б СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГААНЫ 2024 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ"
HEADER = (
    "Д/д\tХэрэгжүүлэх арга хэмжээ\tШалгуур үзүүлэлт\tХүрэх түвшин\tХүрсэн түвшин буюу хэрэгжилт"
)
# Longer than the 80 characters a message quotes: the preview must show all of it.
LONG = "Энэ мөр аль ч арга хэмжээнд харьяалагдахгүй, " * 3 + "мөрийн төгсгөл."


def _file(*orphans: str) -> bytes:
    lines = [TITLE, HEADER, *(f"\t\t\t{o}" for o in orphans), "Зорилт 1. Сурталчилгаа"]
    lines += ["1.1\tЖурам батлах\tТоо\t1\tБатлав.", "1.2\tСамбар шинэчлэх\tТоо\t1\tШинэчилсэн."]
    return "\n".join(lines).encode("utf-8")


def test_a_row_warning_keeps_the_full_text_and_the_row_number():
    document = read_text(_file(LONG, "Хоёр дахь сул мөр"))
    assert [(w.code, w.params["row"], w.params["full_text"]) for w in document.warnings] == [
        ("row_orphan", "3", LONG),
        ("row_orphan", "4", "Хоёр дахь сул мөр"),
    ]


def test_the_preview_lists_every_warning_with_code_text_and_position(khujirt, officer):
    client = client_for(officer)
    upload = SimpleUploadedFile("plan.txt", _file(LONG, "Хоёр дахь сул мөр"), "text/plain")
    data = {"organization": khujirt.pk, "year": 2024, "source": "import", "file": upload}
    response = client.post(reverse("web:plan_create"), data)
    page = client.get(response["Location"]).content.decode()
    table = page[page.index('class="warnings-table"') :]
    assert table.count("<code>row_orphan</code>") == 2
    assert LONG in table  # the whole row, not the message's cut
    assert "Хоёр дахь сул мөр" in table
    assert "row 3" in table or "мөр 3" in table
    assert "row 4" in table or "мөр 4" in table
