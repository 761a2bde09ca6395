"""The official table as PDF: the HTML page (writers/html.py) rendered by WeasyPrint.

One source for both, so the print view and the PDF never disagree. The page's CSS sets A4
landscape, "Хуудас N / M" in the bottom margin and repeats the table header on every page;
the per-objective chart follows the total on the last page (its words as HTML, not as SVG
text, which WeasyPrint lays out letter by letter: chart.chart_text_html). Fonts come from the
system (Times New Roman or Liberation Serif where installed, otherwise DejaVu Serif, which
covers Ө ө Ү ү); nothing is fetched.

Speed (bench/documents.py): a process keeps, per thread, one parsed stylesheet and one font
configuration, so a gunicorn worker or a job worker parses the CSS and loads the fonts once,
not per PDF, and the garbage collector runs less often while a PDF renders. WeasyPrint
subsets the embedded fonts with libharfbuzz-subset when the system has it (the Debian package
libharfbuzz-subset0), else with fontTools, which costs about 150 ms a PDF;
tests/documents/test_write_pdf.py fails in CI without it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from shudarga.documents.model import ReportDocument
from shudarga.documents.writers.html import CSS_PATH, render_html, stylesheet

PDF_CSS_PATH = CSS_PATH.with_name("pdf.css")  # after official.css: the chart's words

if TYPE_CHECKING:
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration


def _refuse_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    raise ValueError(f"Shudarga PDFs load no external resources: {url}")


def _no_fetching() -> object:
    """A URL fetcher that refuses every URL: the page loads nothing, and a URL in it (there
    should be none) must not reach the network. Newer WeasyPrint wants a URLFetcher object,
    older versions a function."""
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:
        return _refuse_fetch
    return URLFetcher(allowed_protocols=frozenset())


@dataclass(frozen=True)
class _Renderer:
    """What every PDF of a thread shares: WeasyPrint's objects hold Pango's font map, which
    is not made for use from two threads at once, hence one per thread."""

    fonts: FontConfiguration
    css: CSS
    fetcher: object


_local = threading.local()


def _renderer() -> _Renderer:
    renderer = getattr(_local, "renderer", None)
    if renderer is None:
        from weasyprint import CSS  # heavy import (Pango): only when a PDF is asked for
        from weasyprint.text.fonts import FontConfiguration

        fonts = FontConfiguration()
        fetcher = _no_fetching()
        text = stylesheet() + PDF_CSS_PATH.read_text(encoding="utf-8")
        css = CSS(string=text, font_config=fonts, url_fetcher=fetcher)
        renderer = _local.renderer = _Renderer(fonts, css, fetcher)
    return renderer


# WeasyPrint allocates some hundred thousand objects in reference cycles for a long report;
# with Python's default thresholds the collector keeps walking them mid-render (~7-10 % of a
# 200-measure PDF). Rarer collections while any thread renders; the usual ones after.
RENDER_GC_THRESHOLD = (100_000, 50, 100)


class _Collections:
    """Counts the renders in progress: the first sets the render thresholds, the last puts
    back what was there (the thresholds are the process's, shared by every thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rendering = 0
        self._saved = gc.get_threshold()

    @contextmanager
    def rarer(self) -> Iterator[None]:
        with self._lock:
            if self._rendering == 0:
                self._saved = gc.get_threshold()
                gc.set_threshold(*RENDER_GC_THRESHOLD)
            self._rendering += 1
        try:
            yield
        finally:
            with self._lock:
                self._rendering -= 1
                if self._rendering == 0:
                    gc.set_threshold(*self._saved)


_collections = _Collections()


def write_pdf(doc: ReportDocument, *, summary: bool = True) -> bytes:
    """The report as PDF bytes (the registry's ``write_pdf``)."""
    from weasyprint import HTML

    renderer = _renderer()
    markup = render_html(doc, summary=summary, for_pdf=True)
    with _collections.rarer():
        page = HTML(string=markup, url_fetcher=renderer.fetcher)
        pdf = page.write_pdf(stylesheets=[renderer.css], font_config=renderer.fonts)
    if pdf is None:  # only when a target is given, which it is not
        raise RuntimeError("WeasyPrint returned no PDF")
    return pdf
