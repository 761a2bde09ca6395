"""Errors shown where the person is looking: a form sent back with errors puts the cursor,
and so the page's scroll, on its first wrong field (a refused return used to reload the
page at its top, the message 6,000 px below)."""

from __future__ import annotations

from django import forms


class FocusOnErrorForm(forms.Form):
    def full_clean(self) -> None:
        super().full_clean()
        wrong = next((name for name in self.fields if name in self.errors), None)
        if wrong is not None:
            self.fields[wrong].widget.attrs["autofocus"] = True
