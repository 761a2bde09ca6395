"""The form field of every sum of money (thousand MNT): the planned budget of a measure and
the money spent on it are typed, read and refused by one rule (documents.amounts)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from shudarga.documents import limits
from shudarga.documents.amounts import AmountAmbiguousError, AmountError, parse_typed_amount
from shudarga.documents.textnorm import refused_character
from shudarga.web.templatetags.plan_format import amount_text

_MINUS = "-−–"


class AmountField(forms.CharField):
    """Thousand MNT as people write it ("1 200,5", "1,200.5", "5 сая"); empty or "-" is no
    amount (None). Refused, each with its own message: what is not a number, what can be
    read two ways ("1,200"), a negative sum, more than two decimals, more than the columns
    hold. A form may name the field in its messages (``error_messages``)."""

    default_error_messages: ClassVar[dict[str, object]] = {
        "invalid": _("Write the amount as a number of thousand MNT, for example 1 200,5."),
        "ambiguous": _(
            "“%(text)s” can be read two ways: write 1200 or 1 200 for one thousand two "
            "hundred, 1,2 for one and two tenths."
        ),
        "negative": _("The amount cannot be negative."),
        "decimals": _("The amount has at most two decimals."),
        "large": _("That sum is too large."),
    }

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("max_length", limits.AMOUNT_TEXT_MAX)
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def to_python(self, value: object) -> Decimal | None:  # type: ignore[override]
        text = (super().to_python(value) or "").strip()
        if not text:
            return None
        if len(text) > limits.AMOUNT_TEXT_MAX or refused_character(text) is not None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if text[0] in _MINUS and any(ch.isdigit() for ch in text):
            raise ValidationError(self.error_messages["negative"], code="negative")
        try:
            amount = parse_typed_amount(text)
        except AmountAmbiguousError:
            raise ValidationError(
                self.error_messages["ambiguous"], code="ambiguous", params={"text": text}
            ) from None
        except AmountError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if amount is not None and amount != amount.quantize(Decimal("0.01")):
            raise ValidationError(self.error_messages["decimals"], code="decimals")
        if amount is not None and amount >= Decimal(10) ** limits.AMOUNT_DIGITS:
            raise ValidationError(self.error_messages["large"], code="large")
        return amount

    def validate(self, value: object) -> None:
        if value in self.empty_values and self.required:
            raise ValidationError(self.error_messages["required"], code="required")

    def run_validators(self, value: object) -> None:
        """The length was checked on the text; the validators of a CharField do not apply
        to the Decimal it became."""

    def prepare_value(self, value: object) -> object:
        return amount_text(value) if isinstance(value, Decimal) else value
