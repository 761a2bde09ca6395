"""Forms of the report sheet: one measure's result, the reason of a return.

The forms only read what was typed; the rules (scale levels, locks, versions) are the
services' (plans.reports.filling, plans.reports.workflow).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from shudarga.documents import limits
from shudarga.plans.models import MeasureResult, Scale, ScaleLevel
from shudarga.web.amount_field import AmountField
from shudarga.web.text_fields import TypedTextField

NOT_DUE = "not_due"


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
    spent = AmountField(
        label=_("Money spent (thousand MNT)"),
        required=False,
        error_messages={
            "invalid": _("Write the money spent as a number, for example 840 or 840,5."),
            "negative": _("Money spent cannot be below 0."),
            "decimals": _("Money spent has at most two decimals."),
        },
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
