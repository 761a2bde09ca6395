"""Dashboard charts as small inline SVG (no JavaScript, no fonts loaded), in the manner of
``documents.writers.chart``: sized by a viewBox, every text escaped, a <title> naming the chart.

Each chart is shown beside a table with the same numbers, so the page says everything to a
screen reader and without the picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

FONT = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
BAR = "#3b5b8c"
GRID = "#bbb"


def _t(value: object) -> str:
    return escape(str(value), quote=True)


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _fit(label: str, room: float) -> str:
    """The label cut to what ``room`` pixels hold at 12 px (about 7 px a letter), with a <title>
    giving the whole text when cut (a clipped label said nothing)."""
    short = _short(label, max(int(room / 7), 3))
    return _t(short) if short == label else f"{_t(short)}<title>{_t(label)}</title>"


def count_ticks(peak: int) -> list[int]:
    """Whole-number ticks from 0 to at least ``peak``, at most five: a count is never 1.25."""
    step = max(1, -(-peak // 4))
    return [step * k for k in range(5) if step * k <= max(peak, 1) + step - 1][:5]


def _open(width: int, height: int, title: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="{_t(FONT)}" font-size="12">',
        f"<title>{_t(title)}</title>",
    ]


def histogram_svg(*, labels: Sequence[str], counts: Sequence[int], title: str) -> SafeString:
    """Vertical bars, one per bin, the count above each bar and the bin below it."""
    width, height, left, top, bottom = 640, 240, 36, 20, 36
    plot_h = height - top - bottom
    step = (width - left - 10) / max(len(counts), 1)
    ticks = count_ticks(max(counts, default=0))
    peak = ticks[-1] or 1
    parts = _open(width, height, title)
    for value in ticks:
        y = top + plot_h - plot_h * value / peak
        parts.append(
            f'<line x1="{left}" y1="{y:g}" x2="{width - 10}" y2="{y:g}" stroke="{GRID}" '
            f'stroke-width="0.5"/><text x="{left - 4}" y="{y + 4:g}" text-anchor="end" '
            f'fill="#555">{value}</text>'
        )
    for i, (label, count) in enumerate(zip(labels, counts, strict=True)):
        x = left + i * step
        h = plot_h * count / peak
        y = top + plot_h - h
        parts.append("<g>")
        if count:
            parts.append(
                f'<rect x="{x + 3:g}" y="{y:g}" width="{step - 6:g}" height="{h:g}" fill="{BAR}"/>'
            )
        parts.append(
            f'<text x="{x + step / 2:g}" y="{y - 4:g}" text-anchor="middle" '
            f'font-weight="bold">{count}</text>'
            f'<text x="{x + step / 2:g}" y="{height - bottom + 16}" text-anchor="middle" '
            f'fill="#333">{_fit(label, step)}</text></g>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped


def bars_svg(
    *,
    labels: Sequence[str],
    values: Sequence[Decimal | None],
    shown: Sequence[str],
    title: str,
    maximum: float = 100.0,
) -> SafeString:
    """Horizontal bars on a 0–``maximum`` axis, a label left of each and its value after it."""
    width, label_w, bar_w, row_h, top = 720, 300, 330, 22, 22
    height = top + row_h * len(labels) + 6
    x0 = label_w + 10
    parts = _open(width, height, title)
    for k in range(5):
        x = x0 + bar_w * k / 4
        parts.append(
            f'<line x1="{x:g}" y1="{top - 4}" x2="{x:g}" y2="{height - 6}" stroke="{GRID}" '
            f'stroke-width="0.6"/><text x="{x:g}" y="{top - 8}" text-anchor="middle" '
            f'fill="#555">{maximum * k / 4:g}</text>'
        )
    for i, (label, value, text) in enumerate(zip(labels, values, shown, strict=True)):
        y = top + i * row_h
        mid = y + row_h / 2 + 4
        short = _short(label, 44)
        length = 0.0 if value is None else min(max(float(value), 0.0), maximum) / maximum * bar_w
        parts.append("<g>")
        if short != label:
            parts.append(f"<title>{_t(label)}</title>")
        parts.append(f'<text x="{label_w}" y="{mid:g}" text-anchor="end">{_t(short)}</text>')
        if length:
            parts.append(
                f'<rect x="{x0}" y="{y + 4:g}" width="{length:.1f}" height="13" fill="{BAR}"/>'
            )
        parts.append(
            f'<text x="{x0 + length + 6:.1f}" y="{mid:g}" font-weight="bold">{_t(text)}</text></g>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped


def line_svg(
    *, labels: Sequence[str], values: Sequence[Decimal | None], shown: Sequence[str], title: str
) -> SafeString:
    """A line over points on a 0–100 axis; a point with no value breaks the line."""
    width, height, left, top, bottom = 640, 240, 36, 20, 40
    plot_h = height - top - bottom
    step = (width - left - 20) / max(len(labels), 1)
    parts = _open(width, height, title)
    for k in range(5):
        y = top + plot_h - plot_h * k / 4
        parts.append(
            f'<line x1="{left}" y1="{y:g}" x2="{width - 10}" y2="{y:g}" stroke="{GRID}" '
            f'stroke-width="0.5"/><text x="{left - 4}" y="{y + 4:g}" text-anchor="end" '
            f'fill="#555">{25 * k}</text>'
        )
    segment: list[str] = []
    segments: list[list[str]] = [segment]
    for i, (label, value, text) in enumerate(zip(labels, values, shown, strict=True)):
        x = left + step * (i + 0.5)
        parts.append(
            f'<text x="{x:g}" y="{height - bottom + 16}" text-anchor="middle" '
            f'fill="#333">{_fit(label, step)}</text>'
        )
        if value is None:
            segment = []
            segments.append(segment)
            continue
        y = top + plot_h - plot_h * min(max(float(value), 0.0), 100.0) / 100
        segment.append(f"{x:.1f},{y:.1f}")
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{BAR}"/>'
            f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle" '
            f'font-weight="bold">{_t(text)}</text>'
        )
    for points in segments:
        if len(points) > 1:
            parts.append(
                f'<polyline points="{" ".join(points)}" fill="none" stroke="{BAR}" '
                f'stroke-width="2"/>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
