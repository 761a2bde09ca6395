"""An evidence store that refuses a file (full, read-only, not a folder) gives a clear message
on the page, stores no row and leaves no partial file behind."""

from __future__ import annotations

import errno

import pytest
from django.core.files.base import File
from django.core.files.storage import storages
from django.urls import reverse

from shudarga.plans.models import Evidence
from tests.personas import PDF, client_for
from tests.web.test_evidence import messages_of, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_root")]

REFUSED = "could not be stored: the evidence store is full or read-only"


class _FillsTheDisk(File):
    """An upload whose first block is written and whose second meets a full disk (ENOSPC),
    as the real FileSystemStorage writes it block by block."""

    def chunks(self, chunk_size=None):
        yield PDF
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def full_disk(monkeypatch, evidence_root):
    # The storage itself, not the lazy alias the model names (plans.models.evidence_storage).
    store = storages["evidence"]
    real_save = store._save
    monkeypatch.setattr(
        store, "_save", lambda name, content: real_save(name, _FillsTheDisk(content))
    )


def stored_files(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_full_disk_leaves_no_partial_file_and_says_so(
    report, results, officer, evidence_root, full_disk
):
    response = upload(client_for(officer), report, results["1.1"], ("Тушаал.pdf", PDF * 100))
    assert response.status_code == 302
    assert any(REFUSED in m for m in messages_of(response))
    assert Evidence.objects.count() == 0
    assert stored_files(evidence_root) == []


def test_a_store_that_is_not_a_folder_says_so_on_the_htmx_answer(
    report, results, officer, evidence_root
):
    evidence_root.parent.mkdir(parents=True, exist_ok=True)
    evidence_root.write_bytes(b"")  # a file where the folder should be: nothing can be made in it
    response = upload(client_for(officer), report, results["1.1"], ("a.pdf", PDF), htmx=True)
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert Evidence.objects.count() == 0


def test_with_room_on_the_disk_the_file_is_stored_once(report, results, officer, evidence_root):
    response = upload(client_for(officer), report, results["1.1"], ("a.pdf", PDF))
    assert response.status_code == 302
    assert Evidence.objects.count() == 1
    assert len(stored_files(evidence_root)) == 1


@pytest.mark.parametrize("title", ["тушаал\x00", "тушаал\x1bзураг"])
def test_a_control_character_in_the_description_is_refused(
    report, results, officer, evidence_root, title
):
    response = upload(client_for(officer), report, results["1.1"], ("a.pdf", PDF), title=title)
    assert any("holds a control character" in m for m in messages_of(response))
    assert Evidence.objects.count() == 0
    assert stored_files(evidence_root) == []


def test_a_control_character_in_a_link_is_refused(report, results, officer):
    url = reverse("web:evidence_link", args=[report.pk, results["1.1"].pk])
    response = client_for(officer).post(url, {"url": "https://example.mn/\x00", "title": "x"})
    assert response.status_code == 302
    assert Evidence.objects.count() == 0
