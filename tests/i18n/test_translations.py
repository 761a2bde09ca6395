"""Mongolian is the interface's first language: every string the pages show has a translation."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import require_tool

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "shudarga/locale/mn/LC_MESSAGES/django.po"
MO = PO.with_suffix(".mo")
_ENTRY = re.compile(r'^msgid "(.*)"$', re.MULTILINE)


def entries(po_text: str) -> dict[str, str]:
    """msgid → msgstr (plural entries by their singular, msgstr[0]); multi-line strings joined."""
    out: dict[str, str] = {}
    for block in po_text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#")]
        key, value, current = "", "", None
        for line in lines:
            if line.startswith("msgid "):
                current, key = "id", line[7:-1]
            elif line.startswith("msgid_plural"):
                current = None
            elif line.startswith(("msgstr ", "msgstr[0] ")):
                current, value = "str", line.split(" ", 1)[1][1:-1]
            elif line.startswith("msgstr["):
                current = None
            elif line.startswith('"') and current == "id":
                key += line[1:-1]
            elif line.startswith('"') and current == "str":
                value += line[1:-1]
        if key:
            out[key] = value
    return out


def test_every_message_has_a_mongolian_translation_and_none_is_fuzzy():
    text = PO.read_text(encoding="utf-8")
    missing = [k for k, v in entries(text).items() if not v]
    assert missing == []
    assert "#, fuzzy" not in text


def test_the_compiled_catalogue_is_built_from_the_current_po(tmp_path):
    msgfmt = require_tool("msgfmt")
    fresh = tmp_path / "django.mo"
    subprocess.run([msgfmt, "--check", "-o", fresh, PO], check=True)
    assert fresh.read_bytes() == MO.read_bytes(), "run: .venv/bin/python manage.py compilemessages"


def test_every_string_marked_for_translation_is_in_the_catalogue(tmp_path):
    require_tool("xgettext")
    copy = tmp_path / "repo"
    shutil.copytree(
        ROOT / "shudarga", copy / "shudarga", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "manage.py", copy / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "mn", "--no-obsolete", "-v", "0"],
        cwd=copy,
        check=True,
        env={"PATH": "/usr/bin:/bin", "SHUDARGA_VAR_DIR": str(tmp_path / "var")},
    )
    extracted = set(
        entries((copy / "shudarga/locale/mn/LC_MESSAGES/django.po").read_text(encoding="utf-8"))
    )
    committed = set(entries(PO.read_text(encoding="utf-8")))
    assert sorted(extracted - committed) == [], "run: .venv/bin/python manage.py makemessages -l mn"
