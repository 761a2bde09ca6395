"""The official result of a measure (албан ёсны үнэлгээ): the one rule every read uses.

A measure's official (score, not due) is the reviewer's once a reviewer scored it, the
organization's self-assessed one before. Python reads call ``official_score``; reads that
aggregate in the database use ``official_expressions``, the same rule as SQL, kept beside it
(tests/plans/test_official.py checks that the two agree). Means are documents.scoring's.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.db.models import Case, F, When

# The MeasureResult columns the rule reads, in the order official_score takes them.
OFFICIAL_FIELDS = ("score", "not_due", "reviewer_score", "reviewer_not_due", "reviewed_at")


def official_score(
    score: Decimal | None,
    not_due: bool,
    reviewer_score: Decimal | None,
    reviewer_not_due: bool,
    reviewed_at: datetime | None,
) -> tuple[Decimal | None, bool]:
    """(score, not due) that count: the reviewer's when reviewed, else the self-assessed."""
    if reviewed_at is not None:
        return reviewer_score, reviewer_not_due
    return score, not_due


def official_expressions(prefix: str = "") -> tuple[Case, Case]:
    """``official_score`` as two database expressions (score, not due), for a query on
    MeasureResult (``prefix=""``) or one that reaches it through a relation (``"results__"``).
    """
    reviewed = {f"{prefix}reviewed_at__isnull": False}
    return (
        Case(When(**reviewed, then=F(f"{prefix}reviewer_score")), default=F(f"{prefix}score")),
        Case(When(**reviewed, then=F(f"{prefix}reviewer_not_due")), default=F(f"{prefix}not_due")),
    )
