"""A refusal of the command line: one line naming the file and the problem."""

from __future__ import annotations

from shudarga.documents.messages import message


class CommandError(Exception):
    def __init__(self, code: str, *, file: str | None = None, **params: object) -> None:
        self.code = code
        self.file = file
        self.params = params
        super().__init__(code)

    def __str__(self) -> str:
        text = message(self.code, **self.params)
        return f"{self.file}: {text}" if self.file else text
