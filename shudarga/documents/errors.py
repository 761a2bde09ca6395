"""The one error type a reader raises when it refuses a whole file."""

from __future__ import annotations

from shudarga.documents.messages import message


class ReadError(Exception):
    """A file cannot be read as a report; ``code`` names the problem, ``params`` its details."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(message(code, "en", **params))

    def text(self, lang: str | None = None) -> str:
        return message(self.code, lang, **self.params)


class RenderTooLargeError(ReadError):
    """A document is larger than a writer lays out within its bound (documents.limits)."""
