"""The review services: reviewer scores beside self-assessed ones, accept, publish, correct."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from shudarga.plans.errors import (
    ReasonRequiredError,
    ReportLockedError,
    ResultValueError,
)
from shudarga.plans.models import Evidence, ReportEvent, ReportPublication, ReportSummary
from shudarga.plans.reports.filling import evidence_add_link, evidence_remove, result_update
from shudarga.plans.reports.workflow import report_accept, report_return
from shudarga.plans.review.publication import publication_correct, report_publish
from shudarga.plans.review.scoring import review_agree, review_score
from tests.review.conftest import by_number

pytestmark = pytest.mark.django_db


def test_it_keeps_the_reviewer_score_beside_the_self_assessed_one(submitted, reviewer):
    r = by_number(submitted)["1.1"]
    review_score(user=reviewer, result=r, score=Decimal("30"), not_due=False, comment="thin")
    r.refresh_from_db()
    assert (r.score, r.reviewer_score, r.reviewer_comment) == (100, 30, "thin")
    assert r.reviewed_by == reviewer and r.reviewed_at is not None
    assert r.official_score == (30, False)


def test_the_official_total_uses_the_reviewer_scores(submitted, reviewer):
    results = by_number(submitted)
    review_score(
        user=reviewer, result=results["1.1"], score=Decimal("30"), not_due=False, comment=""
    )
    review_score(
        user=reviewer, result=results["2.2"], score=Decimal("0"), not_due=False, comment=""
    )
    summary = ReportSummary.objects.get(report=submitted)
    assert summary.self_total == Decimal("90")  # (100 + 70 + 100) / 3
    assert summary.official_total == Decimal("50")  # (30 + 70 + 100 + 0) / 4


def test_it_refuses_a_score_off_the_scale_or_with_not_due(submitted, reviewer):
    r = by_number(submitted)["1.1"]
    with pytest.raises(ResultValueError):
        review_score(user=reviewer, result=r, score=Decimal("55"), not_due=False, comment="")
    with pytest.raises(ResultValueError):
        review_score(user=reviewer, result=r, score=Decimal("30"), not_due=True, comment="")
    with pytest.raises(ResultValueError):
        review_score(user=reviewer, result=r, score=None, not_due=False, comment="")


def test_only_a_reviewer_scores(submitted, officer, head, far_reviewer):
    r = by_number(submitted)["1.1"]
    for user in (officer, head, far_reviewer):
        with pytest.raises(PermissionDenied):
            review_score(user=user, result=r, score=Decimal("30"), not_due=False, comment="")


def test_a_reviewer_cannot_edit_the_officers_fields(report, reviewer):
    r = by_number(report)["1.1"]
    with pytest.raises(PermissionDenied):
        result_update(
            user=reviewer,
            result=r,
            expected_version=r.version,
            spent=None,
            achieved="mine",
            score=Decimal("100"),
            not_due=False,
        )


def test_a_draft_report_is_not_scored(report, officer, reviewer):
    with pytest.raises(ReportLockedError):
        review_score(
            user=reviewer,
            result=by_number(report)["1.1"],
            score=Decimal("30"),
            not_due=False,
            comment="",
        )


def test_accept_and_return_record_who_when_why(submitted, reviewer, head, officer):
    report_return(user=reviewer, report=submitted, reason="Evidence for 1.2 is missing")
    event = ReportEvent.objects.filter(report=submitted).last()
    assert (event.to_status, event.by, event.reason) == (
        "returned",
        reviewer,
        "Evidence for 1.2 is missing",
    )
    from shudarga.plans.reports.workflow import report_submit

    report_submit(user=head, report=submitted)
    review_agree(user=reviewer, report=submitted)
    accepted = report_accept(user=reviewer, report=submitted)
    assert accepted.status == "accepted" and accepted.accepted_at is not None
    assert accepted.submitted_at is not None
    event = ReportEvent.objects.filter(report=submitted).last()
    assert (event.from_status, event.to_status, event.by) == ("submitted", "accepted", reviewer)
    assert ReportSummary.objects.get(report=submitted).status == "accepted"


def test_the_head_publishes_when_the_setting_says_head(settings, submitted, reviewer, head):
    settings.SHUDARGA_PUBLISHER = "head"
    review_score(
        user=reviewer,
        result=by_number(submitted)["1.1"],
        score=Decimal("30"),
        not_due=False,
        comment="",
    )
    review_agree(user=reviewer, report=submitted)
    report_accept(user=reviewer, report=submitted)
    with pytest.raises(PermissionDenied):
        report_publish(user=reviewer, report=submitted)
    publication = report_publish(user=head, report=submitted)
    submitted.refresh_from_db()
    assert submitted.status == "published" and submitted.published_at is not None
    assert (publication.version, publication.is_current) == (1, True)
    measures = [m for o in publication.document["objectives"] for m in o["measures"]]
    assert [(m["number"], m["score"], m["not_due"]) for m in measures] == [
        ("1.1", 30, False),
        ("1.2", 70, False),
        ("2.1", 100, False),
        ("2.2", None, True),
    ]
    assert publication.official_total == Decimal("66.666667")
    # Citizens see both scores: the self-assessed one and the reviewer's, with the comment.
    first = measures[0]
    assert (first["self_score"], first["reviewer_score"]) == (
        float(by_number(submitted)["1.1"].score),
        30,
    )
    # The reviewer agreed with the other self scores: theirs now (2.2 not yet due: no number).
    assert [m.get("reviewer_score") for m in measures[1:]] == [70, 100, None]


def test_the_reviewer_publishes_when_the_setting_says_reviewer(settings, submitted, reviewer, head):
    settings.SHUDARGA_PUBLISHER = "reviewer"
    review_agree(user=reviewer, report=submitted)
    report_accept(user=reviewer, report=submitted)
    with pytest.raises(PermissionDenied):
        report_publish(user=head, report=submitted)
    assert report_publish(user=reviewer, report=submitted).version == 1


def test_a_report_is_published_only_once_accepted(submitted, head):
    with pytest.raises(ReportLockedError):
        report_publish(user=head, report=submitted)


@pytest.fixture
def published(settings, submitted, reviewer, head):
    settings.SHUDARGA_PUBLISHER = "head"
    review_agree(user=reviewer, report=submitted)
    report_accept(user=reviewer, report=submitted)
    report_publish(user=head, report=submitted)
    submitted.refresh_from_db()
    return submitted


def test_a_published_report_is_frozen(published, officer, head, reviewer):
    r = by_number(published)["1.1"]
    with pytest.raises(ReportLockedError):
        result_update(
            user=officer,
            result=r,
            expected_version=r.version,
            spent=None,
            achieved="changed",
            score=Decimal("100"),
            not_due=False,
        )
    with pytest.raises(ReportLockedError):
        evidence_add_link(user=officer, result=r, url="https://example.mn/x")
    with pytest.raises(ReportLockedError):
        review_score(user=reviewer, result=r, score=Decimal("0"), not_due=False, comment="")
    with pytest.raises(ReportLockedError):
        report_return(user=reviewer, report=published, reason="late thought")
    with pytest.raises(ReportLockedError):
        report_publish(user=head, report=published)


def test_an_accepted_report_is_frozen_too(submitted, officer, reviewer):
    r = by_number(submitted)["1.1"]
    review_agree(user=reviewer, report=submitted)
    report_accept(user=reviewer, report=submitted)
    with pytest.raises(ReportLockedError):
        review_score(user=reviewer, result=r, score=Decimal("0"), not_due=False, comment="")
    with pytest.raises(ReportLockedError):
        evidence_add_link(user=officer, result=r, url="https://example.mn/x")
    assert not Evidence.objects.exists()


def test_evidence_cannot_be_removed_from_a_published_report(
    report, officer, reviewer, head, settings
):
    from tests.review.conftest import fill

    settings.SHUDARGA_PUBLISHER = "head"
    fill(report, officer)
    evidence = evidence_add_link(
        user=officer, result=by_number(report)["1.1"], url="https://example.mn/proof"
    )
    from shudarga.plans.reports.workflow import report_submit

    report_submit(user=head, report=report)
    review_agree(user=reviewer, report=report)
    report_accept(user=reviewer, report=report)
    report_publish(user=head, report=report)
    with pytest.raises(ReportLockedError):
        evidence_remove(user=officer, evidence=evidence)


def test_a_correction_makes_version_2_and_keeps_version_1(published, head):
    with pytest.raises(ReasonRequiredError):
        publication_correct(user=head, report=published, note="  ")
    second = publication_correct(user=head, report=published, note="Typo in 1.2")
    versions = list(ReportPublication.objects.filter(report=published).order_by("version"))
    assert [(p.version, p.is_current) for p in versions] == [(1, False), (2, True)]
    assert second.note == "Typo in 1.2"
    event = ReportEvent.objects.filter(report=published).last()
    assert event.reason == "Typo in 1.2" and event.by == head


def test_a_correction_needs_the_publishers_permission(published, officer, reviewer):
    for user in (officer, reviewer):
        with pytest.raises(PermissionDenied):
            publication_correct(user=user, report=published, note="x")
