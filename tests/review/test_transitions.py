"""The one state machine (plans.reports.transitions): every step, from every state, by every persona.

Each step is taken through the service people use (plans.reports.workflow, plans.review.publication,
plans.reports.filling, the import); the table says which states allow it and who may take it, and
each step taken writes exactly one ReportEvent and one log line.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied

from shudarga.plans.errors import (
    ReasonRequiredError,
    ReportLockedError,
    UnscoredMeasuresError,
)
from shudarga.plans.models import Report, ReportEvent, ReportPublication
from shudarga.plans.reports.transitions import TRANSITIONS, Step, step_allowed
from shudarga.plans.reports.workflow import report_accept, report_return, report_submit
from shudarga.plans.review.publication import (
    publication_correct,
    report_publish,
    report_reopen,
)
from shudarga.plans.review.scoring import review_agree
from tests.review.conftest import fill

pytestmark = pytest.mark.django_db

S = Report.Status


@pytest.fixture(autouse=True)
def _head_publishes(settings):
    settings.SHUDARGA_PUBLISHER = "head"


def _agree_and_accept(reviewer, report: Report) -> None:
    # Accepting needs a reviewer's score on every measure; a step the state refuses is
    # refused by the agreeing already (ReportLockedError), as by the acceptance itself.
    review_agree(user=reviewer, report=report)
    report_accept(user=reviewer, report=report)


def take(step: str, report: Report, people: dict, reason: str = "Нотлох баримт дутуу") -> None:
    """Take ``step`` through its service, as the persona the table says may take it."""
    services = {
        Step.SUBMIT: lambda: report_submit(user=people["head"], report=report),
        Step.RETURN: lambda: report_return(user=people["reviewer"], report=report, reason=reason),
        Step.ACCEPT: lambda: _agree_and_accept(people["reviewer"], report),
        Step.PUBLISH: lambda: report_publish(user=people["head"], report=report),
        Step.CORRECT: lambda: publication_correct(user=people["head"], report=report, note=reason),
        Step.REOPEN: lambda: report_reopen(user=people["head"], report=report, reason=reason),
    }
    services[step]()


# The way to each state from a filled-in draft.
PATH_TO = {
    S.DRAFT: [],
    S.SUBMITTED: [Step.SUBMIT],
    S.RETURNED: [Step.SUBMIT, Step.RETURN],
    S.ACCEPTED: [Step.SUBMIT, Step.ACCEPT],
    S.PUBLISHED: [Step.SUBMIT, Step.ACCEPT, Step.PUBLISH],
}
SERVICE_STEPS = (Step.SUBMIT, Step.RETURN, Step.ACCEPT, Step.PUBLISH, Step.CORRECT, Step.REOPEN)


@pytest.fixture
def people(officer, head, viewer, rival, reviewer, far_reviewer, national, staff):
    return {
        "officer": officer,
        "head": head,
        "viewer": viewer,
        "rival": rival,
        "reviewer": reviewer,
        "far_reviewer": far_reviewer,
        "national": national,
        "staff": staff,
    }


def report_in(state: str, report: Report, people: dict) -> Report:
    fill(report, people["officer"])
    for step in PATH_TO[state]:
        take(step, report, people)
    report.refresh_from_db()
    assert report.status == state
    return report


@pytest.mark.parametrize("state", list(PATH_TO))
@pytest.mark.parametrize("step", SERVICE_STEPS)
def test_each_step_is_taken_only_from_the_states_of_its_row(step, state, report, people):
    report = report_in(state, report, people)
    events = ReportEvent.objects.count()
    if state in TRANSITIONS[step].sources:
        take(step, report, people)
        report.refresh_from_db()
        assert report.status == TRANSITIONS[step].target
        assert ReportEvent.objects.count() == events + 1
    else:
        with pytest.raises(ReportLockedError):
            take(step, report, people)
        report.refresh_from_db()
        assert report.status == state
        assert ReportEvent.objects.count() == events


# Who may take each step, besides the persona ``take`` uses: nobody else of these.
MAY = {
    Step.SUBMIT: {"head"},
    Step.RETURN: {"reviewer", "national"},
    Step.ACCEPT: {"reviewer", "national"},
    Step.PUBLISH: {"head"},
    Step.CORRECT: {"head"},
    Step.REOPEN: {"head"},
}
FROM = {
    Step.SUBMIT: S.DRAFT,
    Step.RETURN: S.SUBMITTED,
    Step.ACCEPT: S.SUBMITTED,
    Step.PUBLISH: S.ACCEPTED,
    Step.CORRECT: S.PUBLISHED,
    Step.REOPEN: S.PUBLISHED,
}


@pytest.mark.parametrize("step", SERVICE_STEPS)
def test_everyone_else_is_refused_and_nothing_is_written(step, report, people):
    report = report_in(FROM[step], report, people)
    events = ReportEvent.objects.count()
    for name, user in people.items():
        assert step_allowed(user, report, step) == (name in MAY[step]), name
        if name in MAY[step]:
            continue
        substitute = {**people, "head": user, "reviewer": user}
        with pytest.raises(PermissionDenied):
            take(step, report, substitute)
    report.refresh_from_db()
    assert report.status == FROM[step]
    assert ReportEvent.objects.count() == events


def test_publishing_follows_the_setting(report, people, settings):
    report = report_in(S.ACCEPTED, report, people)
    settings.SHUDARGA_PUBLISHER = "reviewer"
    assert step_allowed(people["reviewer"], report, Step.PUBLISH)
    assert not step_allowed(people["head"], report, Step.PUBLISH)
    with pytest.raises(PermissionDenied):
        report_publish(user=people["head"], report=report)
    report_publish(user=people["reviewer"], report=report)


@pytest.mark.parametrize("step", [Step.RETURN, Step.CORRECT, Step.REOPEN])
@pytest.mark.parametrize("reason", ["", "  \r\n "])
def test_a_step_whose_row_needs_a_reason_is_refused_without_one(step, reason, report, people):
    report = report_in(FROM[step], report, people)
    events = ReportEvent.objects.count()
    publications = ReportPublication.objects.count()
    with pytest.raises(ReasonRequiredError):
        take(step, report, people, reason=reason)
    report.refresh_from_db()
    assert report.status == FROM[step]
    assert (ReportEvent.objects.count(), ReportPublication.objects.count()) == (
        events,
        publications,
    )


def test_every_step_writes_its_event_its_time_and_a_log_line(
    report, people, caplog, django_capture_on_commit_callbacks
):
    fill(report, people["officer"])
    caplog.set_level(logging.INFO, logger="shudarga.workflow")
    for step in (Step.SUBMIT, Step.RETURN, Step.SUBMIT, Step.ACCEPT, Step.PUBLISH, Step.CORRECT):
        with django_capture_on_commit_callbacks(execute=True):
            take(step, report, people, reason="Засвар\r\nхэрэгтэй")
    report.refresh_from_db()
    events = list(report.events.order_by("at", "pk"))
    assert [(e.step, e.from_status, e.to_status) for e in events] == [
        (Step.START, "", S.DRAFT),
        (Step.SUBMIT, S.DRAFT, S.SUBMITTED),
        (Step.RETURN, S.SUBMITTED, S.RETURNED),
        (Step.SUBMIT, S.RETURNED, S.SUBMITTED),
        (Step.ACCEPT, S.SUBMITTED, S.ACCEPTED),
        (Step.PUBLISH, S.ACCEPTED, S.PUBLISHED),
        (Step.CORRECT, S.PUBLISHED, S.PUBLISHED),
    ]
    assert [e.by for e in events] == [
        people["officer"],
        people["head"],
        people["reviewer"],
        people["head"],
        people["reviewer"],
        people["head"],
        people["head"],
    ]
    assert events[2].reason == events[6].reason == "Засвар\nхэрэгтэй"
    assert report.submitted_at and report.accepted_at and report.published_at
    steps_logged = [r.step for r in caplog.records if r.name == "shudarga.workflow"]
    assert steps_logged == [
        Step.SUBMIT,
        Step.RETURN,
        Step.SUBMIT,
        Step.ACCEPT,
        Step.PUBLISH,
        Step.CORRECT,
    ]
    assert all(r.report == report.pk for r in caplog.records if r.name == "shudarga.workflow")


def test_a_return_clears_the_submission_time(report, people):
    report = report_in(S.RETURNED, report, people)
    assert report.submitted_at is None


def test_an_incomplete_report_is_not_submitted_and_no_step_is_recorded(
    report, head, django_capture_on_commit_callbacks
):
    events = ReportEvent.objects.count()
    with django_capture_on_commit_callbacks() as logged, pytest.raises(UnscoredMeasuresError):
        report_submit(user=head, report=report)
    assert logged == []  # the step was rolled back: it is not logged
    report.refresh_from_db()
    assert report.status == S.DRAFT and report.submitted_at is None
    assert ReportEvent.objects.count() == events


def test_an_import_records_its_step_with_the_file_and_no_account(khujirt, make_document):
    from shudarga.plans.reports.storing import report_import_document

    imported = report_import_document(
        document=make_document(), organization=khujirt, source_name="khujirt-2024.docx"
    )
    (event,) = imported.events.all()
    assert (event.step, event.from_status, event.to_status, event.by, event.reason) == (
        Step.IMPORT,
        "",
        S.DRAFT,
        None,
        "khujirt-2024.docx",
    )


SOURCE = Path(__file__).resolve().parents[2] / "shudarga"
# A tuple of two or more report states written out: a group of states outside the model.
STATE_GROUP = re.compile(r"\(\s*(?:Report\.Status|S)\.[A-Z_]+\s*,\s*(?:Report\.Status|S)\.")
STATE_WRITE = re.compile(
    r"(?<!class )ReportEvent\(|ReportEvent\.objects\.(?:create|bulk_create)"
    r"|\.status\s*=\s*(?:Report\.Status|S)\."
)


def python_sources():
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path, path.read_text(encoding="utf-8")


def test_the_groups_of_states_are_defined_only_on_the_model():
    # The demo lists the states its reports end in: a choice of data, not a rule.
    offenders = [
        str(path.relative_to(SOURCE))
        for path, text in python_sources()
        if STATE_GROUP.search(text) and path.name != "models.py" and "demo" not in path.parts
    ]
    assert offenders == []


def test_only_the_state_machine_changes_a_report_state_or_writes_its_events():
    offenders = [
        str(path.relative_to(SOURCE))
        for path, text in python_sources()
        if STATE_WRITE.search(text) and path != SOURCE / "plans" / "reports" / "transitions.py"
    ]
    assert offenders == []


def test_a_published_report_is_reopened_corrected_and_published_as_the_next_version(
    report, people, client
):
    from django.urls import reverse

    from shudarga.plans.reports.filling import result_update

    report = report_in(S.PUBLISHED, report, people)
    portal = reverse("portal:report", args=[report.pk])
    take(Step.REOPEN, report, people, reason="2.1-ийн зарцуулалт буруу")
    report.refresh_from_db()
    assert report.status == S.RETURNED and report.submitted_at is None
    assert client.get(portal).status_code == 200  # citizens still read version 1
    result = report.results.get(measure__number="1.2")
    result_update(user=people["officer"], result=result, expected_version=result.version,
                  spent=None, achieved="Зассан", score=result.score, not_due=result.not_due)  # fmt: skip
    for step in (Step.SUBMIT, Step.ACCEPT, Step.PUBLISH):
        take(step, report, people)
    versions = list(report.publications.order_by("version").values_list("version", "is_current",
                                                                         "note"))  # fmt: skip
    assert versions == [(1, False, ""), (2, True, "2.1-ийн зарцуулалт буруу")]
    current = report.publications.get(is_current=True).document
    assert "Зассан" in str(current) and "Зассан" in client.get(portal).content.decode()
