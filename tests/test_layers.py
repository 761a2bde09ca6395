"""The layers of docs/architecture.md, held against the imports of the code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "shudarga"

# (the modules under this path, the imports they may not make)
FORBIDDEN = [
    (
        "documents",
        (
            "django",
            "shudarga.plans",
            "shudarga.orgs",
            "shudarga.access",
            "shudarga.web",
            "shudarga.api",
        ),
    ),
    ("orgs", ("shudarga.plans", "shudarga.access", "shudarga.web", "shudarga.api")),
    (
        "access.py",
        (
            "shudarga.plans.planning",
            "shudarga.plans.reports",
            "shudarga.plans.review",
            "shudarga.plans.analytics",
            "shudarga.web",
            "shudarga.api",
        ),
    ),
    (
        "plans/models.py",
        (
            "shudarga.plans.planning",
            "shudarga.plans.reports",
            "shudarga.plans.review",
            "shudarga.plans.analytics",
            "shudarga.access",
        ),
    ),
    (
        "plans/official.py",
        (
            "shudarga.plans.planning",
            "shudarga.plans.reports",
            "shudarga.plans.review",
            "shudarga.plans.analytics",
        ),
    ),
    ("plans", ("shudarga.web", "shudarga.api", "shudarga.portal", "shudarga.cli", "shudarga.demo")),
    ("ops", ("shudarga.web", "shudarga.api", "shudarga.portal", "shudarga.cli", "shudarga.demo")),
    ("jobs", ("shudarga.web", "shudarga.api", "shudarga.portal", "shudarga.cli", "shudarga.demo")),
]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize(("place", "forbidden"), FORBIDDEN)
def test_a_layer_imports_nothing_above_it(place, forbidden):
    target = SOURCE / place
    files = [target] if target.suffix == ".py" else sorted(target.rglob("*.py"))
    offenders = sorted(
        f"{path.relative_to(SOURCE)} imports {name}"
        for path in files
        if "migrations" not in path.parts
        for name in imports_of(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    )
    assert files and offenders == []
