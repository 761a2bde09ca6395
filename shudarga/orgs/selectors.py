"""Reads of the organization tree."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from shudarga.documents.textnorm import fold
from shudarga.orgs.errors import OrganizationAmbiguousError
from shudarga.orgs.latin import latin_key
from shudarga.orgs.models import Organization

_AMBIGUOUS_SHOWN = 10


def organization_find(*, name: str, within: Organization | None = None) -> Organization | None:
    """The organization called ``name``, ignoring case, extra spaces and Latin look-alikes.

    ``within`` limits the search to that node and everything under it. Returns None when
    nothing matches and raises OrganizationAmbiguousError when several do (the same bag
    name under two soums): guessing would file a report under the wrong organization.
    """
    folded = fold(name)
    if not folded:
        return None
    qs = Organization.objects.filter(name_folded=folded)
    if within is not None:
        qs = qs.filter(path__startswith=within.path)
    found = list(qs.order_by("path")[:_AMBIGUOUS_SHOWN])
    if len(found) > 1:
        raise OrganizationAmbiguousError(name=name, candidates=found)
    return found[0] if found else None


def organization_descendants(
    *, node: Organization, include_self: bool = False
) -> QuerySet[Organization]:
    """Every node under ``node`` at any depth, in tree order: one indexed prefix query."""
    qs = Organization.objects.filter(path__startswith=node.path)
    if not include_self:
        qs = qs.filter(depth__gt=node.depth)
    return qs.order_by("path")


def organization_children(*, node: Organization | None) -> QuerySet[Organization]:
    """The direct children of ``node`` (the roots when ``node`` is None), by name."""
    if node is None:
        return Organization.objects.filter(depth=1).order_by("name", "path")
    return Organization.objects.filter(path__startswith=node.path, depth=node.depth + 1).order_by(
        "name", "path"
    )


# A Latin key this short matches too much ("h" is in half the names): Cyrillic only below.
_LATIN_KEY_MIN = 3


def name_matches(query: str) -> Q | None:
    """Names containing ``query`` as typed (case, spaces and look-alikes folded) or in the
    other alphabet (orgs.latin: "Khujirt" finds "Хужирт", "хан банк" finds "Khan Bank").
    None when the query holds nothing to match."""
    folded = fold(query)
    if not folded:
        return None
    condition = Q(name_folded__contains=folded)
    key = latin_key(query)
    if len(key) >= _LATIN_KEY_MIN:
        condition |= Q(name_latin__contains=key)
    return condition
