"""The country generator writes the rows the services would: its publications are the
publication rule's JSON and its summaries summary_refresh's rows, for the same reports."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import F
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext

from shudarga.demo.country import OFFICES, country
from shudarga.orgs.models import Organization
from shudarga.plans.analytics.summaries import summary_refresh
from shudarga.plans.models import (
    MeasureResult,
    ObjectiveSummary,
    Plan,
    Report,
    ReportPublication,
    ReportSummary,
)
from shudarga.plans.review.publication import report_publication_json

pytestmark = pytest.mark.django_db


def summaries() -> tuple[list[dict], list[tuple]]:
    """The summary rows, and their objectives' rows, without their keys."""
    rows = ReportSummary.objects.order_by("report_id")
    objectives = ObjectiveSummary.objects.values_list(
        "summary__report_id", "objective_id", "scored", "zero", "thirty"
    )
    return [model_to_dict(s, exclude=["id", "updated_at"]) for s in rows], sorted(objectives)


def test_the_publications_and_summaries_are_the_services_ones(monkeypatch):
    monkeypatch.setattr("shudarga.demo.country.CHUNK", 7)  # three batches of organizations
    made = country(organizations=20, years=[2023, 2024])
    assert made.organizations == Organization.objects.filter(kind="organization").count() == 20
    assert made.reports == Report.objects.count() == 80
    published = Report.objects.filter(status="published")
    # Reviews that changed a score, so the official result differs from the self-assessed.
    changed = MeasureResult.objects.filter(report__in=published, reviewer_score__lt=F("score"))
    assert changed.exists()
    publications = {p.report_id: p for p in ReportPublication.objects.all()}
    assert set(publications) == set(published.values_list("pk", flat=True))
    bulk = summaries()
    for report in Report.objects.all():
        summary = summary_refresh(report_id=report.pk)
        if report.pk in publications:
            publication = publications[report.pk]
            assert publication.document == report_publication_json(report=report)
            assert publication.official_total == summary.official_total
            assert (publication.version, publication.is_current) == (1, True)
    assert bulk == summaries()
    assert len(bulk[1]) == made.reports * 3  # every objective of every report has its row


def test_names_are_composed_for_any_number_of_organizations():
    country(organizations=len(OFFICES) * 40, years=[2024])
    offices = Organization.objects.filter(kind="organization")
    names = list(offices.values_list("name", flat=True))
    # Places may share a name (Сүхбаатар aimag and district), offices never.
    assert len(names) == len(set(names)) == len(OFFICES) * 40
    soums = Organization.objects.filter(kind="soum").count()
    assert soums >= 40 - 9  # the capital's nine districts hold offices too


@pytest.mark.skipif(connection.vendor != "postgresql", reason="one COPY a table on PostgreSQL")
def test_the_queries_do_not_grow_with_the_country():
    def queries(organizations: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            country(organizations=organizations, years=[2024])
        return len(captured)

    small = queries(5)
    for model in (ReportPublication, MeasureResult, Report, Plan, get_user_model(), Organization):
        model.objects.all().delete()
    assert queries(60) == small
