"""The API's fixtures (tests/api/support.py) for the bounds tests too."""

from tests.api.support import anon, draft_plan, draft_report, published, rival_report, world  # noqa: F401
