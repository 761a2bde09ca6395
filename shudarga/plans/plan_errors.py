"""Refusals of the plan-writing services (editing.py, approval.py).

Each carries a message for the person who asked, in the language active when it is shown
(``str(error)``); pages show it as it is, the command line and the API may do the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from shudarga.plans.editing import MeasureValues


class PlanActionRefused(Exception):
    """A change the plan's state does not allow; nothing was written."""

    def __init__(self, message: str | Promise) -> None:
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.message)


class PlanLockedError(PlanActionRefused):
    """The plan is approved: it is locked until its head reopens it."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "The plan is approved and locked. Its head must reopen it, with a reason, "
                "before it can be changed."
            )
        )


class PlanExistsError(PlanActionRefused):
    """The organization already has a plan for that year."""

    def __init__(self, *, organization: str, year: int) -> None:
        self.organization = organization
        self.year = year
        super().__init__(
            _("%(organization)s already has a plan for %(year)s.")
            % {"organization": organization, "year": year}
        )


class NoPreviousPlanError(PlanActionRefused):
    def __init__(self, *, year: int) -> None:
        super().__init__(_("There is no plan before %(year)s to copy from.") % {"year": year})


class PlanStateError(PlanActionRefused):
    """Approving an approved plan, reopening a draft, approving an empty plan."""


class PlanReopenRefused(PlanActionRefused):
    """A report of the plan is submitted, accepted or published: the plan stays as it was."""


class MeasureHasResultsError(PlanActionRefused):
    """A measure (or an objective with such measures) that a report has results for."""


class ConflictError(Exception):
    """The measure changed since the person opened it: their edit was not saved.

    ``current`` holds the stored values and ``version`` the stored version, so a page can
    show both and let the person choose.
    """

    def __init__(self, *, current: MeasureValues, version: int, number: str) -> None:
        self.current = current
        self.version = version
        self.number = number
        super().__init__(f"measure {number} is at version {version}")
