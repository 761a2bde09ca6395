"""Editing a draft plan through the services: numbering, validation, versions, locks, access."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from shudarga.plans.errors import (
    MeasureConflictError,
    MeasureHasResultsError,
    PlanActionRefused,
    PlanLockedError,
)
from shudarga.plans.models import Measure, Objective, Plan
from shudarga.plans.planning import editing
from shudarga.plans.planning.editing import MeasureValues
from shudarga.plans.reports.storing import report_import_document
from tests.personas import numbers, texts

pytestmark = pytest.mark.django_db


def measure(plan: Plan, number: str) -> Measure:
    return Measure.objects.get(objective__plan=plan, number=number)


def objective(plan: Plan, number: str) -> Objective:
    return Objective.objects.get(plan=plan, number=number)


def test_it_numbers_new_objectives_and_measures_in_order(draft, officer):
    added = editing.objective_add(user=officer, plan=draft, title="  Шинэ зорилт  ")
    assert (added.number, added.title) == ("3", "Шинэ зорилт")
    m = editing.measure_add(user=officer, objective=added, values=MeasureValues(text="Эхнийх"))
    assert m.number == "3.1"
    m = editing.measure_add(user=officer, objective=added, values=MeasureValues(text="Дараах"))
    assert m.number == "3.2"
    assert numbers(draft) == ["1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1", "3.2"]


def test_it_renumbers_after_a_measure_is_deleted(draft, officer):
    editing.measure_add(
        user=officer, objective=objective(draft, "1"), values=MeasureValues(text="Гурав")
    )
    editing.measure_delete(user=officer, measure=measure(draft, "1.1"))
    assert numbers(draft) == ["1", "1.1", "1.2", "2", "2.1", "2.2"]
    assert texts(draft)[:2] == ["Арга хэмжээ 1.2", "Гурав"]


def test_it_renumbers_objectives_and_their_measures_after_an_objective_is_deleted(draft, officer):
    editing.objective_add(user=officer, plan=draft, title="Гурав дахь")
    editing.objective_delete(user=officer, objective=objective(draft, "1"))
    assert numbers(draft) == ["1", "1.1", "1.2", "2"]
    assert texts(draft) == ["Арга хэмжээ 2.1", "Арга хэмжээ 2.2"]
    assert Measure.objects.filter(objective__plan=draft).count() == 2


def test_it_renumbers_after_a_measure_moves(draft, officer):
    editing.measure_move(user=officer, measure=measure(draft, "1.2"), direction="up")
    assert numbers(draft) == ["1", "1.1", "1.2", "2", "2.1", "2.2"]
    assert texts(draft) == [
        "Арга хэмжээ 1.2",
        "Арга хэмжээ 1.1",
        "Арга хэмжээ 2.1",
        "Арга хэмжээ 2.2",
    ]


def test_it_renumbers_an_objective_and_its_measures_when_it_moves(draft, officer):
    editing.objective_move(user=officer, objective=objective(draft, "2"), direction="up")
    assert numbers(draft) == ["1", "1.1", "1.2", "2", "2.1", "2.2"]
    assert objective(draft, "1").title == "Зорилт 2"
    assert texts(draft) == [
        "Арга хэмжээ 2.1",
        "Арга хэмжээ 2.2",
        "Арга хэмжээ 1.1",
        "Арга хэмжээ 1.2",
    ]


def test_it_moves_nothing_past_the_edge(draft, officer):
    editing.measure_move(user=officer, measure=measure(draft, "1.1"), direction="up")
    editing.objective_move(user=officer, objective=objective(draft, "2"), direction="down")
    assert texts(draft) == [
        "Арга хэмжээ 1.1",
        "Арга хэмжээ 1.2",
        "Арга хэмжээ 2.1",
        "Арга хэмжээ 2.2",
    ]


def test_it_refuses_a_measure_without_text(draft, officer):
    with pytest.raises(ValidationError) as caught:
        editing.measure_add(
            user=officer, objective=objective(draft, "1"), values=MeasureValues(text="  \n ")
        )
    assert "text" in caught.value.message_dict
    assert Measure.objects.filter(objective__plan=draft).count() == 4


@pytest.mark.parametrize(
    ("budget", "message"),
    [
        (Decimal("-1"), "cannot be negative"),
        (Decimal("1.005"), "at most two decimals"),
        (Decimal("1000000000000"), "too large"),
    ],
)
def test_it_refuses_a_budget_that_is_not_a_plain_amount(draft, officer, budget, message):
    target = measure(draft, "1.1")
    with pytest.raises(ValidationError) as caught:
        editing.measure_update(
            user=officer,
            measure=target,
            values=MeasureValues(text="x", planned_budget=budget),
            expected_version=1,
        )
    assert message in caught.value.message_dict["planned_budget"][0]
    target.refresh_from_db()
    assert (target.text, target.version) == ("Арга хэмжээ 1.1", 1)


def test_it_refuses_an_objective_without_a_title(draft, officer):
    with pytest.raises(ValidationError):
        editing.objective_add(user=officer, plan=draft, title=" ")
    with pytest.raises(ValidationError):
        editing.objective_update(user=officer, objective=objective(draft, "1"), title="")


def test_it_saves_an_edit_and_raises_the_version(draft, officer):
    values = MeasureValues(
        text="Шинэ бичвэр\r\nхоёр мөр",
        indicator="Тоо",
        target="100%",
        planned_budget=Decimal("1200.5"),
        responsible_unit="Хэлтэс",
        deadline="Жилдээ",
    )
    saved = editing.measure_update(
        user=officer, measure=measure(draft, "1.1"), values=values, expected_version=1
    )
    saved.refresh_from_db()
    assert saved.text == "Шинэ бичвэр\nхоёр мөр"
    assert saved.planned_budget == Decimal("1200.50")
    assert saved.version == 2


def test_it_keeps_the_version_when_nothing_changes(draft, officer):
    target = measure(draft, "1.1")
    saved = editing.measure_update(
        user=officer, measure=target, values=MeasureValues.of(target), expected_version=1
    )
    assert saved.version == 1


def test_it_refuses_an_edit_made_against_an_older_version(draft, officer, head):
    target = measure(draft, "1.1")
    editing.measure_update(
        user=head, measure=target, values=MeasureValues(text="Даргын хувилбар"), expected_version=1
    )
    with pytest.raises(MeasureConflictError) as caught:
        editing.measure_update(
            user=officer,
            measure=target,
            values=MeasureValues(text="Мэргэжилтний хувилбар"),
            expected_version=1,
        )
    assert caught.value.version == 2
    assert caught.value.current.text == "Даргын хувилбар"
    target.refresh_from_db()
    assert (target.text, target.version) == ("Даргын хувилбар", 2)


def test_a_move_does_not_raise_a_version(draft, officer):
    editing.measure_move(user=officer, measure=measure(draft, "1.2"), direction="up")
    assert set(Measure.objects.filter(objective__plan=draft).values_list("version", flat=True)) == {
        1
    }


EDITS = {
    "objective_add": lambda user, plan: editing.objective_add(user=user, plan=plan, title="x"),
    "objective_update": lambda user, plan: editing.objective_update(
        user=user, objective=objective(plan, "1"), title="x"
    ),
    "objective_delete": lambda user, plan: editing.objective_delete(
        user=user, objective=objective(plan, "1")
    ),
    "objective_move": lambda user, plan: editing.objective_move(
        user=user, objective=objective(plan, "2"), direction="up"
    ),
    "measure_add": lambda user, plan: editing.measure_add(
        user=user, objective=objective(plan, "1"), values=MeasureValues(text="x")
    ),
    "measure_update": lambda user, plan: editing.measure_update(
        user=user, measure=measure(plan, "1.1"), values=MeasureValues(text="x"), expected_version=1
    ),
    "measure_delete": lambda user, plan: editing.measure_delete(
        user=user, measure=measure(plan, "1.1")
    ),
    "measure_move": lambda user, plan: editing.measure_move(
        user=user, measure=measure(plan, "1.2"), direction="up"
    ),
}


def snapshot(plan: Plan) -> list[tuple]:
    return list(
        Measure.objects.filter(objective__plan=plan)
        .order_by("pk")
        .values_list("pk", "number", "text", "version", "objective__title")
    ) + list(
        Objective.objects.filter(plan=plan).order_by("pk").values_list("pk", "number", "title")
    )


@pytest.mark.parametrize("edit", EDITS)
def test_it_refuses_every_change_to_an_approved_plan(draft, head, edit):
    Plan.objects.filter(pk=draft.pk).update(status=Plan.Status.APPROVED)
    before = snapshot(draft)
    with pytest.raises(PlanLockedError) as caught:
        EDITS[edit](head, draft)
    assert "approved and locked" in str(caught.value)
    assert snapshot(draft) == before


@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize("who", ["viewer", "rival", "staff"])
def test_it_refuses_every_change_by_someone_who_may_not_edit(draft, request, edit, who):
    user = request.getfixturevalue(who)
    before = snapshot(draft)
    with pytest.raises(PermissionDenied):
        EDITS[edit](user, draft)
    assert snapshot(draft) == before


def test_it_refuses_to_delete_a_measure_a_report_has_results_for(khujirt, officer, make_document):
    report = report_import_document(document=make_document(), organization=khujirt)
    plan = report.plan
    with pytest.raises(MeasureHasResultsError) as caught:
        editing.measure_delete(user=officer, measure=measure(plan, "1.1"))
    assert "1.1" in str(caught.value)
    with pytest.raises(MeasureHasResultsError):
        editing.objective_delete(user=officer, objective=objective(plan, "1"))
    assert Measure.objects.filter(objective__plan=plan).count() == 6


def test_it_records_who_changed_what(draft, officer):
    target = measure(draft, "1.1")
    editing.measure_update(
        user=officer, measure=target, values=MeasureValues(text="Шинэ"), expected_version=1
    )
    editing.measure_delete(user=officer, measure=measure(draft, "1.2"))
    last = target.history.first()
    assert (last.history_type, last.history_user, last.text) == ("~", officer, "Шинэ")
    deleted = Measure.history.filter(history_type="-").get()
    assert (deleted.text, deleted.history_user) == ("Арга хэмжээ 1.2", officer)


def test_it_says_so_when_the_measure_was_deleted_meanwhile(draft, officer, head):
    stale = measure(draft, "1.1")
    editing.measure_delete(user=head, measure=measure(draft, "1.1"))
    with pytest.raises(PlanActionRefused) as caught:
        editing.measure_update(
            user=officer, measure=stale, values=MeasureValues(text="x"), expected_version=1
        )
    assert "deleted in the meantime" in str(caught.value)
    with pytest.raises(PlanActionRefused):
        editing.measure_delete(user=officer, measure=stale)
