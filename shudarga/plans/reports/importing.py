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
from shudarga.plans.reports.storing import report_import_document


@dataclass
class ImportRefused(Exception):
    """A document that cannot be stored; ``code`` is a message code, ``params`` its values."""

    code: str
    params: dict[str, object] = field(default_factory=dict)


def organization_for_import(
    *, name: str, create: bool = False, parent_name: str | None = None
) -> Organization:
    """The organization called ``name`` (case, spaces and Latin look-alikes ignored)."""
    if not name:
        raise ImportRefused("org_unnamed")
    try:
        found = organization_find(name=name)
        if found is not None:
            return found
        if not create:
            raise ImportRefused("org_not_found", {"name": name})
        parent = None
        if parent_name:
            parent = organization_find(name=parent_name)
            if parent is None:
                raise ImportRefused("org_not_found", {"name": parent_name})
    except OrganizationAmbiguousError as exc:
        names = ", ".join(c.name for c in exc.candidates)
        raise ImportRefused("org_ambiguous", {"name": exc.name, "candidates": names}) from exc
    return organization_create(name=name, kind=Organization.Kind.ORGANIZATION, parent=parent)


def document_import(
    *,
    document: ReportDocument,
    organization_name: str | None = None,
    create_organization: bool = False,
    parent_name: str | None = None,
    allowed: QuerySet[Organization] | None = None,
) -> Report:
    """Store ``document`` for the named organization (default: the one in its title); with
    ``allowed`` (a person's scope), only for one of those organizations."""
    try:
        with transaction.atomic():
            organization = organization_for_import(
                name=organization_name or document.organization,
                create=create_organization,
                parent_name=parent_name,
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
