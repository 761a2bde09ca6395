"""Fixtures of the API tests (tests/api/support.py)."""

from tests.api.support import anon, draft_plan, draft_report, published, rival_report, world  # noqa: F401
