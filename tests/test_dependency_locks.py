"""The lock files are in step with pyproject.toml: every dependency it names is pinned at a
version it allows, with hashes; the development lock pins the runtime at the same versions;
no development tool is in the runtime lock. No network: the files are read as they are."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = [Requirement(r) for r in PROJECT["dependencies"]]
DEV = [Requirement(r) for r in PROJECT["optional-dependencies"]["dev"]]
REGENERATE = "the lock files are out of step with pyproject.toml: run scripts/lock"
PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)")
PYTHON_311_LINUX = {"python_version": "3.11", "sys_platform": "linux", "platform_system": "Linux"}


def pins(name: str) -> dict[str, Version]:
    """{package: version} of a lock file; fails when a pin has no hash."""
    text = (ROOT / name).read_text(encoding="utf-8")
    found = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        if match := PIN.match(block):
            assert "--hash=sha256:" in block, f"{name}: {match[1]} has no hash; {REGENERATE}"
            found[canonicalize_name(match[1])] = Version(match[2])
    return found


def extra_packages(requirement: Requirement) -> set[str]:
    """What the requirement's extras add (psycopg[binary] → psycopg-binary), from the metadata
    of the installed package."""
    if not requirement.extras:
        return set()
    added = set()
    for line in metadata.requires(requirement.name) or []:
        needed = Requirement(line)
        if not needed.marker or needed.marker.evaluate({**PYTHON_311_LINUX, "extra": ""}):
            continue  # not one an extra adds
        for extra in requirement.extras:
            if needed.marker.evaluate({**PYTHON_311_LINUX, "extra": extra}):
                added.add(canonicalize_name(needed.name))
    return added


def missing(requirements: list[Requirement], locked: dict[str, Version]) -> list[str]:
    problems = []
    for requirement in requirements:
        name = canonicalize_name(requirement.name)
        if name not in locked:
            problems.append(f"{requirement} is not pinned")
        elif locked[name] not in requirement.specifier:
            problems.append(f"{requirement}: the lock pins {locked[name]}")
        problems += [f"{requirement}: {p} is not pinned" for p in extra_packages(requirement)
                     if p not in locked]  # fmt: skip
    return problems


@pytest.mark.parametrize(
    ("lock", "requirements"),
    [("requirements.lock", RUNTIME), ("requirements-dev.lock", RUNTIME + DEV)],
)
def test_every_dependency_of_pyproject_is_pinned_in_the_lock(lock, requirements):
    assert missing(requirements, pins(lock)) == [], REGENERATE


def test_the_development_lock_pins_the_runtime_at_the_same_versions():
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime, REGENERATE


def test_no_development_tool_is_in_the_runtime_lock():
    runtime = pins("requirements.lock")
    assert {canonicalize_name(r.name) for r in DEV} & runtime.keys() == set(), REGENERATE


def test_the_check_finds_a_dependency_the_lock_lacks_or_pins_outside_its_range():
    locked = {"django": Version("5.2.19"), "psycopg": Version("3.3.9")}
    requirements = [Requirement("Django>=6"), Requirement("tqdm"), Requirement("psycopg[binary]")]
    assert missing(requirements, locked) == [
        "Django>=6: the lock pins 5.2.19",
        "tqdm is not pinned",
        "psycopg[binary]: psycopg-binary is not pinned",
    ]
