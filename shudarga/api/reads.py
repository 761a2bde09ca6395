"""Read endpoints. Every lookup goes through api.selectors (access plus the public)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from ninja import Query, Router

from shudarga.api import schemas as s
from shudarga.api.schemas import Id
from shudarga.api.selectors import (
    api_organizations,
    api_plan_detail,
    api_plan_list,
    api_report_list,
    api_report_page,
    api_reports,
    api_reports_private,
    api_summary_list,
    report_publication_current,
)
from shudarga.documents import jsonform
from shudarga.plans.analytics import checks as integrity
from shudarga.plans.models import MeasureResult
from shudarga.plans.reports.documents import report_document

router = Router()

NOT_FOUND = {404: s.Error}
READ = {401: s.Error, 422: s.Error}


def page(rows: QuerySet, query: s.PageQuery) -> dict:
    return {
        "count": rows.count(),
        "limit": query.limit,
        "offset": query.offset,
        "items": list(rows[query.offset : query.offset + query.limit]),
    }


def _found(obj):
    if obj is None:
        raise Http404
    return obj


@router.get("/organizations", response={200: s.OrganizationPage, **READ}, tags=["read"])
def organization_list(request, query: Query[s.PageQuery]):
    """Organizations with a published report, and (with a token) those the user sees."""
    return page(api_organizations(user=request.auth), query)


@router.get(
    "/organizations/{organization_id}",
    response={200: s.OrganizationOut, **NOT_FOUND, **READ},
    tags=["read"],
)
def organization_detail(request, organization_id: Id):
    return _found(api_organizations(user=request.auth).filter(pk=organization_id).first())


@router.get("/plans", response={200: s.PlanPage, **READ}, tags=["read"])
def plan_list(request, query: Query[s.PlanFilter]):
    """Plans of published reports, and (with a token) the plans the user sees."""
    return page(api_plan_list(user=request.auth, year=query.year), query)


@router.get("/plans/{plan_id}", response={200: s.PlanDetailOut, **NOT_FOUND, **READ}, tags=["read"])
def plan_detail(request, plan_id: Id):
    """One plan with its objectives and measures (ids and versions for editing)."""
    return _found(api_plan_detail(user=request.auth, plan_id=plan_id))


@router.get("/reports", response={200: s.ReportPage, **READ}, tags=["read"])
def report_list(request, query: Query[s.ReportFilter]):
    """Published reports, and (with a token) the reports the user sees; newest year first."""
    rows = api_report_list(
        user=request.auth, year=query.year, period=query.period, status=query.status
    )
    return api_report_page(reports=rows, offset=query.offset, limit=query.limit)


@router.get(
    "/reports/{report_id}",
    response={200: s.ReportDocumentOut, **NOT_FOUND, **READ},
    tags=["read"],
)
def report_detail(request, report_id: Id):
    """The report as a "shudarga.report/1" document (docs/format.md).

    A report the user sees by access is read as it is now; otherwise (the public) the
    current published version is returned, frozen as it was published.
    """
    from shudarga.api.api import dumps

    user = request.auth
    report = api_reports_private(user=user).filter(pk=report_id).first()
    if report is not None:
        data = jsonform.document_to_dict(report_document(report=report))
    else:
        report = _found(api_reports(user=user).filter(pk=report_id).first())
        data = _found(report_publication_current(report=report)).document
    return HttpResponse(dumps(data), content_type="application/json")


@router.get(
    "/reports/{report_id}/results",
    response={200: list[s.ResultOut], **NOT_FOUND, **READ},
    tags=["read"],
)
def report_results(request, report_id: Id):
    """The measure results of a report the user sees by access (token needed): ids and
    versions for ``PUT /results/{id}``."""
    report = _found(api_reports_private(user=request.auth).filter(pk=report_id).first())
    return list(
        MeasureResult.objects.filter(report=report)
        .select_related("measure__objective")
        .order_by("measure__objective__order", "measure__objective_id", "measure__order", "pk")
    )


@router.get(
    "/reports/{report_id}/checks",
    response={200: s.ReportChecksOut, **NOT_FOUND, **READ},
    tags=["read"],
)
def report_checks(request, report_id: Id):
    """The integrity checks (docs/checks.md) of a report, read by the rule of
    ``GET /reports/{id}``: the report as it is now for those who see it by access, else its
    current publication; messages in the request's language (Mongolian unless English)."""
    from shudarga.api.api import dumps

    user = request.auth
    report = api_reports_private(user=user).filter(pk=report_id).first()
    if report is not None:
        document = report_document(report=report)
    else:
        report = _found(api_reports(user=user).filter(pk=report_id).first())
        published = _found(report_publication_current(report=report)).document
        document = jsonform.document_from_dict(published)
    lang = "en" if (get_language() or "").startswith("en") else "mn"
    # Copies are sought among the reports this caller may read, and no others.
    checks = integrity.report_checks(
        report=report, visible=api_reports(user=user), document=document
    )
    data = checks.to_dict(lang)
    return HttpResponse(dumps(data), content_type="application/json")


@router.get("/summaries", response={200: s.SummaryPage, **READ}, tags=["read"])
def summary_list(request, query: Query[s.SummaryFilter]):
    """Summary rows (totals and counts) of the reports the caller may see."""
    rows = api_summary_list(
        user=request.auth,
        year=query.year,
        period=query.period,
        status=query.status,
        organization=query.organization,
    )
    return page(rows, query)
