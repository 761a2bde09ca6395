"""Fixtures of the operations tests: the offices and officers of tests/reporting_support."""

from tests.reporting_support import officer, other_office, rival  # noqa: F401  (fixtures)
