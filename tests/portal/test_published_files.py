"""A publication's files are written once per version and then read from storage."""

from __future__ import annotations

import pytest
from django.core.files.storage import storages
from django.test import Client
from django.urls import reverse

from shudarga.documents import writers
from shudarga.portal.files import publication_file_name
from tests.portal.support import publication_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def writes(monkeypatch):
    """Every call of the writers, by format."""
    calls: list[str] = []
    real = writers.write

    def counting(document, fmt):
        calls.append(fmt)
        return real(document, fmt)

    monkeypatch.setattr(writers, "write", counting)
    return calls


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_the_first_request_writes_the_file_and_the_next_ones_read_it(
    published, generated_root, writes, fmt
):
    url = reverse("portal:report_file", args=[published.pk, fmt])
    first = Client().get(url)
    second = Client().get(url)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content and first.content
    assert writes == [fmt]  # rendered once
    publication = published.publications.get(is_current=True)
    stored = generated_root / publication_file_name(publication, fmt)
    assert stored.read_bytes() == first.content
    assert second["Content-Disposition"].endswith(f'-v1.{fmt}"')


def test_a_correction_is_a_new_version_with_its_own_file(
    published, generated_root, writes, publisher
):
    url = reverse("portal:report_file", args=[published.pk, "xlsx"])
    assert Client().get(url).status_code == 200
    publication_make(published, by=publisher, note="Засвар")
    response = Client().get(url)
    assert response.status_code == 200 and response["Content-Disposition"].endswith('-v2.xlsx"')
    assert writes == ["xlsx", "xlsx"]
    assert len(list((generated_root / "publications" / str(published.pk)).iterdir())) == 2
    assert storages["generated"].location == str(generated_root)
