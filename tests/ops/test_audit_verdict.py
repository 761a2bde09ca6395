""".ci/audit reads pip-audit's JSON report: a known vulnerability fails CI, a database that
answered for no package is "unreachable, not checked", never a pass that checked nothing."""

from __future__ import annotations

from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader

from tests.ops.server import ROOT

loader = SourceFileLoader("ci_audit", str(ROOT / ".ci/audit"))
audit = module_from_spec(spec_from_loader("ci_audit", loader))
loader.exec_module(audit)

DJANGO = {"name": "django", "version": "5.2.19", "vulns": []}
TQDM = {"name": "tqdm", "skip_reason": "Dependency not found on PyPI and could not be audited"}


def test_a_known_vulnerability_fails_with_its_id_and_fix():
    vulnerable = {
        **DJANGO,
        "vulns": [{"id": "PYSEC-2026-1", "fix_versions": ["5.2.20"], "description": "…"}],
    }
    status, lines = audit.verdict({"dependencies": [vulnerable, TQDM]})
    assert status == 1
    assert lines == [
        "pip-audit: django 5.2.19: PYSEC-2026-1 (fixed in 5.2.20)",
        "pip-audit: not checked (not in the database): tqdm",
        "pip-audit: 1 packages checked, 1 known vulnerabilities",
    ]


def test_nothing_known_passes_and_says_how_many_were_checked():
    assert audit.verdict({"dependencies": [DJANGO]}) == (
        0,
        ["pip-audit: 1 packages checked, 0 known vulnerabilities"],
    )


def test_a_database_that_knows_no_package_is_unreachable_not_a_pass():
    assert audit.verdict({"dependencies": [TQDM, {**TQDM, "name": "django"}]}) == (2, [])
