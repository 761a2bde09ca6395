"""Text typed in a form is kept as LF paragraphs, trimmed: one rule for every service."""

from shudarga.documents.textnorm import typed_text


def test_line_ends_of_every_browser_become_lf_and_the_ends_are_trimmed():
    assert typed_text("  Нэг\r\nХоёр\rГурав\n ") == "Нэг\nХоёр\nГурав"


def test_nothing_is_empty_text():
    assert typed_text(None) == "" and typed_text(" \r\n ") == ""
