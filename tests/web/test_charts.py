"""The dashboard charts (web/charts.py) at a phone's width: whole-number count axes, labels
cut to their room with the whole text in a <title>, a viewBox to scale by (issue 12, item 6)."""

from __future__ import annotations

import re
from decimal import Decimal

from shudarga.web.charts import bars_svg, count_ticks, histogram_svg, line_svg


def test_count_axes_show_whole_numbers_only():
    for peak in (0, 1, 2, 3, 5, 7, 13, 100):
        ticks = count_ticks(peak)
        assert ticks[0] == 0 and ticks[-1] >= peak and len(ticks) <= 5
        assert all(isinstance(t, int) for t in ticks)
    svg = histogram_svg(labels=["0–25", "25–50", "50–75"], counts=[1, 5, 0], title="Т")
    axis = re.findall(r'text-anchor="end" fill="#555">([^<]*)<', svg)
    assert axis and all(value.isdigit() for value in axis), axis


def test_long_labels_are_cut_with_their_whole_text_in_a_title():
    long = "Хужирт сумын Засаг даргын Тамгын газрын 2024 оны хагас жил <б>"
    svg = line_svg(
        labels=[long] * 6, values=[Decimal(50)] * 6, shown=["50%"] * 6, title="Чиг хандлага"
    )
    assert "…" in svg and "<title>Хужирт сумын Засаг даргын Тамгын газрын 2024" in svg
    assert "&lt;б&gt;" in svg and "<б>" not in svg  # escaped, never cut inside an entity
    bars = bars_svg(labels=["А" * 80], values=[Decimal(40)], shown=["40%"], title="Б")
    assert bars.startswith("<svg") and 'viewBox="0 0 ' in bars and "<title>" + "А" * 80 in bars
