"""Fixtures of the plans tests. Add only: several engineers add fixtures here."""

import pytest


@pytest.fixture(autouse=True)
def _english_messages():
    """Service messages are checked in English here; the pages' Mongolian is tested in tests/web."""
    from django.utils import translation

    with translation.override("en"):
        yield
