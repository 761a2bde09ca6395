"""Fixtures of the operations tests: the offices and officers of tests/reporting_support."""

