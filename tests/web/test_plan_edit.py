"""The plan page: objectives and measures edited in place, with and without htmx."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shudarga.plans.models import Measure, Objective, Plan
from shudarga.plans.reports.storing import report_import_document
from tests.personas import HTMX, build_plan, client_for, numbers, texts

pytestmark = pytest.mark.django_db


def first_measure(plan: Plan) -> Measure:
    return Measure.objects.filter(objective__plan=plan).order_by("objective__order", "order")[0]


def measure_data(measure: Measure, *, version: int | None = None, **values: str) -> dict:
    prefix = f"m{measure.pk}"
    fields = {
        "text": measure.text,
        "indicator": measure.indicator,
        "target": measure.target,
        "planned_budget": "",
        "responsible_unit": measure.responsible_unit,
        "deadline": measure.deadline,
        **values,
    }
    data = {f"{prefix}-{k}": v for k, v in fields.items()}
    data[f"{prefix}-version"] = str(version if version is not None else measure.version)
    return data


def add_data(objective: Objective, **values: str) -> dict:
    return {f"add{objective.pk}-{k}": v for k, v in {"text": "", **values}.items()}


def snapshot(plan: Plan) -> list[tuple]:
    return list(
        Measure.objects.filter(objective__plan=plan)
        .order_by("pk")
        .values_list("pk", "number", "text", "version", "planned_budget")
    ) + list(
        Objective.objects.filter(plan=plan).order_by("pk").values_list("pk", "number", "title")
    )


def change_requests(plan: Plan) -> list[tuple[str, str, str, dict]]:
    """Every request of the plan page that changes something or shows a form to change it."""
    objective = plan.objectives.order_by("order")[0]
    measure = first_measure(plan)
    o, m = [plan.pk, objective.pk], [plan.pk, measure.pk]
    return [
        ("post", "web:plan_objective_add", [plan.pk], {"objective-title": "Шинэ"}),
        ("get", "web:plan_objective_edit", o, {}),
        ("post", "web:plan_objective_edit", o, {f"o{objective.pk}-title": "Өөр"}),
        ("get", "web:plan_objective_delete", o, {}),
        ("post", "web:plan_objective_delete", o, {}),
        ("post", "web:plan_objective_move", o, {"direction": "down"}),
        ("get", "web:plan_measure_add", o, {}),
        ("post", "web:plan_measure_add", o, add_data(objective, text="Шинэ")),
        ("get", "web:plan_measure_edit", m, {}),
        ("post", "web:plan_measure_edit", m, measure_data(measure, text="Өөр")),
        ("get", "web:plan_measure_delete", m, {}),
        ("post", "web:plan_measure_delete", m, {}),
        ("post", "web:plan_measure_move", m, {"direction": "down"}),
    ]


def send(client, method: str, name: str, args: list, data: dict, **extra):
    return getattr(client, method)(reverse(name, args=args), data, **extra)


def test_it_sends_an_anonymous_visitor_to_log_in_from_every_change(draft):
    before = snapshot(draft)
    for method, name, args, data in [*change_requests(draft), ("get", "web:plan", [draft.pk], {})]:
        response = send(client_for(), method, name, args, data)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("login")), name
    assert snapshot(draft) == before


def test_it_hides_the_plan_and_every_change_from_another_organization(draft, rival):
    before = snapshot(draft)
    client = client_for(rival)
    for method, name, args, data in [*change_requests(draft), ("get", "web:plan", [draft.pk], {})]:
        assert send(client, method, name, args, data).status_code == 404, name
    assert snapshot(draft) == before


@pytest.mark.parametrize("who", ["viewer", "national"])
def test_a_viewer_sees_the_plan_but_may_change_nothing(draft, request, who):
    client = client_for(request.getfixturevalue(who))
    page = client.get(reverse("web:plan", args=[draft.pk]))
    assert page.status_code == 200
    assert "Арга хэмжээ 1.1" in page.content.decode()
    assert reverse("web:plan_measure_edit", args=[draft.pk, first_measure(draft).pk]) not in (
        page.content.decode()
    )
    assert "Add an objective" not in page.content.decode()
    before = snapshot(draft)
    for method, name, args, data in change_requests(draft):
        assert send(client, method, name, args, data).status_code == 403, name
        assert send(client, method, name, args, data, **HTMX).status_code == 403, name
    assert snapshot(draft) == before


def test_it_adds_an_objective_and_a_measure_with_a_decimal_comma(draft, officer):
    client = client_for(officer)
    response = client.post(
        reverse("web:plan_objective_add", args=[draft.pk]), {"objective-title": "Ил тод байдал"}
    )
    objective = Objective.objects.get(plan=draft, title="Ил тод байдал")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#objective-{objective.pk}")
    response = client.post(
        reverse("web:plan_measure_add", args=[draft.pk, objective.pk]),
        add_data(
            objective,
            text="Ил тод байдлын самбар",
            planned_budget="1 200,5",
            deadline="1 дүгээр улирал",
        ),
    )
    assert response.status_code == 302
    measure = Measure.objects.get(objective=objective)
    assert (measure.number, measure.planned_budget) == ("3.1", Decimal("1200.50"))
    assert response["Location"].endswith(f"#measure-{measure.pk}")
    page = client.get(reverse("web:plan", args=[draft.pk])).content.decode()
    assert "1200,5" in page


def test_the_add_link_opens_the_form_for_one_objective_without_javascript(draft, officer):
    objective = draft.objectives.order_by("order")[1]
    url = reverse("web:plan_measure_add", args=[draft.pk, objective.pk])
    page = client_for(officer).get(reverse("web:plan", args=[draft.pk])).content.decode()
    assert f'<a href="{url}"' in page
    assert (
        "<textarea" not in page.split('<table class="official plan-table">')[1].split("</table>")[0]
    )
    form = client_for(officer).get(url).content.decode()
    assert f'<tr id="add-measure-{objective.pk}" class="add adding">' in form
    assert f'<label for="id_add{objective.pk}-text">' in form
    textarea = form[form.index(f'<textarea name="add{objective.pk}-text"') :]
    assert "autofocus" in textarea[: textarea.index(">")]
    assert form.count('class="add adding"') == 1


@pytest.mark.parametrize(
    ("budget", "stored"),
    [
        ("1 200,5", "1200.5"),
        ("1200.5", "1200.5"),
        ("1,200.50", "1200.5"),
        ("1,200,000", "1200000"),
        ("1.200,5", "1200.5"),
        ("5 сая", "5000"),
        ("840,0", "840"),
        ("\u00a01\u202f000 ", "1000"),
        ("", None),
        ("-", None),
    ],
)
def test_it_accepts_the_ways_people_write_amounts(draft, officer, budget, stored):
    measure = first_measure(draft)
    response = client_for(officer).post(
        reverse("web:plan_measure_edit", args=[draft.pk, measure.pk]),
        measure_data(measure, planned_budget=budget),
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.planned_budget == (None if stored is None else Decimal(stored))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": " "}, "a measure needs its text"),
        ({"text": "x", "planned_budget": "-5"}, "cannot be negative"),
        ({"text": "x", "planned_budget": "−1 200,5"}, "cannot be negative"),
        ({"text": "x", "planned_budget": "мянга"}, "Write the amount as a number"),
        # One thousand and five, or one and five thousandths: asked, never guessed.
        ({"text": "x", "planned_budget": "1,005"}, "can be read two ways"),
        ({"text": "x", "planned_budget": "1,200"}, "can be read two ways"),
        ({"text": "x", "planned_budget": "1,0055"}, "at most two decimals"),
        ({"text": "x", "deadline": "я" * 256}, "at most 255 characters"),
    ],
)
def test_it_says_what_is_wrong_with_a_new_measure_and_keeps_what_was_typed(
    draft, officer, data, message
):
    objective = draft.objectives.order_by("order")[0]
    before = snapshot(draft)
    response = client_for(officer).post(
        reverse("web:plan_measure_add", args=[draft.pk, objective.pk]), add_data(objective, **data)
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert f'<tr id="add-measure-{objective.pk}" class="add adding">' in page
    assert snapshot(draft) == before


def test_the_messages_are_in_the_users_language(draft, officer):
    objective = draft.objectives.order_by("order")[0]
    response = client_for(officer, "mn").post(
        reverse("web:plan_measure_add", args=[draft.pk, objective.pk]), add_data(objective)
    )
    assert response.status_code == 200
    assert '<html lang="mn">' in response.content.decode()


def test_an_objective_needs_a_title(draft, officer):
    response = client_for(officer).post(
        reverse("web:plan_objective_add", args=[draft.pk]), {"objective-title": "  "}
    )
    assert response.status_code == 200
    assert "Write the objective&#x27;s title." in response.content.decode()
    assert draft.objectives.count() == 2


def test_it_edits_a_measure_in_place_without_javascript(draft, officer):
    measure = first_measure(draft)
    url = reverse("web:plan_measure_edit", args=[draft.pk, measure.pk])
    form = client_for(officer).get(url)
    assert form.status_code == 200
    page = form.content.decode()
    assert f'<tr id="measure-{measure.pk}" class="editing">' in page
    assert f'<label for="id_m{measure.pk}-text">' in page
    assert f'name="m{measure.pk}-version" value="1"' in page
    assert 'value="1000"' in page  # the budget as people write it
    response = client_for(officer).post(url, measure_data(measure, text="Засварласан"))
    assert response.status_code == 302
    assert response["Location"] == reverse("web:plan", args=[draft.pk]) + f"#measure-{measure.pk}"
    measure.refresh_from_db()
    assert (measure.text, measure.version) == ("Засварласан", 2)


def test_with_htmx_the_edit_form_and_the_saved_row_come_from_the_same_page(draft, officer):
    measure = first_measure(draft)
    client = client_for(officer)
    url = reverse("web:plan_measure_edit", args=[draft.pk, measure.pk])
    form = client.get(url, **HTMX)
    assert form.status_code == 200
    assert f'id="measure-{measure.pk}" class="editing"' in form.content.decode()
    saved = client.post(url, measure_data(measure, text="Шинэ"), follow=True, **HTMX)
    assert saved.status_code == 200
    assert f'<tr id="measure-{measure.pk}">' in saved.content.decode()


def test_an_edit_against_an_older_version_shows_both_versions_and_saves_nothing(
    draft, officer, head
):
    measure = first_measure(draft)
    url = reverse("web:plan_measure_edit", args=[draft.pk, measure.pk])
    client_for(head).post(url, measure_data(measure, text="Даргын хувилбар", planned_budget="5"))
    response = client_for(officer).post(
        url, measure_data(measure, version=1, text="Мэргэжилтний хувилбар")
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved measure 1.1 while you were editing it." in page
    assert "Даргын хувилбар" in page and "Мэргэжилтний хувилбар" in page
    assert "Save my version" in page and "Keep the current version" in page
    # The form carries the officer's text at the current version: saving it is a choice.
    assert f'name="m{measure.pk}-version" value="2"' in page
    measure.refresh_from_db()
    assert (measure.text, measure.version) == ("Даргын хувилбар", 2)
    htmx = client_for(officer).post(
        url, measure_data(measure, version=1, text="Мэргэжилтний хувилбар"), **HTMX
    )
    assert htmx.status_code == 200
    assert 'class="conflict"' in htmx.content.decode()
    chosen = client_for(officer).post(
        url, measure_data(measure, version=2, text="Мэргэжилтний хувилбар")
    )
    assert chosen.status_code == 302
    measure.refresh_from_db()
    assert (measure.text, measure.version) == ("Мэргэжилтний хувилбар", 3)


def test_deleting_asks_first_without_javascript_and_renumbers(draft, officer):
    client = client_for(officer)
    measure = first_measure(draft)
    url = reverse("web:plan_measure_delete", args=[draft.pk, measure.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Delete measure 1.1?" in confirm.content.decode()
    assert Measure.objects.filter(pk=measure.pk).exists()
    assert client.post(url).status_code == 302
    assert numbers(draft) == ["1", "1.1", "2", "2.1", "2.2"]
    assert texts(draft)[0] == "Арга хэмжээ 1.2"
    objective = draft.objectives.order_by("order")[0]
    client.post(reverse("web:plan_objective_delete", args=[draft.pk, objective.pk]))
    assert numbers(draft) == ["1", "1.1", "1.2"]


def test_moving_renumbers_and_keeps_the_page_in_place(draft, officer):
    client = client_for(officer)
    second = Measure.objects.get(objective__plan=draft, number="1.2")
    response = client.post(
        reverse("web:plan_measure_move", args=[draft.pk, second.pk]), {"direction": "up"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?focus=measure-{second.pk}-up#measure-{second.pk}")
    second.refresh_from_db()
    assert second.number == "1.1"
    # The button just pressed keeps the keyboard's focus on the page that follows.
    page = client.get(response["Location"]).content.decode()
    row = page[page.index(f'<tr id="measure-{second.pk}">') :]
    assert row.index(" autofocus") < row.index("</tr>")
    assert page.count(" autofocus") == 1
    objective = Objective.objects.get(plan=draft, number="2")
    client.post(
        reverse("web:plan_objective_move", args=[draft.pk, objective.pk]), {"direction": "up"}
    )
    assert numbers(draft) == ["1", "1.1", "1.2", "2", "2.1", "2.2"]
    assert texts(draft) == [
        "Арга хэмжээ 2.1",
        "Арга хэмжээ 2.2",
        "Арга хэмжээ 1.2",
        "Арга хэмжээ 1.1",
    ]
    bad = client.post(
        reverse("web:plan_objective_move", args=[draft.pk, objective.pk]), {"direction": "left"}
    )
    assert bad.status_code == 404
    # At the bottom the "down" button is disabled: the "up" one takes the focus.
    last = Measure.objects.get(objective__plan=draft, number="2.1")
    down = client.post(
        reverse("web:plan_measure_move", args=[draft.pk, last.pk]), {"direction": "down"}
    )
    page = client.get(down["Location"]).content.decode()
    row = page[page.index(f'<tr id="measure-{last.pk}">') :]
    assert 'value="up" autofocus' in row[: row.index("</tr>")]


def test_an_approved_plan_shows_no_edit_controls_and_refuses_every_change(draft, officer, head):
    Plan.objects.filter(pk=draft.pk).update(status=Plan.Status.APPROVED)
    page = client_for(head).get(reverse("web:plan", args=[draft.pk])).content.decode()
    assert "approved and locked" in page
    assert "Add an objective" not in page
    assert reverse("web:plan_measure_edit", args=[draft.pk, first_measure(draft).pk]) not in page
    before = snapshot(draft)
    for client in (client_for(officer), client_for(head)):
        for method, name, args, data in change_requests(draft):
            response = send(client, method, name, args, data)
            assert response.status_code == 302, name
            assert response["Location"] == reverse("web:plan", args=[draft.pk]), name
            followed = client.get(response["Location"]).content.decode()
            assert "The plan is approved and locked." in followed, name
            htmx = send(client, method, name, args, data, **HTMX)
            assert htmx["HX-Redirect"] == reverse("web:plan", args=[draft.pk]), name
    assert snapshot(draft) == before


def test_a_measure_with_results_cannot_be_deleted_from_the_page(khujirt, officer, make_document):
    plan = report_import_document(document=make_document(), organization=khujirt).plan
    measure = first_measure(plan)
    page = client_for(officer).get(reverse("web:plan", args=[plan.pk])).content.decode()
    assert reverse("web:plan_measure_delete", args=[plan.pk, measure.pk]) not in page
    response = client_for(officer).post(
        reverse("web:plan_measure_delete", args=[plan.pk, measure.pk]), follow=True
    )
    assert "cannot be deleted: a report has results for it" in response.content.decode()
    assert Measure.objects.filter(pk=measure.pk).exists()


def test_text_typed_into_a_plan_is_shown_escaped(draft, officer):
    measure = first_measure(draft)
    script = '<script>alert("x")</script>'
    client = client_for(officer)
    client.post(
        reverse("web:plan_measure_edit", args=[draft.pk, measure.pk]),
        measure_data(measure, text=script, indicator="<b>bold</b>", deadline="<i>q1</i>"),
    )
    Objective.objects.filter(pk=measure.objective_id).update(title=script)
    for name in ("web:plan", "web:plan_history"):
        page = client.get(reverse(name, args=[draft.pk])).content.decode()
        assert script not in page, name
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page, name
        assert "<b>bold</b>" not in page, name
    edit = client.get(reverse("web:plan_measure_edit", args=[draft.pk, measure.pk])).content
    assert script not in edit.decode()


@pytest.mark.parametrize("editable", [True, False])
def test_the_plan_page_reads_the_same_number_of_queries_for_10_or_100_measures(
    khujirt, other_office, head, viewer, editable
):
    small = build_plan(khujirt, objectives=2, measures_per_objective=5)
    large = build_plan(khujirt, objectives=10, measures_per_objective=10, year=2026)
    client = client_for(head if editable else viewer)

    def count(plan: Plan) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("web:plan", args=[plan.pk])).status_code == 200
        return len(queries)

    count(small)  # warm up the session and the caches
    assert count(small) == count(large)
