"""The report sheet: starting a report, filling in each measure, the live results, conflicts."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shudarga.plans.models import MeasureResult, Plan, Report
from shudarga.plans.reports.filling import evidence_add_link, report_start, result_update
from tests.personas import HTMX, client_for, make_plan, result_data

pytestmark = pytest.mark.django_db


def edit_page(client, report) -> str:
    response = client.get(reverse("web:report_edit", args=[report.pk]))
    assert response.status_code == 200
    return response.content.decode()


def save(client, report, result, htmx=False, **values):
    url = reverse("web:report_result", args=[report.pk, result.pk])
    return client.post(url, result_data(result, **values), **(HTMX if htmx else {}))


# --- starting ---------------------------------------------------------------------------


@pytest.mark.parametrize("period", ["half_year", "annual"])
def test_it_starts_a_report_and_opens_its_sheet(plan, officer, period):
    response = client_for(officer).post(reverse("web:report_start", args=[plan.pk, period]))
    report = Report.objects.get(plan=plan, period=period)
    assert response.status_code == 302
    assert response["Location"] == reverse("web:report_edit", args=[report.pk])
    assert report.results.count() == 4
    assert report.events.get().by == officer


def test_starting_again_opens_the_report_already_started(report, officer):
    client = client_for(officer)
    response = client.post(reverse("web:report_start", args=[report.plan_id, "half_year"]))
    assert response["Location"] == reverse("web:report_edit", args=[report.pk])
    assert Report.objects.count() == 1


def test_it_starts_no_report_for_a_draft_plan(khujirt, officer):
    draft = make_plan(khujirt, year=2026, status=Plan.Status.DRAFT)
    response = client_for(officer).post(reverse("web:report_start", args=[draft.pk, "annual"]))
    assert response.status_code == 302
    assert not Report.objects.exists()
    assert "approved plan" in str(next(iter(get_messages(response.wsgi_request))))


def test_it_knows_no_other_period(plan, officer):
    url = reverse("web:report_start", args=[plan.pk, "quarter"])
    assert client_for(officer).post(url).status_code == 404


# --- the sheet ----------------------------------------------------------------------------


def test_it_lists_every_measure_with_its_indicator_target_and_a_labelled_form(
    report, results, officer
):
    html = edit_page(client_for(officer), report)
    for number, result in results.items():
        assert f'id="m-{result.pk}"' in html
        assert f"Хүрэх түвшин {number}" in html
        # Each field sits inside its label (no id to tie them: a hundred measures).
        for field, tag in (("spent", "input"), ("achieved", "textarea"), ("score", "select")):
            assert re.search(rf'<label>[^<]+\n<{tag} name="r{result.pk}-{field}"', html), field
    assert html.count("Хэрэгжилтийн хувь") == 4
    for label in (
        "100 — Fully implemented",
        "70 — Being implemented",
        "0 — Not implemented",
        "ХБ — not yet due",
    ):
        assert label in html


def test_it_saves_a_measure_without_javascript_taking_a_decimal_comma(report, results, officer):
    result = results["1.1"]
    response = save(
        client_for(officer),
        report,
        result,
        spent="1 840,5",
        achieved="Нэгдүгээр догол мөр.\r\n\r\nХоёрдугаар догол мөр.",
        score="70",
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("web:report_edit", args=[report.pk]) + f"#m-{result.pk}"
    result.refresh_from_db()
    assert (result.spent, result.score, result.not_due, result.version) == (
        Decimal("1840.50"),
        Decimal("70"),
        False,
        2,
    )
    assert result.achieved == "Нэгдүгээр догол мөр.\n\nХоёрдугаар догол мөр."
    html = client_for(officer).get(response["Location"]).content.decode()
    assert 'value="1840,5"' in html
    assert "<p>Нэгдүгээр догол мөр.</p>" not in html  # a textarea holds it as typed
    assert "Нэгдүгээр догол мөр.\n\nХоёрдугаар догол мөр." in html


def test_it_marks_a_measure_not_yet_due(report, results, officer):
    save(client_for(officer), report, results["2.2"], score="not_due")
    results["2.2"].refresh_from_db()
    assert (results["2.2"].not_due, results["2.2"].score) == (True, None)


@pytest.mark.parametrize(
    ("spent", "message"),
    [
        ("-5", "cannot be below 0"),
        ("840,5555", "at most two decimals"),
        ("мянга", "Write the money spent as a number"),
        ("1,250", "can be read two ways"),
        ("1,200", "can be read two ways"),
    ],
)
def test_it_refuses_money_it_cannot_read_and_keeps_what_was_typed(
    report, results, officer, spent, message
):
    result = results["1.1"]
    response = save(
        client_for(officer),
        report,
        result,
        spent=spent,
        achieved="Хадгалагдах ёстой текст",
        score="100",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Хадгалагдах ёстой текст" in html
    result.refresh_from_db()
    assert (result.version, result.achieved) == (1, "")


def test_it_refuses_a_score_that_is_not_a_choice(report, results, officer):
    response = save(client_for(officer), report, results["1.1"], score="85")
    assert response.status_code == 400
    results["1.1"].refresh_from_db()
    assert results["1.1"].score is None


def test_saving_with_htmx_swaps_the_measure_and_the_results_panel(report, results, officer):
    client = client_for(officer)
    first = save(client, report, results["1.1"], htmx=True, score="100")
    assert first.status_code == 200
    html = first.content.decode()
    assert html.lstrip().startswith(
        f'<article class="measure state-scored" id="m-{results["1.1"].pk}"'
    )
    assert 'id="results-panel"' in html and 'hx-swap-oob="true"' in html
    assert "Consolidated result: <strong>100%</strong>" in html
    second = save(client, report, results["1.2"], htmx=True, score="0").content.decode()
    assert "Consolidated result: <strong>50%</strong>" in second
    assert '<td class="num">50%</td>' in second  # objective 1: (100 + 0) / 2
    assert "2 measures scored" in second
    assert first["Vary"] and "HX-Request" in first["Vary"]


def test_the_panel_pools_measures_across_objectives_and_leaves_not_due_out(
    report, results, officer
):
    client = client_for(officer)
    save(client, report, results["1.1"], score="100")
    save(client, report, results["2.1"], score="0")
    save(client, report, results["2.2"], score="0")
    html = save(client, report, results["1.2"], htmx=True, score="not_due").content.decode()
    assert "Consolidated result: <strong>33%</strong>" in html  # 100 / 3, not (100 + 0) / 2
    assert "Every measure is scored or marked not yet due." in html


def test_it_lists_the_unscored_measures_and_marks_them_on_the_sheet(report, results, officer):
    client = client_for(officer)
    save(client, report, results["1.1"], score="100")
    save(client, report, results["2.2"], score="not_due")
    html = edit_page(client, report)
    assert "2 measures are not evaluated yet:" in html
    assert f'<a href="#m-{results["1.2"].pk}">1.2</a>' in html
    assert f'<a href="#m-{results["2.1"].pk}">2.1</a>' in html
    assert html.count("measure state-unscored") == 2
    assert html.count('<span class="badge badge-unscored">Not evaluated</span>') == 2
    assert f'class="measure state-scored" id="m-{results["1.1"].pk}"' in html
    assert f'class="measure state-not_due" id="m-{results["2.2"].pk}"' in html


# --- two people, one measure --------------------------------------------------------------


def test_a_conflict_shows_both_versions_and_overwrites_nothing(report, results, officer, head):
    result = results["1.1"]
    save(client_for(head), report, result, spent="100", achieved="Даргын бичсэн", score="70")
    response = save(
        client_for(officer),
        report,
        result,
        version=1,
        spent="200",
        achieved="Мэргэжилтний бичсэн",
        score="100",
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this measure" in html
    assert "Батбаяр saved it on" in html
    assert "Даргын бичсэн" in html and "Мэргэжилтний бичсэн" in html
    assert "70 — Being implemented" in html and "100 — Fully implemented" in html
    # The form keeps the officer's text, now against the stored version: saving it is a choice.
    assert f'name="r{result.pk}-version" value="2"' in html
    assert "Save my version" in html
    result.refresh_from_db()
    assert (result.achieved, result.spent, result.version) == ("Даргын бичсэн", Decimal("100"), 2)


def test_after_a_conflict_the_user_can_keep_theirs_or_take_the_stored_one(
    report, results, officer, head
):
    result = results["1.1"]
    save(client_for(head), report, result, achieved="Даргын бичсэн", score="70")
    client = client_for(officer)
    conflict = save(
        client, report, result, htmx=True, version=1, achieved="Мэргэжилтний бичсэн", score="100"
    )
    assert conflict.status_code == 200  # htmx swaps only 2xx answers
    assert "Someone else changed this measure" in conflict.content.decode()
    stored = client.get(
        reverse("web:report_result", args=[report.pk, result.pk]), **HTMX
    ).content.decode()
    assert "Даргын бичсэн" in stored and "Мэргэжилтний бичсэн" not in stored
    kept = save(client, report, result, version=2, achieved="Мэргэжилтний бичсэн", score="100")
    assert kept.status_code == 302
    result.refresh_from_db()
    assert (result.achieved, result.version) == ("Мэргэжилтний бичсэн", 3)


def test_taking_the_stored_version_without_javascript_goes_back_to_the_sheet(
    report, results, officer
):
    url = reverse("web:report_result", args=[report.pk, results["1.1"].pk])
    response = client_for(officer).get(url)
    assert (
        response["Location"]
        == reverse("web:report_edit", args=[report.pk]) + f"#m-{results['1.1'].pk}"
    )


# --- locked -------------------------------------------------------------------------------


def test_a_submitted_report_shows_no_controls_and_refuses_a_save_keeping_the_text(
    report, results, officer
):
    Report.objects.filter(pk=report.pk).update(status=Report.Status.SUBMITTED)
    client = client_for(officer)
    html = edit_page(client, report)
    assert "submitted and is locked" in html
    assert "<form" not in html.split('<main id="main">')[1]
    response = save(client, report, results["1.1"], achieved="Оройтсон бичвэр", score="100")
    assert response.status_code == 409
    assert "report was submitted meanwhile and is locked" in response.content.decode()
    assert "Оройтсон бичвэр" in response.content.decode()
    results["1.1"].refresh_from_db()
    assert (results["1.1"].achieved, results["1.1"].version) == ("", 1)


# --- safety -------------------------------------------------------------------------------


def test_text_typed_by_users_is_shown_escaped(report, results, officer):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client = client_for(officer)
    save(client, report, results["1.1"], achieved=attack, score="100")
    evidence_add_link(
        user=officer, result=results["1.1"], url="https://example.mn/?q=<b>", title=attack
    )
    MeasureResult.objects.filter(pk=results["1.2"].pk).update(version=5)
    conflict = save(client, report, results["1.2"], version=1, achieved=attack).content.decode()
    for html in (
        edit_page(client, report),
        conflict,
        client.get(reverse("web:report_history", args=[report.pk])).content.decode(),
        client.get(reverse("web:report", args=[report.pk])).content.decode(),
    ):
        assert "<script>alert" not in html
        assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in edit_page(client, report)


def test_the_sheet_asks_the_database_the_same_number_of_times_for_10_and_100_measures(
    khujirt, officer
):
    counts = []
    for year, per_objective in ((2021, 2), (2022, 20)):
        plan = make_plan(khujirt, objectives=5, measures_per_objective=per_objective, year=year)
        report = report_start(user=officer, plan=plan, period="annual")
        for i, result in enumerate(report.results.order_by("pk")):
            if i % 2:
                result_update(
                    user=officer,
                    result=result,
                    expected_version=1,
                    spent=Decimal(i),
                    achieved=f"Хийсэн {i}",
                    score=Decimal("100"),
                    not_due=False,
                )
            evidence_add_link(user=officer, result=result, url=f"https://example.mn/{i}")
        assert report.results.count() == 5 * per_objective
        client = client_for(officer)
        client.get(reverse("web:report_edit", args=[report.pk]))  # warm the session
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("web:report_edit", args=[report.pk]))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_saving_a_measure_with_htmx_asks_the_same_number_of_times_for_10_and_100_measures(
    khujirt, officer
):
    counts = []
    for year, per_objective in ((2021, 2), (2022, 20)):
        plan = make_plan(khujirt, objectives=5, measures_per_objective=per_objective, year=year)
        report = report_start(user=officer, plan=plan, period="annual")
        result = report.results.order_by("pk").first()
        client = client_for(officer)
        client.get(reverse("web:report_edit", args=[report.pk]))
        with CaptureQueriesContext(connection) as queries:
            assert save(client, report, result, htmx=True, score="100").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
