"""Fuzz (hypothesis) of every reader: random bytes, damaged packages, hostile text inside real
files of each format. A reader answers a ReportDocument within the limits or one ReadError with
a message in both languages; never another exception, never a hang (bounded examples, a
generous deadline per example)."""

from __future__ import annotations

import html
import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shudarga.documents import jsonform, limits, writers
from shudarga.documents.bounds import check_document
from shudarga.documents.errors import ReadError
from shudarga.documents.readers import read_bytes
from shudarga.documents.scoring import score_document
from tests.bounds.hostile import HOSTILE_TEXT, json_numbers, texts
from tests.conftest import build_document

SEED = Path("shudarga/demo/khujirt-2024-anticorruption-report.txt").read_bytes()
# The anchor text every written file holds once (a measure of build_document).
ANCHOR = "Авлигаас урьдчилан сэргийлэх арга хэмжээ №1"

FUZZ = settings(
    max_examples=60,
    deadline=timedelta(seconds=10),  # a hang fails; a slow CI machine does not
    database=None,  # no .hypothesis folder in the checkout
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _bases() -> dict[str, bytes]:
    document = build_document()
    files = {fmt: writers.write(document, fmt) for fmt in ("docx", "xlsx", "html", "json", "csv")}
    files["text"] = SEED
    # A single-file web page (.mht), as Word saves one: the HTML inside a MIME envelope.
    files["mht"] = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + files["html"]
        + b"\r\n--b--\r\n"
    )
    return files


BASES = _bases()
WRITTEN = ("docx", "xlsx", "html", "csv", "json")


def read_or_refuse(data: bytes) -> None:
    try:
        document = read_bytes(data, source="fuzz")
    except ReadError as refused:
        assert refused.text("mn") and refused.text("en")
        return
    check_document(document)  # what a reader returns is within every bound
    score_document(document)
    # And it can be written: one format per example, in turn (PDF has its own bound's tests).
    assert writers.write(document, WRITTEN[len(data) % len(WRITTEN)])


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data):
    read_or_refuse(data)


@FUZZ
@given(
    st.sampled_from(sorted(BASES)),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=12),
    st.integers(min_value=0),
)
def test_damaged_files_of_every_format(fmt, flips, cut):
    data = bytearray(BASES[fmt])
    for position, value in flips:
        data[position % len(data)] = value
    if cut % 3 == 0:  # a third of them also cut short
        data = data[: cut % len(data)]
    read_or_refuse(bytes(data))


def _repack(data: bytes, text: str) -> bytes:
    """The package again with the anchor text replaced in every XML part, as Word would write
    it (escaped) and as a hostile tool would (raw)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename.endswith(".xml"):
                part = part.replace(ANCHOR.encode(), text.encode("utf-8", "surrogatepass"))
            target.writestr(info.filename, part)
    return out.getvalue()


@FUZZ
@given(
    st.sampled_from(("docx", "xlsx")),
    texts(limits.MEASURE_TEXT_MAX),
    st.booleans(),
)
def test_hostile_text_inside_office_files(fmt, text, escaped):
    read_or_refuse(_repack(BASES[fmt], html.escape(text) if escaped else text))


@FUZZ
@given(
    st.sampled_from(("html", "mht", "csv", "text")),
    texts(limits.ACHIEVED_MAX, surrogates=True),
    st.sampled_from(("utf-8", "utf-16", "cp1251")),
)
def test_hostile_text_inside_web_pages_and_text_tables(fmt, text, encoding):
    base = BASES[fmt].decode("utf-8-sig")
    page = base.replace(ANCHOR, text) if ANCHOR in base else base + "\n" + text
    read_or_refuse(page.encode(encoding, "replace"))


@FUZZ
@given(
    st.sampled_from(("text", "indicator", "achieved", "deadline", "number", "rating")),
    st.one_of(texts(limits.ACHIEVED_MAX, surrogates=True), json_numbers()),
    st.sampled_from(("planned_budget", "spent", "score")),
    json_numbers(),
)
def test_hostile_values_in_the_json_form(text_field, text, number_field, number):
    data = json.loads(BASES["json"])
    measure = data["objectives"][0]["measures"][0]
    measure[text_field] = text
    measure[number_field] = number
    read_or_refuse(json.dumps(data).encode())


@FUZZ
@given(
    st.recursive(
        st.none() | st.booleans() | st.floats() | st.text(max_size=5),
        lambda c: (
            st.lists(c, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    ("format", "objectives", "measures", "scale", "levels", "year", "title", "x")
                ),
                c,
                max_size=4,
            )
        ),
        max_leaves=30,
    )
)
def test_any_json_shape(value):
    read_or_refuse(json.dumps({"format": jsonform.FORMAT_ID, "objectives": value}).encode())


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_each_hostile_text_in_a_measure_of_a_text_table(text):
    read_or_refuse(SEED.decode().replace("Авлигатай тэмцэх газраас", text, 1).encode())
