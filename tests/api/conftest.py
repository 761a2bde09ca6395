"""Fixtures of the API tests (tests/api/support.py)."""

from tests.api.support import anon, draft_plan, draft_report, published, rival_report, world  # noqa: F401
from tests.reporting_support import (  # noqa: F401  (fixtures)
    head,
    officer,
    other_office,
    plan,
    rival,
    viewer,
)
