"""`shudarga check FILE|ID [--json]`: each measure's narrative against its target.

A FILE is read without any database; an ID is a stored report, read through the reports'
selectors (its scores are the official ones, the organization's own kept beside them), and its
narratives are compared with every stored report's (narrative_copied).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import simplejson

from shudarga.documents.checks import DocumentChecks, check_document
from shudarga.documents.messages import current_language, message
from shudarga.documents.model import ReportDocument


def is_stored_id(value: str) -> bool:
    """An argument of digits only that names no file is a report's id."""
    return value.isdigit() and not Path(value).exists()


def run_check_file(args: argparse.Namespace) -> int:
    from shudarga.cli.files import read_file

    return _print(read_file(args.target), args.json)


def run_check_stored(args: argparse.Namespace) -> int:
    from shudarga.cli.reports import stored_report
    from shudarga.plans.analytics.checks import report_checks

    report, document = stored_report(int(args.target))
    return _print(report_checks(report=report, document=document), args.json)


def run_check_country(args: argparse.Namespace) -> int:
    """Every report's checks stored, copies sought country-wide; progress on stderr."""
    import sys
    import time

    from shudarga.plans.analytics.country_checks import checks_store

    started = time.monotonic()

    def progress(step: str, done: int, total: int) -> None:
        print(f"{step}: {done}/{total}", file=sys.stderr, flush=True)

    run = checks_store(force=args.force, progress=progress)
    seconds = time.monotonic() - started
    years = ", ".join(str(y) for y in sorted(run.years)) or "—"
    print(f"reports {run.reports}, recomputed {run.recomputed}, narrative_copied {run.copied}, "
          f"years {years}, {seconds:.1f} s")  # fmt: skip
    return 0


def _print(document_or_checks: ReportDocument | DocumentChecks, as_json: bool) -> int:
    lang = current_language()
    checks = (
        document_or_checks
        if isinstance(document_or_checks, DocumentChecks)
        else check_document(document_or_checks)
    )
    if as_json:
        data = checks.to_dict(lang)
        print(simplejson.dumps(data, use_decimal=True, ensure_ascii=False, indent=2))
    else:
        print(render_checks(checks, lang), end="")
    return 0


def render_checks(checks: DocumentChecks, lang: str) -> str:
    """One block per measure: its verdict and target, the deciding sentence, its flags."""
    lines: list[str] = []
    for m in checks.measures:
        verdict = message(f"check_verdict_{m.verdict.value}", lang)
        target = m.target.text if m.target else "—"
        lines.append(f"{m.number}  {verdict}  [{target}]")
        for e in m.evidence:
            lines.append(f"    «{e.text}»")
        lines += [f"    ! {f.message(lang)}" for f in m.flags]
    lines += [f"! {f.message(lang)}" for f in checks.flags]
    counts = {code: n for code, n in checks.flag_counts().items() if n}
    lines.append("")
    lines.append(", ".join(f"{code}: {n}" for code, n in counts.items()) or "—")
    return "\n".join(lines) + "\n"
