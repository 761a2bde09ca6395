"""Forms of the reviewer's pages: a measure's final score, a correction note."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from shudarga.documents import limits
from shudarga.plans.models import MeasureResult, Scale, ScaleLevel
from shudarga.web.focus_form import FocusOnErrorForm
from shudarga.web.report_forms import NOT_DUE, level_label, plain_score
from shudarga.web.text_fields import TypedTextField


class ReviewScoreForm(forms.Form):
    """The reviewer's final score of one measure; ``prefix`` is ``v<result pk>``."""

    score = forms.ChoiceField(label=_("Reviewer's score"))
    comment = TypedTextField(
        label=_("Reviewer's comment"),
        required=False,
        max_length=limits.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self, *args: object, scale: Scale, levels: Sequence[ScaleLevel], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("— choose —"))]
        choices += [(plain_score(lvl.score), level_label(lvl)) for lvl in levels]
        choices.append((NOT_DUE, _("%(mark)s — not yet due") % {"mark": scale.not_due_mark}))
        self.fields["score"].choices = choices

    def values(self) -> dict[str, object]:
        score = self.cleaned_data["score"]
        return {
            "score": None if score == NOT_DUE else Decimal(score),
            "not_due": score == NOT_DUE,
            "comment": self.cleaned_data["comment"],
        }


def review_form_for(
    result: MeasureResult, scale: Scale, levels: Sequence[ScaleLevel], data=None
) -> ReviewScoreForm:
    """The form of one measure: the reviewer's score once given, else EMPTY (never the
    self-assessed score: taking it is an explicit "agree", not a default left standing)."""
    initial = {}
    if result.reviewed_at is not None:
        initial = {
            "score": NOT_DUE if result.reviewer_not_due else plain_score(result.reviewer_score),
            "comment": result.reviewer_comment,
        }
    return ReviewScoreForm(
        data, scale=scale, levels=levels, prefix=f"v{result.pk}", initial=initial
    )


class ReasonForm(FocusOnErrorForm):
    reason = TypedTextField(
        label=_("Reason for returning"),
        max_length=limits.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say what the organization has to fix; it is shown to them first."),
        error_messages={"required": _("A reason is required to return a report.")},
    )


class CorrectionForm(FocusOnErrorForm):
    note = TypedTextField(
        label=_("What was corrected"),
        max_length=limits.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown beside the new version; the earlier versions stay listed."),
    )
