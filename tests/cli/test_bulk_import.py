"""`shudarga import DIR|ZIP`: every file in its own transaction, a closing table, safe archives."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from shudarga.cli import main
from shudarga.demo.load import SEED
from shudarga.orgs.models import Organization
from shudarga.orgs.services import organization_create
from shudarga.plans.models import MeasureResult, Report

pytestmark = pytest.mark.django_db

SEED_TEXT = SEED.read_text(encoding="utf-8")
OFFICE = "Хужирт сумын Засаг даргын Тамгын газар"


@pytest.fixture(autouse=True)
def mongolian(monkeypatch):
    monkeypatch.setenv("SHUDARGA_LANG", "mn")


def reports_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "khujirt.txt").write_text(SEED_TEXT, encoding="utf-8")
    sub = folder / "2024"
    sub.mkdir()
    (sub / "bat-ulzii.txt").write_text(
        SEED_TEXT.replace("ХУЖИРТ СУМЫН", "БАТ-ӨЛЗИЙ СУМЫН"), encoding="utf-8"
    )
    (sub / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a document")
    (folder / "empty.txt").write_bytes(b"")
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_a_folder_imports_each_good_file_and_lists_the_refused_ones(capsys, tmp_path):
    folder = reports_folder(tmp_path / "reports")
    status, out, _ = run(capsys, "import", str(folder), "--create-org")
    assert status == 1  # some files were refused
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["Файл", "Байгууллага"]
    row = {line.split()[0]: re.split(r"\s{2,}", line.strip()) for line in lines[1:] if line.strip()}
    assert row["khujirt.txt"][1:] == ["ХУЖИРТ СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР", "2024", "11", "86%"]
    assert row["2024/bat-ulzii.txt"][1:] == [
        "БАТ-ӨЛЗИЙ СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР",
        "2024",
        "11",
        "86%",
    ]
    row = {line.split()[0]: line for line in lines[1:] if line.strip()}
    assert "✗" in row["empty.txt"] and "файл хоосон байна" in row["empty.txt"]
    assert "✗" in row["2024/broken.docx"]
    assert ".hidden.txt" not in out
    assert "Нийт 4 файл: 2 хадгалсан, 2 татгалзсан" in out
    assert Report.objects.count() == 2
    assert MeasureResult.objects.count() == 22


def test_a_zip_archive_is_imported_like_a_folder(capsys, tmp_path):
    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a/khujirt.txt", SEED_TEXT)
        z.writestr("a/khujirt-again.txt", SEED_TEXT)  # the same report twice
        z.writestr("__MACOSX/._khujirt.txt", "junk")
    status, out, _ = run(capsys, "import", str(archive), "--create-org")
    assert status == 1
    assert "Нийт 2 файл: 1 хадгалсан, 1 татгалзсан" in out
    assert "аль хэдийн бүртгэгдсэн" in out
    assert Report.objects.count() == 1


def test_names_are_matched_ignoring_case_spaces_and_latin_lookalikes(capsys, tmp_path):
    organization_create(name=OFFICE, kind=Organization.Kind.ORGANIZATION)
    folder = tmp_path / "in"
    folder.mkdir()
    # Latin X, T, A in the organization's name, and doubled spaces.
    (folder / "latin.txt").write_text(
        SEED_TEXT.replace("ХУЖИРТ СУМЫН ЗАСАГ", "XУЖИРT  СУМЫН ЗAСАГ"), encoding="utf-8"
    )
    status, out, _ = run(capsys, "import", str(folder))
    assert status == 0, out
    assert Organization.objects.count() == 1
    assert Report.objects.get().plan.organization.name == OFFICE


def test_unmatched_organizations_are_listed_not_created_unless_asked(capsys, tmp_path):
    folder = reports_folder(tmp_path / "reports")
    status, out, _ = run(capsys, "import", str(folder))
    assert status == 2  # nothing could be imported
    assert out.count("нэртэй байгууллага олдсонгүй") == 2
    assert Organization.objects.count() == 0
    assert Report.objects.count() == 0


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(capsys, tmp_path, monkeypatch):
    from shudarga.documents import sources

    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1_000_000)
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("big.txt", b"0" * 5_000_000)  # about 5 KB packed
    status, out, err = run(capsys, "import", str(archive), "--create-org")
    assert (status, out) == (2, "")
    assert err.startswith(f"shudarga: {archive}: архив задлахад хэт том болно")
    assert Report.objects.count() == 0


def test_a_member_above_the_size_limit_is_refused_and_the_others_imported(
    capsys, tmp_path, monkeypatch
):
    from shudarga.documents import sources

    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 200_000)
    archive = tmp_path / "mixed.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as z:
        z.writestr("big.txt", b"x" * 300_000)
        z.writestr("khujirt.txt", SEED_TEXT)
    status, out, _ = run(capsys, "import", str(archive), "--create-org")
    assert status == 1
    assert "файл хэт том байна" in out
    assert Report.objects.count() == 1


def test_a_damaged_archive_is_refused_with_one_line(capsys, tmp_path):
    archive = tmp_path / "damaged.zip"
    good = tmp_path / "good.zip"
    with zipfile.ZipFile(good, "w") as z:
        z.writestr("khujirt.txt", SEED_TEXT)
    archive.write_bytes(good.read_bytes()[:-30])  # central directory cut off
    status, _, err = run(capsys, "import", str(archive), "--create-org")
    assert status == 2
    assert err.count("\n") == 1 and str(archive) in err
    assert Report.objects.count() == 0
