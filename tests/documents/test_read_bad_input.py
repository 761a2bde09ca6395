"""Files that are not readable reports: each is a clear ReadError or a safe result, never a
crash (any other exception out of read_bytes is a bug) and never a partial document.
"""

from __future__ import annotations

import io
import random
import struct
import time
import zipfile

import pytest

from shudarga.documents import readers
from shudarga.documents.embedded import metadata_text
from shudarga.documents.errors import ReadError
from shudarga.documents.model import ReportDocument
from shudarga.documents.readers import read_bytes, read_path
from shudarga.documents.readers.docx import read_docx
from shudarga.documents.readers.xlsx import read_xlsx
from tests.documents.reader_fixtures import (
    mht_archive,
    official_docx,
    official_html,
    official_xlsx,
    save_xlsx,
    stable_zip,
)

DOCX = stable_zip(official_docx())
XLSX = stable_zip(save_xlsx(official_xlsx()))


def refused(data: bytes) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, source="bad")
    error = caught.value
    assert error.text("mn") and error.text("en")  # every code has both messages
    return error


def rezip(
    data: bytes,
    replace: dict[str, bytes] | None = None,
    add: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """``data`` (a ZIP) with members replaced or added."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", compression) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, (replace or {}).get(info.filename, source.read(info)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


# -- damaged packages ------------------------------------------------------------------------


def test_it_refuses_random_bytes_after_a_zip_header():
    error = refused(b"PK\x03\x04" + random.Random(1).randbytes(5000))
    assert (error.code, error.params) == ("format_unknown", {"kind": "zip"})


@pytest.mark.parametrize(("data", "kind"), [(DOCX, "docx"), (XLSX, "xlsx")])
def test_it_refuses_a_file_cut_in_half_as_damaged(data, kind):
    error = refused(data[: len(data) // 2])
    assert (error.code, error.params) == ("file_corrupt", {"kind": kind})


def test_it_refuses_a_word_file_whose_xml_is_broken():
    error = refused(rezip(DOCX, replace={"word/document.xml": b"<w:document><w:body><w:p>"}))
    assert (error.code, error.params) == ("file_corrupt", {"kind": "docx"})


def test_it_refuses_an_excel_file_whose_xml_is_broken():
    error = refused(rezip(XLSX, replace={"xl/workbook.xml": b"<workbook><sheets><sheet"}))
    assert (error.code, error.params) == ("file_corrupt", {"kind": "xlsx"})


def test_it_refuses_a_package_member_whose_bytes_were_damaged():
    data = bytearray(rezip(DOCX))
    start = data.index(b"word/document.xml") + len("word/document.xml")  # its local header
    for offset in range(start + 40, start + 60):
        data[offset] ^= 0xFF
    assert refused(bytes(data)).code == "file_corrupt"


def test_it_refuses_a_zip_that_is_neither_word_nor_excel():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("report.txt", "Зорилт 1.")
    error = refused(out.getvalue())
    assert (error.code, error.params) == ("format_unknown", {"kind": "zip"})


def test_it_reads_odd_attribute_values_in_word_xml_without_failing():
    xml = zipfile.ZipFile(io.BytesIO(DOCX)).read("word/document.xml")
    odd = xml.replace(b'<w:gridSpan w:val="4"/>', b'<w:gridSpan w:val="many"/>', 1)
    odd = odd.replace(b'<w:vMerge w:val="restart"/>', b'<w:vMerge w:val="sometimes"/>', 1)
    assert odd != xml
    doc = read_bytes(rezip(DOCX, replace={"word/document.xml": odd}))
    assert doc.measure_count == 3


# -- locked, old and foreign files -----------------------------------------------------------


def _ole(*stream_names: str) -> bytes:
    """The start of an OLE compound file: its magic, then directory entries naming streams.

    Office cannot run here to save a password-protected file, so this is what matters of one:
    Word and Excel keep an encrypted DOCX/XLSX in an OLE file whose directory holds a stream
    named "EncryptedPackage" (names are UTF-16-LE, 64 bytes per entry).
    """
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entries = b"".join(name.encode("utf-16-le").ljust(128, b"\x00") for name in stream_names)
    return header + entries


@pytest.mark.parametrize(
    "streams", [("EncryptedInfo", "EncryptedPackage"), ("\x06DataSpaces", "EncryptedPackage")]
)
def test_it_refuses_a_password_protected_office_file(streams):
    error = refused(_ole("Root Entry", *streams))
    assert error.code == "file_encrypted"
    assert "нууц үг" in error.text("mn") and "password" in error.text("en")


def test_it_asks_for_an_ole_file_that_is_neither_doc_nor_xls_to_be_saved_again():
    # Old .doc and .xls are converted by LibreOffice (test_read_pdf_and_legacy.py).
    error = refused(_ole("Root Entry", "Contents"))
    assert (error.code, error.params) == ("format_legacy", {"kind": ".doc/.xls"})
    assert ".docx" in error.text("mn") and ".xlsx" in error.text("en")


# -- bombs and sizes -------------------------------------------------------------------------


@pytest.mark.parametrize(("data", "reader"), [(DOCX, read_docx), (XLSX, read_xlsx)])
def test_it_refuses_a_member_that_unpacks_to_far_more_than_it_weighs(data, reader):
    bomb = rezip(data, add={"docProps/zeros.bin": bytes(8 * 1024 * 1024)})
    assert len(bomb) < 100 * 1024
    for read in (read_bytes, reader):
        with pytest.raises(ReadError) as caught:
            read(bomb)
        assert caught.value.code == "file_bomb"


def _declare_size(data: bytes, name: bytes, size: int) -> bytes:
    """``data`` with the central directory declaring ``size`` unpacked bytes for ``name``."""
    out = bytearray(data)
    at = 0
    while True:
        at = out.index(b"PK\x01\x02", at)
        name_length = struct.unpack_from("<H", out, at + 28)[0]
        if out[at + 46 : at + 46 + name_length] == name:
            struct.pack_into("<I", out, at + 24, size)
            return bytes(out)
        at += 4


def test_it_refuses_a_package_whose_directory_declares_hundreds_of_megabytes():
    # Nothing is unpacked to find out: the declared size is refused before any parser runs.
    error = refused(_declare_size(DOCX, b"word/document.xml", 300 * 1024 * 1024))
    assert error.code == "file_bomb"
    assert error.params["unpacked"] > 300 * 1024 * 1024


def test_it_refuses_a_member_that_holds_more_than_its_directory_declares():
    error = refused(_declare_size(DOCX, b"word/document.xml", 100))
    assert error.code == "file_corrupt"


def test_it_refuses_bytes_above_the_size_limit(monkeypatch, tmp_path):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    data = official_html().encode()
    assert refused(data).code == "file_too_large"
    path = tmp_path / "big.html"
    path.write_bytes(data)
    with pytest.raises(ReadError) as caught:
        read_path(path)
    assert caught.value.code == "file_too_large"
    assert caught.value.params == {"size": len(data), "limit": 1000}


# -- text and markup -------------------------------------------------------------------------


def test_it_refuses_windows_1251_text():
    data = "Д/д\tХэрэгжүүлэх арга хэмжээ\nЗорилт 1. Нэг\n1.1\tАжил".encode(
        "cp1251", errors="replace"
    )
    assert refused(data).code == "file_encoding"


def test_it_never_runs_or_keeps_script_text_even_when_it_writes_a_table():
    script = (
        "<script>document.write('<table><tr><td>9.9</td><td>ХОРТОЙ</td></tr></table>')</script>"
    )
    data = official_html(head=script).replace("</h2>", "</h2>" + script).encode()
    doc = read_bytes(data)
    assert "ХОРТОЙ" not in repr(doc)
    assert [m.number for _, m in doc.measures()] == ["1.1", "1.2", "2.1"]


def test_it_reads_a_page_nested_a_thousand_elements_deep():
    deep = "<div>" * 1500 + "текст" + "</div>" * 1500
    doc = read_bytes(official_html().replace("<h2>", deep + "<h2>").encode())
    assert doc.measure_count == 3


def test_it_refuses_a_page_nested_deeper_than_the_parser_goes():
    deep = "<div>" * 5000 + "текст" + "</div>" * 5000
    assert refused(official_html().replace("<h2>", deep + "<h2>").encode()).code == "no_table"


def test_it_refuses_json_nested_too_deeply():
    assert refused(b"{" + b'"a":[' * 100_000).code == "json_invalid"


@pytest.mark.parametrize(
    "metadata",
    [
        '{"format":"shudarga.report/1","year":"abc"}',
        '{"format":"shudarga.report/1","year":1e400}',
        '{"format":"shudarga.report/1","scale":{"code":1,"levels":[]}}',
        '{"format":"shudarga.report/1","scale":{"levels":[{"score":"x"}]}}',
        '{"format":"shudarga.report/1","x":' + "[" * 100_000,
    ],
)
def test_it_reads_the_table_when_the_embedded_metadata_is_forged(metadata):
    workbook = official_xlsx()
    workbook.properties.description = metadata
    doc = read_bytes(save_xlsx(workbook))
    assert doc.measure_count == 3 and doc.year == 2024 and doc.scale.code == "mn-gov"


def test_it_reads_well_formed_metadata_next_to_forged_cases():
    workbook = official_xlsx()
    workbook.properties.description = metadata_text(ReportDocument(year=2023))
    assert read_bytes(save_xlsx(workbook)).year == 2024  # the title's year wins


# -- anything at all -------------------------------------------------------------------------


def _mutations(data: bytes, rng: random.Random, count: int):
    for _ in range(count):
        kind = rng.randrange(4)
        cut = rng.randrange(1, len(data))
        if kind == 0:
            yield data[:cut]
        elif kind == 1:
            damaged = bytearray(data)
            for _ in range(rng.randrange(1, 20)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            yield bytes(damaged)
        elif kind == 2:
            yield data[:cut] + rng.randbytes(rng.randrange(1, 200)) + data[cut:]
        else:
            yield data[:cut] + data[cut + rng.randrange(1, 500) :]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("docx", DOCX),
        ("xlsx", XLSX),
        ("html", official_html().encode()),
        ("mht", mht_archive(official_html())),
        (
            "html-1251",
            official_html(charset="windows-1251").encode("cp1251", errors="xmlcharrefreplace"),
        ),
        (
            "text",
            "Д/д\tХэрэгжүүлэх арга хэмжээ\tБиелэлт\nЗорилт 1. Нэг\n1.1\tАжил\tХийсэн. Үр дүнтэй-100%".encode(),
        ),
    ],
)
def test_it_only_ever_refuses_or_reads_a_damaged_file(name, data):
    rng = random.Random(name)
    for damaged in _mutations(data, rng, 120):
        try:
            doc = read_bytes(damaged)
        except ReadError as error:
            assert error.text("en")
            continue
        assert isinstance(doc, ReportDocument) and doc.measure_count >= 1


def test_it_reads_a_report_inside_hundreds_of_nested_tables_in_linear_time():
    # Each level used to be read again for every table around it: minutes for this page.
    report = official_html().split("<body>")[1].split("</body>")[0]
    page = (
        "<html><body>"
        + "<table><tr><td>x " * 300
        + "Текст " * 20_000
        + report
        + "</td></tr></table>" * 300
        + "</body></html>"
    )
    started = time.perf_counter()
    assert read_bytes(page.encode()).measure_count == 3
    assert time.perf_counter() - started < 10
