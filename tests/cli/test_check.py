"""`shudarga check FILE|ID [--json]`: a file with no database, a stored report by its id."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import simplejson

from shudarga.cli import main
from shudarga.demo.load import SEED
from shudarga.plans.models import Report

OFFICE = "Хужирт сумын Засаг даргын Тамгын газар"
ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_check_of_a_file_runs_without_any_database(tmp_path):
    env = {**os.environ, "SHUDARGA_VAR_DIR": str(tmp_path), "SHUDARGA_LANG": "en"}
    env.pop("SHUDARGA_DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["PYTHONPATH"] = str(ROOT)
    code = "import sys; from shudarga.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, "check", str(SEED), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=tmp_path,
    )
    data = simplejson.loads(done.stdout, use_decimal=True)
    assert [m["verdict"] for m in data["measures"]][:4] == [
        "met",
        "cannot_tell",
        "no_quantity",
        "met",
    ]
    assert "django" not in done.stderr.lower()
    assert list(tmp_path.iterdir()) == []  # no SQLite file was created


def test_check_json_has_the_documented_shape(capsys, monkeypatch):
    monkeypatch.setenv("SHUDARGA_LANG", "en")
    status, out, err = run(capsys, "check", str(SEED), "--json")
    assert (status, err) == (0, "")
    data = simplejson.loads(out, use_decimal=True)
    assert set(data) == {"measures", "flags"}
    m = data["measures"][0]
    assert m["number"] == "1.1"
    assert m["target"]["quantity"] == 500 and m["target"]["unit"] == "иргэн"
    assert m["evidence"][0]["value"] == 1804
    assert m["flags"] == []
    codes = [f["code"] for m in data["measures"] for f in m["flags"]]
    assert codes.count("score_without_evidence") == 2
    assert codes.count("target_vague") == 5


def test_check_prints_verdicts_and_flags_in_mongolian(capsys, monkeypatch):
    monkeypatch.setenv("SHUDARGA_LANG", "mn")
    status, out, _ = run(capsys, "check", str(SEED))
    assert status == 0
    assert "1.1  Хүрсэн  [500 иргэнээс доошгүй]" in out
    assert "! 1.2: өөрийн үнэлгээ 100 боловч" in out
    assert out.rstrip().endswith("score_without_evidence: 2, target_vague: 5")


def test_check_refuses_a_missing_file_in_one_line(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("SHUDARGA_LANG", "en")
    missing = tmp_path / "none.txt"
    status, out, err = run(capsys, "check", str(missing))
    assert (status, out) == (2, "")
    assert err == f"shudarga: {missing}: file not found\n"


@pytest.mark.django_db
def test_check_of_a_stored_report_gives_the_checks_of_its_file(capsys, monkeypatch):
    monkeypatch.setenv("SHUDARGA_LANG", "en")
    assert run(capsys, "import", str(SEED), "--org", OFFICE, "--create-org")[0] == 0
    report = Report.objects.get()
    status, out, _ = run(capsys, "check", str(report.pk), "--json")
    assert status == 0
    from_db = simplejson.loads(out, use_decimal=True)
    _, file_out, _ = run(capsys, "check", str(SEED), "--json")
    assert from_db == simplejson.loads(file_out, use_decimal=True)


@pytest.mark.django_db
def test_check_refuses_an_unknown_report(capsys, monkeypatch):
    monkeypatch.setenv("SHUDARGA_LANG", "mn")
    status, out, err = run(capsys, "check", "999")
    assert (status, out, err) == (2, "", "shudarga: #999 дугаартай тайлан алга\n")
