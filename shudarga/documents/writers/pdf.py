"""The official table as PDF: the HTML page (writers/html.py) rendered by WeasyPrint.

One source for both, so the print view and the PDF never disagree. The page's CSS sets A4
landscape, "Хуудас N / M" in the bottom margin and repeats the table header on every page;
the per-objective chart follows the total on the last page. Fonts come from the system
(Times New Roman or Liberation Serif where installed, otherwise DejaVu Serif, which covers
Ө ө Ү ү); nothing is fetched.
"""

from __future__ import annotations

from shudarga.documents.model import ReportDocument
from shudarga.documents.writers.html import render_html


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


def write_pdf(doc: ReportDocument, *, summary: bool = True) -> bytes:
    """The report as PDF bytes (the registry's ``write_pdf``)."""
    from weasyprint import HTML  # heavy import (Pango): only when a PDF is asked for

    page = HTML(string=render_html(doc, summary=summary), url_fetcher=_no_fetching())
    pdf = page.write_pdf()
    if pdf is None:  # only when a target is given, which it is not
        raise RuntimeError("WeasyPrint returned no PDF")
    return pdf
