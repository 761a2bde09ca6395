"""Fixtures of the plans tests. Add only: several engineers add fixtures here."""
import pytest

from tests.reporting_support import (  # noqa: F401  (fixtures)
    evidence_root,
    head,
    officer,
    other_office,
    plan,
    report,
    results,
    rival,
    viewer,
)


@pytest.fixture(autouse=True)
def _english_messages():
    """Service messages are checked in English here; the pages' Mongolian is tested in tests/web."""
    from django.utils import translation

    with translation.override("en"):
        yield
