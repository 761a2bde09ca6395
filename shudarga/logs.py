"""Log records as one JSON object per line, for whatever collects the server's stdout.

A traceback stays inside its record (the "exc" field), so a 500 is one line that a log search
finds whole; the fields a caller passes with ``extra=`` (e.g. the report and the transition of
shudarga.workflow) become fields of the line.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

# What every LogRecord has: anything else on a record came from ``extra=``.
_STANDARD = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in vars(record).items():
            if name in _STANDARD or name.startswith("_"):
                continue
            if name == "request":  # django.request, django.security: the request, not its object
                line["method"] = getattr(value, "method", None)
                line["path"] = getattr(value, "path", None)
                continue
            line[name] = _plain(value)
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False)


class ConsoleHandler(logging.StreamHandler):
    """Writes to sys.stdout (or sys.stderr, after ``setStream(sys.stderr)`` as the ``shudarga``
    command does) as it is when each record is written, not as it was when logging was set
    up: whoever replaces it later (a test's capture, a command) still gets the lines."""

    def __init__(self) -> None:
        super().__init__()
        self._name = "stdout"

    @property
    def stream(self):  # type: ignore[override]
        return getattr(sys, self._name)

    @stream.setter
    def stream(self, value: object) -> None:
        if value is not sys.stdout and value is not sys.stderr:
            raise ValueError("ConsoleHandler writes to sys.stdout or sys.stderr only")
        self._name = "stdout" if value is sys.stdout else "stderr"
