"""Forms of the report sheet: one measure's result, the reason of a return.

The forms only read what was typed; the rules (scale levels, locks, versions) are the
services' (plans.reports.filling, plans.reports.workflow).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from shudarga.documents import limits
from shudarga.plans.models import MeasureResult, Scale, ScaleLevel
from shudarga.web.text_fields import TypedTextField

NOT_DUE = "not_due"
_SPACES = re.compile(r"[\s\u00a0\u202f']+")


class AmbiguousAmountError(ValueError):
    """ "1,250" may be 1.25 (decimal comma) or 1250 (thousands): we do not guess."""


def parse_amount(text: str) -> Decimal | None:
    """A sum of money as people type it: "840,0" and "840.0" are 840; "1 250,5" and
    "1,250.5" are 1250.5 (spaces group thousands; with both marks, the last one is the
    decimal mark). "1,250" alone is ambiguous (AmbiguousAmountError). Empty is None;
    anything else is a ValueError."""
    text = _SPACES.sub("", text or "")
    if not text:
        return None
    if re.fullmatch(r"\d{1,3}(,\d{3})+", text):
        raise AmbiguousAmountError(text)
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        text = text.replace(thousands, "")
    text = text.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        raise ValueError(text)
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(text) from exc


def plain_score(value: Decimal) -> str:
    """100.00 → "100", 2.50 → "2.5": the form's value for a score."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def level_label(level: ScaleLevel) -> str:
    label = level.label_en if get_language() == "en" and level.label_en else level.label_mn
    return f"{plain_score(level.score)} — {label}" if label else plain_score(level.score)


class ResultForm(forms.Form):
    """One measure's result. ``prefix`` is ``r<result pk>`` so a page holds one per measure."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    spent = TypedTextField(
        label=_("Money spent (thousand MNT)"),
        required=False,
        max_length=limits.AMOUNT_TEXT_MAX,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 12}),
        help_text=_("A number such as 840 or 840,5; leave empty when nothing was spent."),
    )
    achieved = TypedTextField(
        label=_("What was achieved"),
        required=False,
        max_length=limits.ACHIEVED_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    score = forms.ChoiceField(label=_("Self-assessed score"), required=False)

    def __init__(
        self,
        *args: object,
        scale: Scale,
        levels: Sequence[ScaleLevel],
        stored_score: Decimal | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, str]] = [("", _("— not evaluated yet —"))]
        choices += [(plain_score(lvl.score), level_label(lvl)) for lvl in levels]
        values = {plain_score(lvl.score) for lvl in levels}
        if stored_score is not None and plain_score(stored_score) not in values:
            choices.append(
                (
                    plain_score(stored_score),
                    _("%(score)s (as imported, not on the scale)")
                    % {"score": plain_score(stored_score)},
                )
            )
        choices.append((NOT_DUE, _("%(mark)s — not yet due") % {"mark": scale.not_due_mark}))
        self.fields["score"].choices = choices
        # What the sheet's <select> shows: a level by its number alone (its words are the
        # scale's legend, once on the sheet: a hundred measures repeated them 470 bytes each);
        # "not evaluated yet" is a dash, also explained by the legend.
        on_scale = values | {NOT_DUE}
        shown = {"": "—", NOT_DUE: scale.not_due_mark}
        self.score_labels = [
            (value, shown.get(value, value if value in on_scale else label))
            for value, label in choices
        ]

    def score_options(self) -> str:
        """The <option>s of the score, the chosen one selected: a level's value is its text."""
        chosen = self["score"].value()
        chosen = "" if chosen is None else str(chosen)
        parts = []
        for value, label in self.score_labels:
            selected = " selected" if value == chosen else ""
            if value == label:
                parts.append(f"<option{selected}>{escape(value)}</option>")
            else:
                parts.append(f'<option value="{escape(value)}"{selected}>{escape(label)}</option>')
        return mark_safe("".join(parts))  # every value and label is escaped

    @classmethod
    def initial_for(cls, result: MeasureResult) -> dict[str, object]:
        if result.not_due:
            score = NOT_DUE
        elif result.score is not None:
            score = plain_score(result.score)
        else:
            score = ""
        spent = "" if result.spent is None else plain_score(result.spent).replace(".", ",")
        return {
            "version": result.version,
            "spent": spent,
            "achieved": result.achieved,
            "score": score,
        }

    def clean_spent(self) -> Decimal | None:
        try:
            value = parse_amount(self.cleaned_data.get("spent", ""))
        except AmbiguousAmountError:
            raise forms.ValidationError(
                _("Write thousands without a separator (1250) and decimals after a comma (840,5)."),
                code="ambiguous",
            ) from None
        except ValueError:
            raise forms.ValidationError(
                _("Write the money spent as a number, for example 840 or 840,5."),
                code="number",
            ) from None
        if value is not None and value < 0:
            raise forms.ValidationError(_("Money spent cannot be below 0."), code="negative")
        if value is not None and value != value.quantize(Decimal("0.01")):
            raise forms.ValidationError(_("Money spent has at most two decimals."), code="decimals")
        if value is not None and value >= Decimal(10) ** limits.AMOUNT_DIGITS:
            raise forms.ValidationError(_("That sum is too large."), code="large")
        return value

    def values(self) -> dict[str, object]:
        """The service's keyword arguments (spent, achieved, score, not_due)."""
        data = self.cleaned_data
        choice = data.get("score") or ""
        return {
            "spent": data.get("spent"),
            "achieved": data.get("achieved", ""),
            "score": None if choice in ("", NOT_DUE) else Decimal(choice),
            "not_due": choice == NOT_DUE,
        }
