"""The list of plans: by organization, newest year first, each report's state and result."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from shudarga.orgs.models import Membership
from shudarga.plans.models import Plan, Report
from shudarga.plans.reports.storing import report_import_document
from tests.personas import build_plan, client_for, member

pytestmark = pytest.mark.django_db


def has_url(name: str, *args) -> bool:
    try:
        reverse(name, args=args)
    except NoReverseMatch:
        return False
    return True


def test_it_sends_an_anonymous_visitor_to_log_in():
    response = client_for().get(reverse("web:plan_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_shows_nothing_of_another_organization(draft, rival):
    page = client_for(rival).get(reverse("web:plan_list")).content.decode()
    assert "Хужирт" not in page
    assert reverse("web:plan", args=[draft.pk]) not in page
    assert "Бат-Өлзий" in page  # the rival's own organization, with no plan yet
    assert "No plan yet." in page


def test_a_user_with_no_organization_is_told_so(outsider):
    page = client_for(outsider).get(reverse("web:plan_list")).content.decode()
    assert "You belong to no organization yet." in page


def test_it_lists_each_report_state_and_consolidated_result(khujirt, officer, make_document):
    annual = report_import_document(document=make_document(year=2024), organization=khujirt)
    Report.objects.filter(pk=annual.pk).update(status=Report.Status.SUBMITTED)
    build_plan(khujirt, year=2025)
    page = client_for(officer).get(reverse("web:plan_list")).content.decode()
    assert page.index(">2025</a>") < page.index(">2024</a>")  # newest first
    assert reverse("web:report", args=[annual.pk]) in page
    assert "Submitted" in page
    assert "Not started" in page
    from shudarga.plans.reports.selectors import report_totals

    display = report_totals(reports=[annual])[0].display
    assert f"{display}%" in page


@pytest.mark.parametrize("status", ["draft", "submitted", "returned", "accepted", "published"])
def test_it_names_every_report_state(khujirt, officer, make_document, status):
    report = report_import_document(document=make_document(), organization=khujirt)
    Report.objects.filter(pk=report.pk).update(status=status)
    page = client_for(officer).get(reverse("web:plan_list")).content.decode()
    assert f'class="rstate rstate-{status}"' in page
    assert status.capitalize() in page


def test_a_user_of_two_organizations_sees_them_grouped(django_user_model, khujirt, other_office):
    user = member(django_user_model, khujirt, "tuya", "Туяа", Membership.Role.OFFICER)
    Membership.objects.create(user=user, organization=other_office, role=Membership.Role.VIEWER)
    mine = build_plan(khujirt, year=2025)
    theirs = build_plan(other_office, year=2025)
    page = client_for(user).get(reverse("web:plan_list")).content.decode()
    assert page.count('<section class="org-plans"') == 2
    # Sorted by name: Бат-Өлзий before Хужирт, each with its own plan and its own rights.
    assert page.index("Бат-Өлзий") < page.index("Хужирт")
    assert page.index(reverse("web:plan", args=[theirs.pk])) < page.index("Хужирт")
    assert page.index(reverse("web:plan", args=[mine.pk])) > page.index("Хужирт")
    new_plan = reverse("web:plan_create")
    assert f"{new_plan}?organization={khujirt.pk}" in page
    assert f"{new_plan}?organization={other_office.pk}" not in page


def test_a_viewer_gets_no_new_plan_and_no_start_button(khujirt, viewer):
    build_plan(khujirt, status=Plan.Status.APPROVED)
    page = client_for(viewer).get(reverse("web:plan_list")).content.decode()
    assert reverse("web:plan_create") not in page
    assert "Start report" not in page


def test_start_report_shows_only_for_an_approved_plan_when_the_report_pages_exist(khujirt, officer):
    approved = build_plan(khujirt, status=Plan.Status.APPROVED)
    build_plan(khujirt, year=2026)
    page = client_for(officer).get(reverse("web:plan_list")).content.decode()
    if has_url("web:report_start", approved.pk, "annual"):
        assert page.count("Start report") == 2  # half-year and annual of the approved plan
        assert reverse("web:report_start", args=[approved.pk, "annual"]) in page
    else:
        assert "Start report" not in page


def test_the_list_reads_the_same_number_of_queries_for_10_or_100_measures(
    khujirt, other_office, officer, make_document
):
    Membership.objects.create(user=officer, organization=other_office, role=Membership.Role.VIEWER)
    client = client_for(officer)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("web:plan_list")).status_code == 200
        return len(queries)

    report_import_document(
        document=make_document(objectives=2, measures_per_objective=5, year=2023),
        organization=khujirt,
    )
    count()  # warm up the session
    small = count()
    report_import_document(
        document=make_document(objectives=10, measures_per_objective=10, year=2024),
        organization=khujirt,
    )
    report_import_document(
        document=make_document(objectives=10, measures_per_objective=10, year=2024),
        organization=other_office,
    )
    build_plan(other_office, year=2025, objectives=5, measures_per_objective=20)
    assert Plan.objects.count() == 4
    assert count() == small
