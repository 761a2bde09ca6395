"""Fixtures of the notification tests: the review personas, and tasks run at once."""

from __future__ import annotations

import pytest

from tests.review.conftest import far_reviewer, fill, reviewer  # noqa: F401


@pytest.fixture
def immediate_tasks(settings):
    """Enqueued tasks run at once (the worker's job, in the test's process)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
