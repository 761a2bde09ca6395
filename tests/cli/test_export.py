"""`shudarga export ID --format F -o FILE`: the stored report in every format we write."""

from __future__ import annotations

import pytest

from shudarga.cli import main
from shudarga.demo.load import SEED
from shudarga.documents.readers import read_path
from shudarga.documents.writers import FORMATS
from shudarga.plans.reports.storing import report_import_document

pytestmark = pytest.mark.django_db

MAGIC = {
    "docx": b"PK\x03\x04",
    "xlsx": b"PK\x03\x04",
    "pdf": b"%PDF",
    "csv": b"\xef\xbb\xbf",
    "html": b"<!doctype html",
    "json": b"{",
}


@pytest.fixture
def seed_report(khujirt):
    return report_import_document(document=read_path(SEED), organization=khujirt)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_it_writes_each_format_to_the_named_file(capsys, tmp_path, seed_report, fmt):
    target = tmp_path / f"out.{fmt}"
    assert main(["export", str(seed_report.pk), "--format", fmt, "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"{target}\n"
    assert target.read_bytes()[: len(MAGIC[fmt])].lower() == MAGIC[fmt].lower()


def test_without_a_name_it_writes_a_file_named_after_the_report(
    capsys, tmp_path, seed_report, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(seed_report.pk), "--format", "json"]) == 0
    written = tmp_path / "khujirt-sumyn-zasag-dargyn-tamgyn-gazar-2024-annual.json"
    assert written.is_file()
    assert read_path(written).measure_count == 11


def test_it_refuses_an_unknown_report_and_writes_nothing(capsys, tmp_path, db, monkeypatch):
    monkeypatch.setenv("SHUDARGA_LANG", "en")
    monkeypatch.chdir(tmp_path)
    assert main(["export", "404", "--format", "docx"]) == 2
    assert capsys.readouterr().err == "shudarga: there is no report #404\n"
    assert list(tmp_path.iterdir()) == []


def test_it_says_which_file_it_cannot_write(capsys, tmp_path, seed_report, monkeypatch):
    monkeypatch.setenv("SHUDARGA_LANG", "en")
    target = tmp_path / "missing-folder" / "out.json"
    assert main(["export", str(seed_report.pk), "--format", "json", "-o", str(target)]) == 2
    assert capsys.readouterr().err.startswith(f"shudarga: {target}: cannot write the file")
