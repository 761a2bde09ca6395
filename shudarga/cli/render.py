"""Plain-text tables of results for the terminal, in Mongolian or English."""

from __future__ import annotations

from shudarga.documents.model import Period, ReportDocument
from shudarga.documents.scoring import ReportScore, Result, score_document

_WORDS = {
    "mn": {
        "objective": "Зорилт",
        "measures": "Арга хэмжээ",
        "scored": "Үнэлсэн",
        "not_due": "ХБ",
        "unscored": "Үнэлээгүй",
        "result": "Дүн",
        "total": "НЭГДСЭН ДҮН",
        "self": "Байгууллагын өөрийн үнэлгээгээр",
        "exact": "нарийвчилсан",
        "stated": "Тайланд бичсэн дүн",
        "agrees": "тохирч байна",
        "disagrees": "тохирохгүй байна",
        "by_rounding": "тоймлоход",
        "by_truncation": "тасдахад",
        "needs": "Тохирохын тулд үнэлээгүй арга хэмжээ",
        "unique": "цорын ганц хувилбар",
        "options": "хувилбар",
        "none": "Ямар ч үнэлгээгээр тохирохгүй.",
        "not_scored": "Үнэлгээгүй арга хэмжээ",
        "nothing": "—",
        Period.ANNUAL: "жилийн эцэс",
        Period.HALF_YEAR: "хагас жил",
    },
    "en": {
        "objective": "Objective",
        "measures": "Measures",
        "scored": "Scored",
        "not_due": "Not due",
        "unscored": "Unscored",
        "result": "Result",
        "total": "CONSOLIDATED RESULT",
        "self": "Self-assessed by the organization",
        "exact": "exact",
        "stated": "Stated total",
        "agrees": "agrees",
        "disagrees": "does not agree",
        "by_rounding": "by rounding",
        "by_truncation": "by truncation",
        "needs": "To agree, the unscored measures would need",
        "unique": "the only possibility",
        "options": "possibilities",
        "none": "No scores on the scale make it agree.",
        "not_scored": "Not evaluated",
        "nothing": "—",
        Period.ANNUAL: "annual",
        Period.HALF_YEAR: "half-year",
    },
}


def period_word(period: Period, lang: str) -> str:
    return _WORDS.get(lang, _WORDS["mn"])[period]


def _row(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()


def _display(result: Result, w: dict[str, str]) -> str:
    return f"{result.display}%" if result.display is not None else w["nothing"]


def render_score(doc: ReportDocument, score: ReportScore, lang: str) -> str:
    w = _WORDS.get(lang, _WORDS["mn"])
    lines = [
        doc.title or doc.organization,
        f"{doc.organization} · {doc.year or '?'} · {w[doc.period]}",
        "",
    ]
    header = [w["objective"], w["measures"], w["scored"], w["not_due"], w["unscored"], w["result"]]
    rows = [
        [
            o.number,
            str(o.result.count + len(o.result.not_due) + len(o.result.unscored)),
            str(o.result.count),
            str(len(o.result.not_due)),
            ", ".join(o.result.unscored) or w["nothing"],
            _display(o.result, w),
        ]
        for o in score.objectives
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines += [_row(header, widths), _row(["-" * n for n in widths], widths)]
    lines += [_row(r, widths) for r in rows]
    total = score.total
    exact = w["nothing"] if total.exact is None else str(total.exact)
    lines += ["", f"{w['total']}: {_display(total, w)} ({w['exact']} {exact})"]
    if doc.reviewed:  # the total above is the official (reviewed) one
        own = score_document(doc.self_assessed()).total
        lines.append(f"{w['self']}: {_display(own, w)}")
    if total.unscored:
        lines.append(f"{w['not_scored']}: {', '.join(total.unscored)}")
    lines += _render_reconciliation(score, w)
    return "\n".join(lines) + "\n"


def _render_reconciliation(score: ReportScore, w: dict[str, str]) -> list[str]:
    rec = score.reconciliation
    if rec is None:
        return []
    how = " ".join(w[f"by_{h}"] for h in rec.agrees_by)
    verdict = f"{w['agrees']} ({how})" if rec.agrees_as_is else w["disagrees"]
    lines = [f"{w['stated']}: {rec.stated}% — {verdict}"]
    if rec.status == "irreconcilable":
        lines.append(w["none"])
    elif rec.solutions:
        if rec.unique and rec.assignment:
            values = ", ".join(
                f"{number} = {w['not_due'] if value == 'not_due' else value}"
                for number, value in rec.assignment.items()
            )
            lines.append(f"{w['needs']}: {values} ({w['unique']})")
        else:
            lines.append(f"{w['needs']} ({rec.solution_count} {w['options']}):")
            for solution in rec.solutions:
                parts = [f"{count} × {level}" for level, count in solution["values"].items()]
                if solution["not_due"]:
                    parts.append(f"{solution['not_due']} × {w['not_due']}")
                lines.append(f"  {', '.join(parts)} → {solution['display']}%")
    return lines
