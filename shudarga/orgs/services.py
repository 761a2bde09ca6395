"""Writes to the organization tree. ``name_folded`` and ``name_latin`` are kept in step here,
nowhere else."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shudarga.documents.textnorm import fold
from shudarga.orgs.errors import AssignmentRefusedError, OrganizationExistsError
from shudarga.orgs.latin import latin_key
from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.orgs.selectors import organization_children


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.replace("\u00a0", " ").split())
    if not cleaned:
        raise ValueError("an organization needs a name")
    return cleaned


def _check_kind(kind: str) -> str:
    if kind not in Organization.Kind.values:
        raise ValueError(f"unknown organization kind {kind!r}")
    return kind


# How the governor's office of an aimag, soum or district is named (folded): written out or
# as its usual abbreviation. Such a node right under its unit is that unit's own office.
UNIT_OFFICE_NAMES = ("засаг даргын тамгын газар", "здтг")


def looks_like_unit_office(name: str) -> bool:
    folded = fold(name)
    return any(f in folded for f in UNIT_OFFICE_NAMES)


def _sibling_named(*, parent: Organization | None, folded: str) -> Organization | None:
    return organization_children(node=parent).filter(name_folded=folded).first()


@transaction.atomic
def organization_create(
    *, name: str, kind: str, parent: Organization | None = None, short_name: str = ""
) -> Organization:
    """Add a node under ``parent`` (a root when None), after its existing siblings.

    The name is kept as written apart from trimmed and single spaces. Raises
    OrganizationExistsError when a sibling already has the same folded name.
    """
    name = _clean_name(name)
    folded = fold(name)
    if parent is not None:
        # Lock the parent so two concurrent creations cannot both pass the check below.
        parent = Organization.objects.select_for_update().get(pk=parent.pk)
    existing = _sibling_named(parent=parent, folded=folded)
    if existing is not None:
        raise OrganizationExistsError(name=name, existing=existing)
    node = Organization(
        name=name,
        name_folded=folded,
        name_latin=latin_key(name),
        kind=_check_kind(kind),
        short_name=short_name.strip(),
        # Only a node under a unit can be its office; the administrator corrects the guess.
        is_unit_office=parent is not None and looks_like_unit_office(name),
    )
    if parent is None:
        return Organization.objects.add_root(instance=node)
    return Organization.objects.add_child(parent, instance=node)


@transaction.atomic
def organization_get_or_create_path(*, path: Sequence[tuple[str, str]]) -> Organization:
    """The node at the end of ``path``, (name, kind) pairs from the root; adds what is missing.

    Each step matches an existing sibling by folded name (an existing node keeps its name
    and kind), so calling it twice with the same path, or with the path written in other
    case or spacing, gives the same node.
    """
    if not path:
        raise ValueError("the path is empty")
    parent: Organization | None = None
    for name, kind in path:
        cleaned = _clean_name(name)
        if parent is not None:
            parent = Organization.objects.select_for_update().get(pk=parent.pk)
        node = _sibling_named(parent=parent, folded=fold(cleaned))
        if node is None:
            node = organization_create(name=cleaned, kind=kind, parent=parent)
        parent = node
    assert parent is not None
    return parent


@transaction.atomic
def organization_rename(
    *, organization: Organization, name: str, short_name: str | None = None
) -> Organization:
    """Rename a node and refresh its folded name; its place in the tree stays.

    Raises OrganizationExistsError when a sibling already has the new name (folded).
    """
    cleaned = _clean_name(name)
    folded = fold(cleaned)
    clash = (
        Organization.objects.get_siblings(organization)
        .exclude(pk=organization.pk)
        .filter(name_folded=folded)
        .first()
    )
    if clash is not None:
        raise OrganizationExistsError(name=cleaned, existing=clash)
    organization.name = cleaned
    organization.name_folded = folded
    organization.name_latin = latin_key(cleaned)
    if short_name is not None:
        organization.short_name = short_name.strip()
    organization.save(update_fields=["name", "name_folded", "name_latin", "short_name"])
    return organization


def reviewer_assign_refusal(*, by, user, node: Organization) -> str | None:
    """Why ``by`` may not make ``user`` a reviewer of ``node``, or None when they may.

    ``by`` is an administrator (superuser) or a reviewer of a node strictly above ``node``:
    nobody widens their own scope, and a unit's own office (``is_unit_office``) is put under
    review by someone above its unit. A member of ``node`` is not made its reviewer.
    """
    if not getattr(by, "is_superuser", False):
        above = ReviewerAssignment.objects.filter(user=by).values_list("node__path", flat=True)
        # A unit's own office counts as the unit: its reviewers work there.
        unit = node.path[: -Organization.steplen] if node.is_unit_office else node.path
        mine = Membership.objects.filter(user=by, organization=node).exists()
        if mine or not any(unit.startswith(p) and unit != p for p in above):
            return _(
                "Only an administrator or a reviewer of a unit above %(node)s may assign "
                "its reviewers."
            ) % {"node": node.name}
    if Membership.objects.filter(user=user, organization=node).exists():
        return _("%(user)s works in %(node)s and cannot review it.") % {
            "user": user.get_username(),
            "node": node.name,
        }
    return None


@transaction.atomic
def reviewer_assign(*, by, user, node: Organization) -> ReviewerAssignment:
    """Make ``user`` a reviewer of ``node`` and everything under it, as ``by`` decides
    (``reviewer_assign_refusal``); raises AssignmentRefusedError with the reason."""
    refusal = reviewer_assign_refusal(by=by, user=user, node=node)
    if refusal:
        raise AssignmentRefusedError(refusal)
    assignment, _created = ReviewerAssignment.objects.get_or_create(
        user=user, node=node, defaults={"assigned_by": by, "assigned_at": timezone.now()}
    )
    return assignment
