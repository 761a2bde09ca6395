"""Errors raised by the organization services and selectors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shudarga.orgs.models import Organization


class OrganizationExistsError(ValueError):
    """A sibling with the same name (folded) already exists under the parent."""

    def __init__(self, *, name: str, existing: Organization) -> None:
        self.name = name
        self.existing = existing
        super().__init__(f"organization {name!r} already exists as {existing.name!r}")


class OrganizationAmbiguousError(LookupError):
    """A name matches more than one organization; narrow the search with ``within``."""

    def __init__(self, *, name: str, candidates: Sequence[Organization]) -> None:
        self.name = name
        self.candidates = list(candidates)
        names = ", ".join(f"{c.name} ({c.path})" for c in self.candidates)
        super().__init__(f"{name!r} matches several organizations: {names}")


class AssignmentRefusedError(PermissionError):
    """A reviewer assignment that separation of duties forbids (orgs.services.reviewer_assign);
    ``message`` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)
