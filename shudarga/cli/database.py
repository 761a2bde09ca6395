"""`shudarga import`, `show` and `demo`: the commands that need the database."""

from __future__ import annotations

import argparse
import os

import simplejson

from shudarga.cli.errors import CommandError
from shudarga.cli.render import period_word, render_score
from shudarga.documents.messages import current_language, message
from shudarga.documents.model import Period


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shudarga.settings")
    import django

    django.setup()


def run(args: argparse.Namespace) -> int:
    _setup_django()
    if args.command == "import":
        return _import(args)
    if args.command == "show":
        return _show(args)
    if args.command == "demo":
        from shudarga.demo.load import demo_load

        for line in demo_load():
            print(line)
        return 0
    raise AssertionError(args.command)  # pragma: no cover - argparse allows no other


def _period_word(period: str) -> str:
    words = {"mn": {"annual": "жилийн эцсийн", "half_year": "хагас жилийн"}}
    return words.get(current_language(), {}).get(period, Period(period).value.replace("_", "-"))


def _import(args: argparse.Namespace) -> int:
    from django.db import transaction

    from shudarga.cli.files import read_file
    from shudarga.orgs.errors import OrganizationAmbiguousError
    from shudarga.plans import errors
    from shudarga.plans.services import report_import_document

    document = read_file(args.file)
    try:
        # One transaction: an organization created for a report that is then refused goes too.
        with transaction.atomic():
            organization = _organization(args, document.organization)
            report = report_import_document(document=document, organization=organization)
    except OrganizationAmbiguousError as exc:
        names = ", ".join(c.name for c in exc.candidates)
        raise CommandError(
            "org_ambiguous", file=args.file, name=exc.name, candidates=names
        ) from exc
    except errors.DocumentIncompleteError as exc:
        code = "year_missing" if exc.missing == "year" else "scale_missing"
        raise CommandError(code, file=args.file) from exc
    except errors.DuplicateReportError as exc:
        raise CommandError(
            "report_duplicate",
            file=args.file,
            organization=exc.organization,
            year=exc.year,
            period=_period_word(exc.period),
        ) from exc
    except errors.PlanScaleMismatchError as exc:
        raise CommandError(
            "scale_mismatch",
            file=args.file,
            plan_scale=exc.plan_scale,
            document_scale=exc.document_scale,
        ) from exc
    except errors.DocumentValueError as exc:
        where = f"{exc.measure}: " if exc.measure else ""
        raise CommandError(
            "value_too_large", file=args.file, where=where, field=exc.field, value=exc.value
        ) from exc
    from shudarga.documents.scoring import score_document

    total = score_document(document).total.display
    print(
        message(
            "imported",
            id=report.pk,
            organization=organization.name,
            year=document.year,
            period=_period_word(document.period.value),
            objectives=len(document.objectives),
            measures=document.measure_count,
            total=f"{total}%" if total else "—",
        )
    )
    return 0


def _organization(args: argparse.Namespace, from_title: str):
    from shudarga.orgs.models import Organization
    from shudarga.orgs.selectors import organization_find
    from shudarga.orgs.services import organization_create

    name = args.org or from_title
    if not name:
        raise CommandError("org_unnamed", file=args.file)
    found = organization_find(name=name)
    if found is not None:
        return found
    if not args.create_org:
        raise CommandError("org_not_found", file=args.file, name=name)
    parent = None
    if args.under:
        parent = organization_find(name=args.under)
        if parent is None:
            raise CommandError("org_not_found", file=args.file, name=args.under)
    return organization_create(name=name, kind=Organization.Kind.ORGANIZATION, parent=parent)


def _show(args: argparse.Namespace) -> int:
    from shudarga.documents.scoring import score_document
    from shudarga.plans.models import Report
    from shudarga.plans.selectors import report_document, report_list, report_totals

    if args.id is None:
        mn = current_language() == "mn"
        header = (
            "#",
            "Байгууллага" if mn else "Organization",
            "Он" if mn else "Year",
            "Үе" if mn else "Period",
            "Арга хэмжээ" if mn else "Measures",
            "Нэгдсэн дүн" if mn else "Result",
        )
        rows = [
            (
                str(t.report.pk),
                t.report.plan.organization.name,
                str(t.report.plan.year),
                period_word(Period(t.report.period), current_language()),
                str(t.report.measure_count),
                f"{t.display}%" if t.display is not None else "—",
            )
            for t in report_totals(reports=report_list())
        ]
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        return 0
    report = Report.objects.filter(pk=args.id).first()
    if report is None:
        raise CommandError("report_not_found", id=args.id)
    document = report_document(report=report)
    score = score_document(document)
    if args.json:
        print(simplejson.dumps(score.to_dict(), use_decimal=True, ensure_ascii=False, indent=2))
    else:
        print(f"#{report.pk}")
        print(render_score(document, score, current_language()), end="")
    return 0
