"""The history of a plan: every change, who made it, when, each field before and after."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shudarga.plans.models import Measure
from shudarga.plans.planning import approval, editing
from shudarga.plans.planning.editing import MeasureValues
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def history(client, plan):
    return client.get(reverse("web:plan_history", args=[plan.pk]))


def test_it_sends_an_anonymous_visitor_to_log_in(draft):
    response = history(client_for(), draft)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_another_organization_gets_not_found(draft, rival):
    assert history(client_for(rival), draft).status_code == 404


def test_a_viewer_may_read_it(draft, viewer):
    assert history(client_for(viewer), draft).status_code == 200


def test_it_shows_who_changed_which_field_from_what_to_what(draft, officer, head):
    client = client_for(officer)
    measure = Measure.objects.get(objective__plan=draft, number="1.1")
    client.post(
        reverse("web:plan_measure_edit", args=[draft.pk, measure.pk]),
        {
            f"m{measure.pk}-text": "Шинэчилсэн арга хэмжээ",
            f"m{measure.pk}-indicator": measure.indicator,
            f"m{measure.pk}-target": measure.target,
            f"m{measure.pk}-planned_budget": "2 500,75",
            f"m{measure.pk}-responsible_unit": measure.responsible_unit,
            f"m{measure.pk}-deadline": measure.deadline,
            f"m{measure.pk}-version": "1",
        },
    )
    editing.measure_delete(
        user=officer, measure=Measure.objects.get(objective__plan=draft, number="2.2")
    )
    approval.plan_approve(user=head, plan=draft)
    page = history(client, draft).content.decode()
    # The web edit: its user comes from the request, every changed field before and after.
    assert "Оюунчимэг" in page
    assert "<del>Арга хэмжээ 1.1</del> → <ins>Шинэчилсэн арга хэмжээ</ins>" in page
    assert "<del>1000</del> → <ins>2500,75</ins>" in page
    # Unchanged fields are not listed for that change.
    assert "<del>Хэрэгжилтийн хувь</del>" not in page
    assert "Measure 2.2 deleted" in page
    assert "<del>Draft</del> → <ins>Approved</ins>" in page
    assert "Батбаяр" in page
    assert page.index("<del>Draft</del>") < page.index("Measure 2.2 deleted")  # newest first


def test_a_move_shows_as_new_numbers(draft, officer):
    editing.measure_move(
        user=officer,
        measure=Measure.objects.get(objective__plan=draft, number="1.2"),
        direction="up",
    )
    page = history(client_for(officer), draft).content.decode()
    assert "<del>1.2</del> → <ins>1.1</ins>" in page
    assert "<del>1.1</del> → <ins>1.2</ins>" in page


def test_added_objectives_and_measures_show_what_they_said(draft, officer):
    objective = editing.objective_add(user=officer, plan=draft, title="Шинэ зорилт")
    editing.measure_add(
        user=officer, objective=objective, values=MeasureValues(text="Шинэ арга", deadline="Жилдээ")
    )
    page = history(client_for(officer), draft).content.decode()
    assert "Objective 3 added" in page
    assert "Measure 3.1 added" in page
    assert "<del>—</del> → <ins>Жилдээ</ins>" in page


def test_it_pages_long_histories(draft, officer):
    measure = Measure.objects.get(objective__plan=draft, number="1.1")
    for i in range(105):
        editing.measure_update(
            user=officer,
            measure=measure,
            values=MeasureValues(text=f"v{i}"),
            expected_version=i + 1,
        )
    client = client_for(officer)
    first = history(client, draft).content.decode()
    assert "page 1 of 2" in first
    second = client.get(reverse("web:plan_history", args=[draft.pk]) + "?page=2").content.decode()
    assert "<ins>v0</ins>" in second
