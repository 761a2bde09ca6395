"""Fixtures of the web tests. Add only: several engineers add fixtures here."""

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
