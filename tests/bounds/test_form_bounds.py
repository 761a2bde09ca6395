"""Every text typed in a form is bounded and free of control characters; a refusal says which
field and why, in the user's language, and writes nothing."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from shudarga.documents import jsonform, limits
from shudarga.plans.models import Measure, MeasureResult, Objective, Plan, Report
from tests.conftest import build_document
from tests.personas import client_for, result_data

pytestmark = pytest.mark.django_db


def rows() -> tuple:
    return (
        list(Objective.objects.order_by("pk").values_list("title", flat=True)),
        list(Measure.objects.order_by("pk").values_list("text", "deadline", "version")),
        list(MeasureResult.objects.order_by("pk").values_list("achieved", "version")),
    )


def add_objective(client, draft, title):
    return client.post(
        reverse("web:plan_objective_add", args=[draft.pk]), {"objective-title": title}
    )


def add_measure(client, draft, **values):
    objective = draft.objectives.order_by("order").first()
    data = {f"add{objective.pk}-{k}": v for k, v in {"text": "Сургалт", **values}.items()}
    return client.post(reverse("web:plan_measure_add", args=[draft.pk, objective.pk]), data)


def test_an_objective_title_over_the_limit_is_refused_with_the_limit(draft, officer):
    before = rows()
    response = add_objective(client_for(officer), draft, "ж" * (limits.OBJECTIVE_TITLE_MAX + 1))
    assert response.status_code == 200  # the page again, with the form's message
    page = response.content.decode()
    assert f"at most {limits.OBJECTIVE_TITLE_MAX} characters" in page
    assert rows() == before


def test_the_page_tells_the_browser_each_limit(draft, officer):
    page = client_for(officer).get(reverse("web:plan", args=[draft.pk])).content.decode()
    assert f'maxlength="{limits.OBJECTIVE_TITLE_MAX}"' in page
    objective = draft.objectives.order_by("order").first()
    url = reverse("web:plan_measure_add", args=[draft.pk, objective.pk])
    form = client_for(officer).get(url).content.decode()
    assert f'maxlength="{limits.MEASURE_TEXT_MAX}"' in form


def test_an_objective_title_at_the_limit_is_saved(draft, officer):
    response = add_objective(client_for(officer), draft, "ж" * limits.OBJECTIVE_TITLE_MAX)
    assert response.status_code == 302
    assert Objective.objects.filter(title="ж" * limits.OBJECTIVE_TITLE_MAX).exists()


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x9b"])
def test_a_control_character_in_a_measure_is_refused_by_name(draft, officer, char):
    before = rows()
    response = add_measure(client_for(officer), draft, text=f"Сургалт{char}зохион байгуулах")
    assert response.status_code == 200
    page = response.content.decode()
    assert "control character" in page or "Null characters are not allowed" in page
    assert rows() == before


def test_the_refusal_is_in_mongolian_first(draft, officer):
    response = add_measure(client_for(officer, "mn"), draft, indicator="тоо\x01")
    assert response.status_code == 200
    assert "U+0001" in response.content.decode()
    assert Measure.objects.filter(indicator__startswith="тоо").count() == 0


def test_direction_marks_and_markup_are_kept_as_text(draft, officer):
    text = "\u202eСургалт <script>alert(1)</script> '; DROP TABLE plans_plan; --"
    response = add_measure(client_for(officer), draft, text=text)
    assert response.status_code == 302
    assert Measure.objects.filter(text=text).exists()
    page = client_for(officer).get(reverse("web:plan", args=[draft.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page


@pytest.mark.parametrize(
    "budget", ["1e308", "9" * 400, "NaN", "Infinity", "1" + "0" * 12, "0,001", "\x00"]
)
def test_a_planned_budget_out_of_range_is_refused(draft, officer, budget):
    before = rows()
    response = add_measure(client_for(officer), draft, planned_budget=budget)
    assert response.status_code == 200
    assert "thousand MNT" in response.content.decode() or "too large" in response.content.decode()
    assert rows() == before


def test_what_was_achieved_is_bounded_and_refuses_control_characters(report, results, officer):
    result = results["1.1"]
    url = reverse("web:report_result", args=[report.pk, result.pk])
    client = client_for(officer)
    before = rows()
    too_long = client.post(url, result_data(result, achieved="а" * (limits.ACHIEVED_MAX + 1)))
    nul = client.post(url, result_data(result, achieved="хийсэн\x00"))
    control = client.post(url, result_data(result, achieved="хийсэн\x08"))
    spent = client.post(url, result_data(result, spent="1e308"))
    assert [r.status_code for r in (too_long, nul, control, spent)] == [400] * 4
    assert f"at most {limits.ACHIEVED_MAX} characters" in too_long.content.decode()
    assert "U+0008" in control.content.decode()
    assert rows() == before


def test_a_reason_to_return_is_bounded_and_refuses_control_characters(submitted, national):
    url = reverse("web:review_return", args=[submitted.pk])
    client = client_for(national)
    too_long = client.post(url, {"reason": "а" * (limits.COMMENT_MAX + 1)})
    control = client.post(url, {"reason": "буцаав\x1fдахин"})
    assert [too_long.status_code, control.status_code] == [400, 400]
    assert "U+001F" in control.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Report.Status.SUBMITTED


def test_an_imported_budget_of_1e308_is_refused_at_the_upload_not_a_broken_preview(
    khujirt, officer
):
    data = json.loads(jsonform.dumps(build_document()))
    data["objectives"][0]["measures"][0]["planned_budget"] = 1e308
    upload = SimpleUploadedFile("plan.json", json.dumps(data).encode())
    client = client_for(officer)
    form = {"organization": khujirt.pk, "year": 2025, "source": "import", "file": upload}
    response = client.post(reverse("web:plan_create"), form)
    assert response.status_code == 200
    assert "1.1: planned budget: the number 1E+308 is too large" in response.content.decode()
    assert "plan_import" not in client.session
    assert Plan.objects.count() == 0
    # The next, good file is previewed: nothing of the refused one stays in the session.
    good = SimpleUploadedFile("plan.json", jsonform.dumps(build_document()).encode())
    again = client.post(reverse("web:plan_create"), {**form, "file": good})
    assert again.status_code == 302
    assert client.get(again["Location"]).status_code == 200


def test_a_control_character_in_the_file_name_a_json_file_names_is_refused(khujirt, officer):
    # Django drops non-printable characters from the upload's own name; the JSON form carries
    # its "source" inside, where nothing else would.
    data = json.loads(jsonform.dumps(build_document()))
    data["source"] = "plan\x1b.docx"
    upload = SimpleUploadedFile("plan.json", json.dumps(data).encode())
    form = {"organization": khujirt.pk, "year": 2025, "source": "import", "file": upload}
    response = client_for(officer).post(reverse("web:plan_create"), form)
    assert response.status_code == 200
    assert "file name: the text holds a control character (U+001B)" in response.content.decode()
    assert Plan.objects.count() == 0
