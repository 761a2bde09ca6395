"""Rows written in bulk get what a model instance would, and keep every constraint."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction
from django.forms.models import model_to_dict

from shudarga.demo.bulk import foreign_keys_checked_at_end, ids_reserve, rows_insert
from shudarga.plans.models import Report
from tests.personas import make_plan

pytestmark = pytest.mark.django_db


def test_a_bulk_row_has_the_defaults_of_a_created_one(khujirt):
    plan = make_plan(khujirt)
    made = Report.objects.create(plan=plan, period="half_year", title="Биелэлт")
    [key] = ids_reserve(Report, 1)
    assert key > made.pk
    assert (
        rows_insert(
            Report, ("id", "plan_id", "period", "title"), [(key, plan.pk, "annual", "Биелэлт")]
        )
        == 1
    )
    bulk = Report.objects.get(pk=key)
    assert bulk.created_at is not None
    assert model_to_dict(bulk, exclude=["id", "period"]) == model_to_dict(
        made, exclude=["id", "period"]
    )
    assert ids_reserve(Report, 2)[0] > key


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the keys are dropped on PostgreSQL")
def test_a_missing_key_is_refused_when_the_keys_come_back(khujirt):
    plan = make_plan(khujirt)
    with (
        pytest.raises(IntegrityError),
        transaction.atomic(),
        foreign_keys_checked_at_end([Report]),
    ):
        rows_insert(
            Report,
            ("id", "plan_id", "period"),
            [(ids_reserve(Report, 1)[0], plan.pk + 99, "annual")],
        )
    with transaction.atomic(), foreign_keys_checked_at_end([Report]):
        rows_insert(
            Report, ("id", "plan_id", "period"), [(ids_reserve(Report, 1)[0], plan.pk, "annual")]
        )
    assert Report.objects.filter(plan=plan).count() == 1
