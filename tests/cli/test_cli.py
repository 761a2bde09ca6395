"""The `shudarga` command: every command, every refusal, and that refusals write nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import simplejson

from shudarga.cli import main
from shudarga.demo.load import SEED
from shudarga.orgs.models import Membership, Organization
from shudarga.orgs.services import organization_create
from shudarga.plans.models import Measure, MeasureResult, Objective, Plan, Report

pytestmark = pytest.mark.django_db

OFFICE = "Хужирт сумын Засаг даргын Тамгын газар"


def table_counts() -> tuple[int, ...]:
    return tuple(
        m.objects.count() for m in (Organization, Plan, Objective, Measure, Report, MeasureResult)
    )


@pytest.fixture(autouse=True)
def mongolian(monkeypatch):
    monkeypatch.setenv("SHUDARGA_LANG", "mn")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- parse and score: files only -----------------------------------------------------------


def test_parse_and_score_run_as_a_console_script_without_any_database(tmp_path):
    env = {**os.environ, "SHUDARGA_VAR_DIR": str(tmp_path), "SHUDARGA_LANG": "en"}
    env.pop("SHUDARGA_DATABASE_URL", None)
    script = Path(sys.executable).with_name("shudarga")
    parsed = subprocess.run(
        [script, "parse", SEED], capture_output=True, text=True, env=env, check=True
    )
    data = simplejson.loads(parsed.stdout)
    assert data["format"] == "shudarga.report/2"
    assert sum(len(o["measures"]) for o in data["objectives"]) == 11
    scored = subprocess.run(
        [script, "score", SEED], capture_output=True, text=True, env=env, check=True
    )
    assert "CONSOLIDATED RESULT: 86% (exact 85.714286)" in scored.stdout
    assert list(tmp_path.iterdir()) == []  # no SQLite file was created


def test_score_json_gives_totals_objectives_and_the_reconciliation(capsys):
    status, out, _ = run(capsys, "score", str(SEED), "--json")
    assert status == 0
    data = simplejson.loads(out, use_decimal=True)
    assert data["total"]["display"] == "86"
    assert str(data["total"]["exact"]) == "85.714286"
    objective_3 = data["objectives"][2]
    assert (objective_3["number"], objective_3["unscored"], objective_3["exact"]) == (
        "3",
        ["3.1"],
        None,
    )
    assert set(objective_3) >= {"number", "exact", "display", "unscored", "not_due", "counts"}
    assert data["objectives"][3]["counts"]["0"] == 1
    rec = data["reconciliation"]
    assert rec["unique"] is True
    assert rec["assignment"] == {"3.1": 100, "4.1": 100, "5.1": 100, "6.1": 100}


def test_score_prints_a_table_in_mongolian_and_in_english(capsys):
    _, out, _ = run(capsys, "score", str(SEED))
    assert "НЭГДСЭН ДҮН: 86%" in out
    assert "Тайланд бичсэн дүн: 91% — тохирохгүй байна" in out
    assert "3.1 = 100, 4.1 = 100, 5.1 = 100, 6.1 = 100 (цорын ганц хувилбар)" in out
    _, out, _ = run(capsys, "--lang", "en", "score", str(SEED))
    assert "Stated total: 91% — does not agree" in out


def test_score_reads_the_json_form_too(capsys, tmp_path):
    _, parsed, _ = run(capsys, "parse", str(SEED))
    json_file = tmp_path / "seed.json"
    json_file.write_text(parsed, encoding="utf-8")
    _, from_json, _ = run(capsys, "score", str(json_file), "--json")
    _, from_text, _ = run(capsys, "score", str(SEED), "--json")
    assert from_json == from_text


# -- refusals --------------------------------------------------------------------------------


def bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    files = {
        "empty": (b"", "файл хоосон байна"),
        "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "текст файл биш"),
        "latin1": ("Зорилт 1.\n1.1\tАжил".encode("cp1251"), "UTF-8 кодчилолтой биш"),
        "notable": ("Сайн байна уу?\nЭнэ бол захидал.".encode(), "хүснэгт олдсонгүй"),
    }
    out = {}
    for name, (data, text) in files.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        out[name] = (path, text)
    out["missing"] = (tmp_path / "no-such-file.txt", "файл олдсонгүй")
    return out


@pytest.mark.parametrize("case", ["empty", "binary", "latin1", "notable", "missing"])
@pytest.mark.parametrize("command", ["parse", "score", "import"])
def test_a_bad_file_gets_one_line_naming_it_exit_2_and_nothing_written(
    capsys, tmp_path, case, command
):
    path, text = bad_files(tmp_path)[case]
    before = table_counts()
    status, out, err = run(
        capsys,
        command,
        str(path),
        *(["--org", OFFICE, "--create-org"] if command == "import" else []),
    )
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"shudarga: {path}: ")
    assert text in err
    assert table_counts() == before


def test_import_saves_everything_in_one_go_and_prints_a_summary(capsys):
    status, out, err = run(capsys, "import", str(SEED), "--org", OFFICE, "--create-org")
    assert (status, err) == (0, "")
    assert "6 зорилт, 11 арга хэмжээ, нэгдсэн дүн 86%" in out
    report = Report.objects.get()
    assert report.source_file == SEED.name
    assert report.results.count() == 11
    assert report.plan.organization.name == OFFICE
    assert table_counts()[1:] == (1, 6, 11, 1, 11)


def test_import_finds_the_organization_named_in_the_title(capsys):
    organization_create(name=OFFICE, kind=Organization.Kind.ORGANIZATION)
    status, _, _ = run(capsys, "import", str(SEED))
    assert status == 0
    assert Report.objects.get().plan.organization.name == OFFICE


def test_import_refuses_an_unknown_organization_unless_asked_to_create_it(capsys):
    before = table_counts()
    status, _, err = run(capsys, "import", str(SEED), "--org", "Байхгүй газар")
    assert status == 2
    assert (
        err
        == f"shudarga: {SEED}: «Байхгүй газар» нэртэй байгууллага олдсонгүй (шинээр үүсгэх бол --create-org нэмнэ үү)\n"
    )
    assert table_counts() == before


def test_import_refuses_a_duplicate_report_and_writes_nothing(capsys):
    assert run(capsys, "import", str(SEED), "--org", OFFICE, "--create-org")[0] == 0
    before = table_counts()
    status, out, err = run(capsys, "import", str(SEED), "--org", OFFICE)
    assert (status, out) == (2, "")
    assert (
        err == f"shudarga: {SEED}: {OFFICE}: 2024 оны жилийн эцсийн тайлан аль хэдийн бүртгэгдсэн\n"
    )
    assert table_counts() == before


def test_import_refuses_a_report_without_a_year(capsys, tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("2024 ОНЫ", "ОНЫ")
    no_year = tmp_path / "no-year.txt"
    no_year.write_text(text, encoding="utf-8")
    before = table_counts()
    status, _, err = run(
        capsys, "--lang", "en", "import", str(no_year), "--org", OFFICE, "--create-org"
    )
    assert status == 2
    assert err == f"shudarga: {no_year}: the report's year is unknown (the title has no year)\n"
    assert table_counts() == before


# -- show and demo ---------------------------------------------------------------------------


def test_show_lists_reports_and_shows_one_with_its_results(capsys):
    run(capsys, "import", str(SEED), "--org", OFFICE, "--create-org")
    report = Report.objects.get()
    status, out, _ = run(capsys, "show")
    assert status == 0
    assert f"{report.pk}  {OFFICE}  2024  жилийн эцэс  11" in out
    assert out.rstrip().endswith("86%")
    status, out, _ = run(capsys, "show", str(report.pk))
    assert status == 0
    assert "НЭГДСЭН ДҮН: 86% (нарийвчилсан 85.714286)" in out
    assert "Тайланд бичсэн дүн: 91%" in out


def test_show_refuses_an_unknown_report(capsys):
    status, out, err = run(capsys, "show", "999")
    assert (status, out, err) == (2, "", "shudarga: #999 дугаартай тайлан алга\n")


def test_demo_loads_once_and_a_second_run_duplicates_nothing(capsys):
    assert run(capsys, "demo")[0] == 0
    first = table_counts()
    # The Khujirt office: its one report, imported from the seed, 6 objectives, 11 measures.
    office = Organization.objects.get(name=OFFICE)
    assert [o.name for o in Organization.objects.get_ancestors(office)] == [
        "Монгол Улс",
        "Өвөрхангай аймаг",
        "Хужирт сум",
    ]
    report = Report.objects.get(plan__organization=office)
    assert (
        report.plan.objectives.count(),
        Measure.objects.filter(objective__plan=report.plan).count(),
        report.results.count(),
    ) == (6, 11, 11)
    assert report.plan.status == Plan.Status.APPROVED
    assert report.plan.approved_by.username == "khujirt.head"
    roles = {
        m.user.username: m.role
        for m in Membership.objects.filter(organization=office).select_related("user")
    }
    assert roles == {"khujirt.officer": "officer", "khujirt.head": "head"}
    # The generated part: every other organization's plans copy the seed's shape.
    assert first[1] > 1 and first[2] == 6 * first[1] and first[3] == 11 * first[1]
    memberships = Membership.objects.count()
    status, out, _ = run(capsys, "demo")
    assert status == 0 and "already" in out
    assert table_counts() == first
    assert Membership.objects.count() == memberships
