"""While a plan is a draft, a target with no quantity is hinted beside it (docs/checks.md)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shudarga.plans.models import Measure
from tests.personas import client_for, make_plan

pytestmark = pytest.mark.django_db


def test_a_vague_target_is_hinted_on_the_draft_and_not_once_approved(draft, khujirt, officer):
    plan = make_plan(khujirt, year=2026)  # approved
    for p in (draft, plan):
        Measure.objects.filter(objective__plan=p, number="1.1").update(target="Тухай бүр")
        Measure.objects.filter(objective__plan=p, number="1.2").update(
            target="50-аас доошгүй албан хаагч"
        )
    client = client_for(officer)
    page = client.get(reverse("web:plan", args=[draft.pk])).content.decode()
    hint = "1.1: the target «Тухай бүр» has no quantity, so its achievement cannot be measured"
    assert hint in page
    assert "1.2: the target" not in page  # a number and a unit: nothing to hint
    approved = client.get(reverse("web:plan", args=[plan.pk])).content.decode()
    assert 'data-flag="target_vague"' not in approved
