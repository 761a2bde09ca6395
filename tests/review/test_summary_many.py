"""Summaries recomputed in bulk are the rows the services keep, by the same rule."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.forms.models import model_to_dict

from shudarga.plans.analytics.summaries import summary_refresh_many
from shudarga.plans.models import Report, ReportSummary
from shudarga.plans.review.scoring import review_score
from tests.personas import make_plan
from tests.review.conftest import by_number

pytestmark = pytest.mark.django_db


def rows() -> list[dict]:
    return [model_to_dict(s, exclude=["id"]) for s in ReportSummary.objects.order_by("report_id")]


def test_the_bulk_rows_equal_the_ones_the_services_wrote(submitted, reviewer, other_office):
    review_score(user=reviewer, result=by_number(submitted)["1.1"], score=Decimal("30"),
                 not_due=False, comment="")  # fmt: skip
    Report.objects.create(plan=make_plan(other_office), period="annual", title="")
    kept = rows()
    assert len(kept) == 1  # the report made by hand has no row yet
    ReportSummary.objects.all().delete()
    assert summary_refresh_many(report_ids=list(Report.objects.values_list("pk", flat=True))) == 2
    again = rows()
    assert again[0] == kept[0]
    assert again[0]["official_total"] != again[0]["self_total"]  # the review counted
    assert again[1]["measures"] == 0 and again[1]["official_total"] is None


def test_a_second_run_updates_the_rows_in_place(submitted):
    summary_refresh_many(report_ids=[submitted.pk])
    Report.objects.filter(pk=submitted.pk).update(status="accepted")
    summary_refresh_many(report_ids=[submitted.pk])
    assert list(ReportSummary.objects.values_list("status", flat=True)) == ["accepted"]
