"""Importing a read document for an organization named by a person or by the document's title.

One transaction per document: the organization created for it (when asked) and everything of
the report are written together or not at all. Every refusal is an ImportRefused with a message
code from the documents catalogue, so the command line and the pages say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet

from shudarga.documents.model import ReportDocument
from shudarga.orgs.errors import OrganizationAmbiguousError
from shudarga.orgs.models import Organization
from shudarga.orgs.selectors import organization_find
from shudarga.orgs.services import organization_create
from shudarga.plans import errors
from shudarga.plans.models import Report
from shudarga.plans.reports.places import (
    CANDIDATES_SHOWN,
    aimags_named,
    candidates_named,
    place_label,
    split_place,
    under,
)
from shudarga.plans.reports.storing import report_import_document


@dataclass
class ImportRefused(Exception):
    """A document that cannot be stored; ``code`` is a message code, ``params`` its values."""

    code: str
    params: dict[str, object] = field(default_factory=dict)


def organization_for_import(
    *,
    name: str,
    create: bool = False,
    parent_name: str | None = None,
    places: list[str] | None = None,
) -> Organization:
    """The organization called ``name`` (case, spaces and Latin look-alikes ignored), under
    the aimag the name starts with ("АРХАНГАЙ АЙМГИЙН …") or one of ``places`` (the folders the
    file came in) when one of them is an aimag; several candidates are refused with their list."""
    if not name:
        raise ImportRefused("org_unnamed")
    named = split_place(name)
    hints = ([named.place] if named.place else []) + list(places or [])
    candidates = candidates_named([name, named.name])
    aimags = aimags_named(hints) if hints else []
    if aimags:
        candidates = under(candidates, aimags)
    if len(candidates) > 1:
        labels = [place_label(c) for c in candidates[:CANDIDATES_SHOWN]]
        raise ImportRefused(
            "org_ambiguous", {"name": name, "candidates": "; ".join(labels), "choices": labels}
        )
    if candidates:
        return candidates[0]
    if not create:
        if aimags:
            raise ImportRefused("org_not_found_in_place", {"name": name, "place": aimags[0].name})
        raise ImportRefused("org_not_found", {"name": name})
    parent = aimags[0] if aimags else None
    if parent_name:
        try:
            parent = organization_find(name=parent_name)
        except OrganizationAmbiguousError as exc:
            listed = "; ".join(place_label(c) for c in exc.candidates)
            raise ImportRefused("org_ambiguous", {"name": exc.name, "candidates": listed}) from exc
        if parent is None:
            raise ImportRefused("org_not_found", {"name": parent_name})
    # Under its aimag the name is the organization's own, without the aimag in front of it.
    own = named.name if aimags and named.place else name
    return organization_create(name=own, kind=Organization.Kind.ORGANIZATION, parent=parent)


def document_import(
    *,
    document: ReportDocument,
    organization_name: str | None = None,
    create_organization: bool = False,
    parent_name: str | None = None,
    allowed: QuerySet[Organization] | None = None,
    places: list[str] | None = None,
) -> Report:
    """Store ``document`` for the named organization (default: the one in its title); with
    ``allowed`` (a person's scope), only for one of those organizations."""
    try:
        with transaction.atomic():
            organization = organization_for_import(
                name=organization_name or document.organization,
                create=create_organization,
                parent_name=parent_name,
                places=places,
            )
            if allowed is not None and not allowed.filter(pk=organization.pk).exists():
                raise ImportRefused("org_outside", {"name": organization.name})
            return report_import_document(document=document, organization=organization)
    except errors.DocumentIncompleteError as exc:
        raise ImportRefused("year_missing" if exc.missing == "year" else "scale_missing") from exc
    except errors.DuplicateReportError as exc:
        raise ImportRefused(
            "report_duplicate",
            {"organization": exc.organization, "year": exc.year, "period": exc.period},
        ) from exc
    except errors.PlanScaleMismatchError as exc:
        raise ImportRefused(
            "scale_mismatch",
            {"plan_scale": exc.plan_scale, "document_scale": exc.document_scale},
        ) from exc
    except errors.DocumentValueError as exc:
        where = f"{exc.measure}: " if exc.measure else ""
        raise ImportRefused(
            "value_too_large", {"where": where, "field": exc.field, "value": exc.value}
        ) from exc
