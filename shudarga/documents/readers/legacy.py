"""Old Word (.doc) and Excel (.xls) files, converted by LibreOffice when it is installed.

LibreOffice runs headless, without a shell, in a temporary directory with a profile of its
own (two conversions at once would otherwise share one and fail), and is stopped after
LEGACY_CONVERT_SECONDS. What it writes (.docx or .xlsx) is read by the usual reader. Without
LibreOffice the file is refused with a message naming the missing program.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from shudarga.documents.errors import ReadError
from shudarga.documents.limits import LEGACY_CONVERT_SECONDS

PROGRAM = "LibreOffice (soffice)"
_TARGETS = {"doc": "docx", "xls": "xlsx"}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_legacy(data: bytes, kind: str) -> bytes:
    """``data`` (a .doc or .xls) as .docx or .xlsx bytes; ReadError when it cannot be."""
    target = _TARGETS[kind]
    program = soffice()
    shown = "." + kind
    if program is None:
        raise ReadError("converter_missing", kind=shown, program=PROGRAM)
    with tempfile.TemporaryDirectory(prefix="shudarga-legacy-") as work:
        folder = Path(work)
        source = folder / f"report.{kind}"
        source.write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            subprocess.run(
                command, capture_output=True, timeout=LEGACY_CONVERT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise ReadError("convert_failed", kind=shown, reason="timeout") from exc
        written = folder / "out" / f"report.{target}"
        if not written.is_file():
            raise ReadError("convert_failed", kind=shown, reason="no output")
        return written.read_bytes()
