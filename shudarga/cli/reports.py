"""`shudarga show [ID]` and `shudarga export ID --format F -o FILE`: stored reports out."""

from __future__ import annotations

import argparse
from pathlib import Path

import simplejson

from shudarga.cli.errors import CommandError
from shudarga.cli.render import period_word, render_score
from shudarga.documents.errors import RenderTooLargeError
from shudarga.documents.messages import current_language
from shudarga.documents.model import Period, ReportDocument
from shudarga.documents.scoring import score_document
from shudarga.documents.writers import file_name, write
from shudarga.plans.models import Report
from shudarga.plans.reports.documents import report_document
from shudarga.plans.reports.selectors import report_list, report_totals


def stored_report(report_id: int) -> tuple[Report, ReportDocument]:
    """A stored report and its document (official scores, the organization's own beside)."""
    report = Report.objects.filter(pk=report_id).first()
    if report is None:
        raise CommandError("report_not_found", id=report_id)
    return report, report_document(report=report)


def run_show(args: argparse.Namespace) -> int:
    if args.id is None:
        print(_list())
        return 0
    report, document = stored_report(args.id)
    score = score_document(document)
    if args.json:
        data = score.to_dict()
        if document.reviewed:  # "total" is the official one; the organization's beside it
            data["self_assessed_total"] = score_document(document.self_assessed()).total.to_dict()
        print(simplejson.dumps(data, use_decimal=True, ensure_ascii=False, indent=2))
    else:
        print(f"#{report.pk}")
        print(render_score(document, score, current_language()), end="")
    return 0


def _list() -> str:
    lang = current_language()
    mn = lang == "mn"
    header = (
        ("#", "Байгууллага", "Он", "Үе", "Арга хэмжээ", "Нэгдсэн дүн")
        if mn
        else ("#", "Organization", "Year", "Period", "Measures", "Result")
    )
    self_word = "өөрийн" if mn else "self-assessed"
    rows = [
        (
            str(t.report.pk),
            t.report.plan.organization.name,
            str(t.report.plan.year),
            period_word(Period(t.report.period), lang),
            str(t.report.measure_count),
            (f"{t.display}%" if t.display is not None else "—")
            + (f" ({self_word} {t.self_display}%)" if t.self_display is not None else ""),
        )
        for t in report_totals(reports=report_list())
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    )


def run_export(args: argparse.Namespace) -> int:
    _, document = stored_report(args.id)
    target = Path(args.output or file_name(document, args.format))
    try:
        data = write(document, args.format)
    except RenderTooLargeError as exc:
        raise CommandError(exc.code, **exc.params) from exc
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise CommandError("file_unwritable", file=str(target), reason=exc.strerror) from exc
    print(target)
    return 0
