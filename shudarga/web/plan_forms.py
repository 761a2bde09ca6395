"""Forms of the plan pages: they read what people type; the services decide and check again."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from shudarga.documents import limits
from shudarga.plans.planning.approval import YEAR_MAX, YEAR_MIN
from shudarga.plans.planning.editing import MeasureValues
from shudarga.web.amount_field import AmountField
from shudarga.web.focus_form import FocusOnErrorForm
from shudarga.web.text_fields import TypedTextField


def _area(rows: int = 2) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class MeasureForm(forms.Form):
    text = TypedTextField(
        max_length=limits.MEASURE_TEXT_MAX,
        label=_("Measure"),
        widget=_area(3),
        strip=True,
        error_messages={"required": _("Write what the measure is: a measure needs its text.")},
    )
    indicator = TypedTextField(
        max_length=limits.INDICATOR_MAX, label=_("Indicator"), widget=_area(), required=False
    )
    target = TypedTextField(
        max_length=limits.TARGET_MAX, label=_("Target level"), widget=_area(), required=False
    )
    planned_budget = AmountField(
        label=_("Planned budget (thousand MNT)"),
        required=False,
        error_messages={"negative": _("The planned budget cannot be negative.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 12, "maxlength": 40}),
        help_text=_("For example 1 200,5. Leave empty when no money is planned."),
    )
    responsible_unit = TypedTextField(
        max_length=limits.RESPONSIBLE_UNIT_MAX,
        label=_("Responsible unit"),
        widget=_area(1),
        required=False,
    )
    deadline = TypedTextField(
        label=_("Deadline"),
        max_length=limits.DEADLINE_MAX,
        required=False,
        help_text=_("As written in the plan, for example “1 дүгээр улирал” or “Жилдээ”."),
    )

    def values(self) -> MeasureValues:
        data = self.cleaned_data
        return MeasureValues(
            text=data["text"],
            indicator=data["indicator"],
            target=data["target"],
            planned_budget=data["planned_budget"],
            responsible_unit=data["responsible_unit"],
            deadline=data["deadline"],
        )

    @classmethod
    def initial_for(cls, values: MeasureValues) -> dict[str, object]:
        return values.as_dict()


class MeasureEditForm(MeasureForm):
    """An edit names the version of the measure it was made against."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ObjectiveForm(forms.Form):
    title = TypedTextField(
        max_length=limits.OBJECTIVE_TITLE_MAX,
        label=_("Objective"),
        widget=_area(2),
        error_messages={"required": _("Write the objective's title.")},
    )


class ReopenForm(FocusOnErrorForm):
    reason = TypedTextField(
        max_length=limits.COMMENT_MAX,
        label=_("Why is the plan reopened?"),
        widget=_area(3),
        error_messages={"required": _("Say why the plan is reopened: a reason is required.")},
    )


class PlanCreateForm(forms.Form):
    EMPTY, COPY, IMPORT = "empty", "copy", "import"
    SOURCES = (
        (EMPTY, _("Empty: I will write the objectives and measures")),
        (COPY, _("Copy the objectives and measures of the latest earlier plan (without results)")),
        (IMPORT, _("Import a file (Word, Excel, web page, text or Shudarga JSON)")),
    )

    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=None,  # set in __init__: the organizations where the user may edit
        empty_label=None,
    )
    year = forms.IntegerField(label=_("Year"), min_value=YEAR_MIN, max_value=YEAR_MAX)
    source = forms.ChoiceField(
        label=_("Start from"), choices=SOURCES, initial=EMPTY, widget=forms.RadioSelect
    )
    file = forms.FileField(
        label=_("File to import"),
        required=False,
        help_text=_(
            "Only with “Import a file”. You will see what was read before anything is saved."
        ),
    )

    def __init__(self, *args: object, organizations: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations  # type: ignore[attr-defined]
        self.fields["organization"].error_messages["invalid_choice"] = _(
            "Choose one of your organizations."
        )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("source") == self.IMPORT and not data.get("file"):
            self.add_error("file", _("Choose the file to import."))
        return data
