"""Bulk import tells soums of one name apart by the aimag above them (issue 11): from the title
("АРХАНГАЙ АЙМГИЙН …") or from the folder the file came in; ambiguous names are refused with
the candidates listed, never guessed."""

from __future__ import annotations

import pytest

from shudarga.cli import main
from shudarga.demo.load import SEED
from shudarga.orgs.models import Organization
from shudarga.orgs.services import organization_create
from shudarga.plans.models import Report
from shudarga.plans.reports.importing import ImportRefused, organization_for_import
from shudarga.plans.reports.places import folder_places, split_place

pytestmark = pytest.mark.django_db

SEED_TEXT = SEED.read_text(encoding="utf-8")
OFFICE = "Хужирт сумын Засаг даргын Тамгын газар"
Kind = Organization.Kind


@pytest.fixture(autouse=True)
def mongolian(monkeypatch):
    monkeypatch.setenv("SHUDARGA_LANG", "mn")


@pytest.fixture
def two_khujirts() -> dict[str, Organization]:
    """The same soum office under two aimags."""
    offices = {}
    for aimag_name in ("Архангай аймаг", "Өвөрхангай аймаг"):
        aimag = organization_create(name=aimag_name, kind=Kind.AIMAG)
        soum = organization_create(name="Хужирт сум", kind=Kind.SOUM, parent=aimag)
        offices[aimag_name] = organization_create(name=OFFICE, kind=Kind.ORGANIZATION, parent=soum)
    return offices


def test_the_title_names_the_aimag_before_the_organization():
    named = split_place("ӨВӨРХАНГАЙ АЙМГИЙН ХУЖИРТ СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР")
    assert (named.place, named.name) == ("ӨВӨРХАНГАЙ", "ХУЖИРТ СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР")
    assert split_place(OFFICE).place is None


def test_the_folders_are_places_innermost_first():
    assert folder_places("Архангай аймаг/2024/khujirt.docx") == ["2024", "Архангай"]
    assert folder_places("Өвөрхангай.zip/khujirt.docx") == ["Өвөрхангай"]
    assert folder_places("khujirt.docx") == []


def test_the_aimag_in_the_title_picks_its_own_soum(two_khujirts):
    found = organization_for_import(name=f"ӨВӨРХАНГАЙ АЙМГИЙН {OFFICE.upper()}")
    assert found == two_khujirts["Өвөрхангай аймаг"]


def test_the_folder_picks_the_soum_when_the_title_does_not_say(two_khujirts):
    found = organization_for_import(name=OFFICE, places=["2024", "Архангай"])
    assert found == two_khujirts["Архангай аймаг"]


def test_the_name_alone_is_refused_with_every_candidate_and_its_aimag(two_khujirts):
    with pytest.raises(ImportRefused) as caught:
        organization_for_import(name=OFFICE, create=True)
    assert caught.value.code == "org_ambiguous"
    listed = caught.value.params["candidates"]
    assert f"{OFFICE} (Архангай аймаг)" in listed and f"{OFFICE} (Өвөрхангай аймаг)" in listed
    assert Organization.objects.filter(name=OFFICE).count() == 2  # nothing created


def test_a_soum_of_another_aimag_is_not_taken_for_this_one():
    arkhangai = organization_create(name="Архангай аймаг", kind=Kind.AIMAG)
    organization_create(name="Өвөрхангай аймаг", kind=Kind.AIMAG)
    soum = organization_create(name="Хужирт сум", kind=Kind.SOUM, parent=arkhangai)
    organization_create(name=OFFICE, kind=Kind.ORGANIZATION, parent=soum)
    with pytest.raises(ImportRefused) as caught:
        organization_for_import(name=OFFICE, places=["Өвөрхангай"])
    assert caught.value.code == "org_not_found_in_place"
    created = organization_for_import(name=OFFICE, places=["Өвөрхангай"], create=True)
    parent = Organization.objects.get(path=created.path[: -Organization.steplen])
    assert parent.name == "Өвөрхангай аймаг"
    assert created.name == OFFICE


def test_bulk_import_of_two_soums_of_one_name_stores_both(capsys, tmp_path, two_khujirts):
    for aimag in ("Архангай", "Өвөрхангай"):
        (tmp_path / aimag).mkdir()
        (tmp_path / aimag / "khujirt.txt").write_text(SEED_TEXT, encoding="utf-8")
    status = main(["import", str(tmp_path), "--create-org"])
    out = capsys.readouterr().out
    assert status == 0, out
    stored = set(Report.objects.values_list("plan__organization_id", flat=True))
    assert stored == {o.pk for o in two_khujirts.values()}


def test_bulk_import_without_a_place_names_the_candidates(capsys, tmp_path, two_khujirts):
    (tmp_path / "khujirt.txt").write_text(SEED_TEXT, encoding="utf-8")
    status = main(["import", str(tmp_path), "--create-org"])
    out = capsys.readouterr().out
    assert status == 2
    assert "(Архангай аймаг)" in out and "(Өвөрхангай аймаг)" in out
    assert Report.objects.count() == 0


def test_an_ambiguous_file_lists_its_candidates_for_the_web(tmp_path, two_khujirts):
    from shudarga.documents.sources import Source
    from shudarga.plans.reports.bulk import source_import

    row = source_import(
        source=Source(name="khujirt.txt", load=lambda: SEED_TEXT.encode("utf-8")), lang="mn"
    )
    assert row.report_id is None
    assert row.candidates == [f"{OFFICE} (Архангай аймаг)", f"{OFFICE} (Өвөрхангай аймаг)"]
    assert row.as_dict()["candidates"] == row.candidates  # kept in the job's rows
