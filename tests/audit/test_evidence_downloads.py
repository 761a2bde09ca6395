"""Who downloaded which evidence file: recorded after the access check, only for a file sent."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from shudarga.audit.models import AuditEvent
from shudarga.plans.models import Evidence
from shudarga.plans.reports.filling import evidence_add_file
from tests.personas import PDF, client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_root")]


@pytest.fixture
def stored(results, officer):
    return evidence_add_file(
        user=officer, result=results["1.1"], upload=SimpleUploadedFile("тушаал.pdf", PDF)
    )


def downloads():
    return AuditEvent.objects.filter(kind=AuditEvent.Kind.EVIDENCE_DOWNLOAD)


def download(user, evidence):
    url = reverse("web:evidence_download", args=[evidence.pk])
    return client_for(user).get(url, REMOTE_ADDR="192.0.2.44", HTTP_USER_AGENT="Firefox/140")


@pytest.mark.parametrize("persona", ["viewer", "national"])
def test_a_download_records_who_which_file_and_from_where(stored, persona, request):
    user = request.getfixturevalue(persona)
    response = download(user, stored)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    event = downloads().get()
    assert (event.user, event.username) == (user, user.username)
    assert event.content_type.model_class() is Evidence
    assert (event.object_id, event.object_repr, event.detail) == (
        str(stored.pk),
        "тушаал.pdf",
        "тушаал.pdf",
    )
    assert (event.ip, event.user_agent) == ("192.0.2.44", "Firefox/140")


def test_each_download_is_its_own_row(stored, officer):
    download(officer, stored)
    download(officer, stored)
    assert downloads().count() == 2


@pytest.mark.parametrize("persona", ["outsider", "rival", "staff"])
def test_a_refused_download_records_nothing(stored, persona, request):
    assert download(request.getfixturevalue(persona), stored).status_code == 404
    assert not downloads().exists()


def test_a_file_missing_from_the_store_records_nothing(stored, officer):
    stored.file.storage.delete(stored.file.name)
    assert download(officer, stored).status_code == 404
    assert not downloads().exists()


def test_a_download_costs_one_insert_more_than_the_check(
    stored, officer, django_assert_num_queries
):
    client = client_for(officer)
    url = reverse("web:evidence_download", args=[stored.pk])
    # The content type of Evidence is cached by the first lookup, made here beforehand.
    ContentType.objects.get_for_model(Evidence)
    # session, user, language, the user's reviewer nodes, the access-checked evidence; the
    # audit row
    with django_assert_num_queries(6):
        assert client.get(url).status_code == 200
