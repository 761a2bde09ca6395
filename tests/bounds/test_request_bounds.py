"""The request body is bounded before anything reads it (shudarga.web.bounds_middleware): a
visitor without a login, a signed-in user's text, an upload; a control character in the query
string is a 400 that says which one."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from shudarga.documents import limits
from shudarga.plans.models import Evidence, Objective
from tests.api.support import api_client
from tests.personas import PDF, client_for

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def post_claiming(client, url: str, length: int):
    """A POST whose Content-Length claims ``length`` bytes while 10 are sent: reading the body
    would fail the test (the test client refuses to read past what was sent)."""
    return client.generic(
        "POST",
        url,
        b"a=1&b=2345",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(length),
    )


def test_an_anonymous_300_mb_post_is_refused_before_the_body_is_read(
    django_assert_num_queries,
):
    client = client_for()
    client.cookies["csrftoken"] = "x" * 32
    with django_assert_num_queries(0):  # no session, no user: refused at the door
        response = post_claiming(client, reverse("login"), 300 * MB)
    assert response.status_code == 413
    assert response["Connection"] == "close"
    assert "at most 65536 bytes are accepted here" in response.content.decode()


def test_an_anonymous_login_form_fits(officer):
    response = client_for().post(reverse("login"), {"username": "x", "password": "y"})
    assert response.status_code == 200  # the form again: wrong password, not a refusal


def test_an_anonymous_post_to_an_upload_route_gets_the_anonymous_bound(report, results):
    url = reverse("web:evidence_upload", args=[report.pk, results["1.1"].pk])
    assert post_claiming(client_for(), url, 5 * MB).status_code == 413


def test_a_signed_in_text_post_over_the_bound_is_refused(draft, officer):
    url = reverse("web:plan_objective_add", args=[draft.pk])
    response = post_claiming(client_for(officer), url, limits.REQUEST_BODY_MAX + 1)
    assert response.status_code == 413
    assert Objective.objects.filter(plan=draft).count() == 2


def test_an_evidence_upload_may_be_larger_than_text(report, results, officer, evidence_root):
    url = reverse("web:evidence_upload", args=[report.pk, results["1.1"].pk])
    big = PDF + b"0" * (limits.REQUEST_BODY_MAX + MB)
    response = client_for(officer).post(url, {"files": [SimpleUploadedFile("big.pdf", big)]})
    assert response.status_code == 302
    assert Evidence.objects.get().size == len(big)


def test_an_api_call_over_the_bound_is_a_json_413(world, officer):
    result = world["draft"].results.first()
    client = api_client(officer)
    response = client.generic(
        "PUT",
        f"/api/results/{result.pk}",
        b"{}",
        content_type="application/json",
        CONTENT_LENGTH=str(limits.REQUEST_BODY_MAX + 1),
    )
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_a_content_length_that_is_not_a_number_is_a_400():
    response = client_for().generic(
        "POST", reverse("login"), b"", content_type="text/plain", CONTENT_LENGTH="lots"
    )
    assert response.status_code == 400


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x7f"])
def test_a_control_character_in_the_public_search_is_a_400_that_names_it(char):
    response = client_for().get(reverse("portal:search"), {"q": f"Хужирт{char}"})
    assert response.status_code == 400
    assert f"control character (U+{ord(char):04X})" in response.content.decode()


def test_the_public_search_takes_direction_marks_markup_and_quotes(published):
    for q in ("\u202eХужирт", "<b>'; DROP TABLE x; --", "%_\\"):
        assert client_for().get(reverse("portal:search"), {"q": q}).status_code == 200


def test_a_nul_in_a_workspace_filter_is_a_400(officer):
    response = client_for(officer).get(reverse("web:plan_list"), {"status": "\x00"})
    assert response.status_code == 400
