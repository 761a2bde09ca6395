"""The plan services check the same bounds as the forms and the API (a caller that skips them,
the command line or a future surface, still cannot write an unbounded or control text)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from shudarga.documents import limits
from shudarga.plans.models import Measure, Objective
from shudarga.plans.planning.editing import MeasureValues, measure_add, objective_add

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("values", "field"),
    [
        (MeasureValues(text="а" * (limits.MEASURE_TEXT_MAX + 1)), "text"),
        (MeasureValues(text="Сургалт", indicator="тоо\x00"), "indicator"),
        (MeasureValues(text="Сургалт", target="түвшин\x1b"), "target"),
        (MeasureValues(text="Сургалт", deadline="ж" * (limits.DEADLINE_MAX + 1)), "deadline"),
        (MeasureValues(text="Сургалт", responsible_unit="\ud800"), "responsible_unit"),
    ],
)
def test_a_measure_out_of_bounds_is_refused_naming_the_field(draft, officer, values, field):
    objective = draft.objectives.order_by("order").first()
    before = Measure.objects.count()
    with pytest.raises(ValidationError) as refused:
        measure_add(user=officer, objective=objective, values=values)
    assert field in refused.value.message_dict
    assert Measure.objects.count() == before


def test_an_objective_title_out_of_bounds_is_refused(draft, officer):
    with pytest.raises(ValidationError) as refused:
        objective_add(user=officer, plan=draft, title="ж" * (limits.OBJECTIVE_TITLE_MAX + 1))
    assert f"at most {limits.OBJECTIVE_TITLE_MAX} characters" in refused.value.messages[0]
    assert Objective.objects.filter(plan=draft).count() == 2
