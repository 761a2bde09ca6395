"""The form field for text a person types: bounded in length, no control characters.

Every text field of the workspace's forms is one of these, so a limit (documents.limits) and
the refusal of NUL and other control characters hold on every form with the same message.
"""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from shudarga.documents.textnorm import refused_character


def refuse_control_characters(value: str) -> None:
    """A validator: NUL, other control characters and lone surrogates are refused by name."""
    char = refused_character(value or "")
    if char is not None:
        raise ValidationError(
            _("The text holds a control character (%(char)s) that no text may hold: remove it."),
            code="control_character",
            params={"char": char},
        )


class TypedTextField(forms.CharField):
    """A CharField with a required ``max_length`` and the control-character check."""

    default_error_messages: ClassVar[dict[str, object]] = {
        "max_length": _(
            "The text is too long: at most %(limit_value)d characters (it has %(show_value)d)."
        ),
    }

    def __init__(self, *, max_length: int, **kwargs: object) -> None:
        super().__init__(max_length=max_length, **kwargs)  # type: ignore[arg-type]
        self.validators.append(refuse_control_characters)
