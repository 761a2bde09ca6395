"""Fixtures of the bounds tests: the API's (tests/api/support.py) and a submitted report."""

import pytest

from shudarga.plans.reports.workflow import report_submit
from tests.api.support import anon, draft_plan, draft_report, published, rival_report, world  # noqa: F401
from tests.review.conftest import fill


@pytest.fixture
def submitted(report, officer, head):
    """Khujirt's half-year report, filled in and submitted: the reviewer's pages take it."""
    fill(report, officer)
    report_submit(user=head, report=report)
    return report
