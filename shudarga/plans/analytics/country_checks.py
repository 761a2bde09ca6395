"""The country's integrity check (docs/checks.md): every report's checks stored, and
narrative_copied sought across the whole country from stored MinHash signatures.

Incremental: a report whose inputs (its fingerprint) are unchanged is not recomputed, and the
copies are refreshed only for the years a changed report touches (its own, and the next, whose
"last year" it is). Each batch of reports is written in one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from shudarga.documents.checks import MeasureCheck, check_measure, report_flags
from shudarga.documents.checks.copies import (
    SignatureIndex,
    TextRef,
    copy_flag,
    signature_bytes,
    similarity,
)
from shudarga.documents.model import Period
from shudarga.plans.analytics.checks import _entry
from shudarga.plans.models import (
    MeasureResult,
    NarrativeSignature,
    Report,
    ReportCheck,
    ScaleLevel,
)
from shudarga.plans.reports.documents import report_documents, scale_as_document

BATCH = 500
COPIED = "narrative_copied"
Progress = Callable[[str, int, int], None]  # (stage, done, of)


@dataclass
class CountryRun:
    reports: int = 0  # looked at
    recomputed: int = 0  # whose inputs had changed
    years: set[int] = field(default_factory=set)  # whose copies were refreshed
    copied: int = 0  # narrative_copied flags stored in those years


def _digest(parts: Iterable[object]) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


def _fingerprints(report: Report, results: list[MeasureResult], levels: list) -> tuple[str, str]:
    texts = [(r.pk, r.achieved) for r in results]
    inputs = [
        report.period,
        report.stated_total,
        report.stated_total_decimals,
        [(lvl.score, lvl.order) for lvl in levels],
        [
            (r.pk, r.measure.number, r.measure.target, r.measure.indicator, r.achieved)
            for r in results
        ],
        [(r.score, r.not_due, r.reviewer_score, r.reviewer_not_due) for r in results],
    ]
    return _digest(inputs), _digest(texts)


def _flag_dict(flag) -> dict:
    return {"code": flag.code, "variant": flag.variant, "params": flag.params}


def _measure_dict(result: MeasureResult, check: MeasureCheck) -> dict:
    return {
        "result": result.pk,
        "number": check.number,
        "verdict": check.verdict.value,
        "flags": [_flag_dict(f) for f in check.flags],
    }


def _recount(stored: ReportCheck) -> None:
    counts: dict[str, int] = {}
    for flag in [f for m in stored.measures for f in m["flags"]] + stored.flags:
        counts[flag["code"]] = counts.get(flag["code"], 0) + 1
    stored.counts = counts
    stored.flagged_measures = sum(1 for m in stored.measures if m["flags"])


def checks_store(
    *, report_ids: list[int] | None = None, force: bool = False, progress: Progress | None = None
) -> CountryRun:
    """Store the checks and signatures of the reports (None: every report of the country)
    whose inputs changed; then refresh the copies of the years they touch."""
    if report_ids is None:
        report_ids = list(Report.objects.values_list("pk", flat=True))
    ids = sorted(report_ids)
    run = CountryRun(reports=len(ids))
    touched: set[int] = set()
    for start in range(0, len(ids), BATCH):
        touched |= _store_batch(ids[start : start + BATCH], force, run)
        if progress:
            progress("reports", min(start + BATCH, len(ids)), len(ids))
    for year in sorted(touched | {y + 1 for y in touched}):
        run.copied += copies_refresh(year=year)
        run.years.add(year)
        if progress:
            progress(f"copies {year}", len(run.years), len(touched) * 2)
    return run


@transaction.atomic
def _store_batch(batch: list[int], force: bool, run: CountryRun) -> set[int]:
    reports = {r.pk: r for r in Report.objects.select_related("plan__scale").filter(pk__in=batch)}
    results: dict[int, list[MeasureResult]] = {pk: [] for pk in reports}
    rows = MeasureResult.objects.filter(report_id__in=batch).select_related("measure")
    for result in rows.order_by("report_id", "measure__order", "measure_id"):
        results[result.report_id].append(result)
    scale_ids = {r.plan.scale_id for r in reports.values()}
    levels: dict[int, list[ScaleLevel]] = {pk: [] for pk in scale_ids}
    for level in ScaleLevel.objects.filter(scale_id__in=scale_ids).order_by("order", "pk"):
        levels[level.scale_id].append(level)
    stored = {c.report_id: c for c in ReportCheck.objects.filter(report_id__in=batch)}
    changed: list[tuple[Report, str, str]] = []
    for pk, report in reports.items():
        full, texts = _fingerprints(report, results[pk], levels[report.plan.scale_id])
        old = stored.get(pk)
        if force or old is None or old.fingerprint != full:
            changed.append((report, full, texts))
    if not changed:
        return set()
    totals = [r.pk for r, _, _ in changed if r.stated_total is not None]
    documents = report_documents(report_ids=totals) if totals else {}
    NarrativeSignature.objects.filter(stored__report_id__in=[r.pk for r, _, _ in changed]).delete()
    signatures = []
    for report, full, texts in changed:
        scale = scale_as_document(report.plan.scale, levels[report.plan.scale_id])
        period = Period(report.period)
        checks = [(r, check_measure(_entry(r), scale, period)) for r in results[report.pk]]
        row = stored.get(report.pk) or ReportCheck(report=report)
        row.organization_id, row.year = report.plan.organization_id, report.plan.year
        row.fingerprint, row.texts_fingerprint = full, texts
        row.measures = [_measure_dict(r, c) for r, c in checks]
        document = documents.get(report.pk)
        row.flags = [_flag_dict(f) for f in report_flags(document)] if document else []
        _recount(row)
        row.save()
        for result, _ in checks:
            data = signature_bytes(result.achieved) if result.achieved else None
            if data is not None:
                signatures.append(
                    NarrativeSignature(
                        stored=row,
                        result=result,
                        organization_id=row.organization_id,
                        year=row.year,
                        number=result.measure.number,
                        signature=data,
                    )
                )
    NarrativeSignature.objects.bulk_create(signatures, batch_size=1000)
    run.recomputed += len(changed)
    return {r.plan.year for r, _, _ in changed}


@transaction.atomic
def copies_refresh(*, year: int) -> int:
    """narrative_copied of every stored report of ``year``, against the whole country: the
    same organization's year before and every other organization's same year. Two queries
    for the signatures and the candidates' texts, one write a batch. The flags stored."""
    index = SignatureIndex()
    own: list[tuple[TextRef, int, bytes]] = []
    rows = NarrativeSignature.objects.filter(year__in=(year - 1, year)).values_list(
        "result_id", "stored__report_id", "organization_id", "year", "number", "signature"
    )
    refs: dict[TextRef, int] = {}
    for result_id, report_id, org_id, y, number, data in rows.iterator(chunk_size=2000):
        ref = TextRef(str(report_id), str(org_id), y, number)
        refs[ref] = result_id
        index.add(ref, bytes(data))
        if y == year:
            own.append((ref, result_id, bytes(data)))
    pairs: dict[int, list[tuple[TextRef, int]]] = {}
    for ref, result_id, data in own:
        for other in index.candidates(data):
            if other.report == ref.report:
                continue
            last_year = other.organization == ref.organization and other.year == year - 1
            same_year = other.organization != ref.organization and other.year == year
            if last_year or same_year:
                pairs.setdefault(result_id, []).append((other, refs[other]))
    needed = set(pairs) | {pk for found in pairs.values() for _, pk in found}
    texts = (
        dict(MeasureResult.objects.filter(pk__in=needed).values_list("pk", "achieved"))
        if needed
        else {}
    )
    flags: dict[int, list[dict]] = {}
    by_result = {result_id: ref for ref, result_id, _ in own}
    for result_id, found in pairs.items():
        measured: list[tuple[TextRef, Decimal]] = []
        for other, other_pk in found:
            alike = similarity(texts.get(result_id, ""), texts.get(other_pk, ""))
            if alike is not None:
                measured.append((other, alike))
        measured.sort(key=lambda f: (-f[1], f[0].report, f[0].measure))
        flags[result_id] = [_flag_dict(f) for f in copy_flag(by_result[result_id], measured)]
    count = 0
    checks = list(ReportCheck.objects.filter(year=year))
    for stored in checks:
        for measure in stored.measures:
            kept = [f for f in measure["flags"] if f["code"] != COPIED]
            measure["flags"] = kept + flags.get(measure["result"], [])
            count += len(measure["flags"]) - len(kept)
        _recount(stored)
    ReportCheck.objects.bulk_update(
        checks, ["measures", "counts", "flagged_measures"], batch_size=500
    )
    return count
