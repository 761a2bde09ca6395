"""How much a person, a file or the API may send, and how much a writer renders (issue 10).

One module of numbers, no Django: the forms, the API schemas, the readers and the writers all
read their bounds here, so a limit is the same on every surface.

Measured on the real documents (the Khujirt 2024 report in /work/shared/seeds and its demo copy
shudarga/demo/khujirt-2024-anticorruption-report.txt, read by ``read_path``; the demo plans copy
its cells), the longest cell of each kind, in characters:

    report title 100 · organization 38 · objective title 135 · measure text 372
    indicator 60 · target level 50 · achieved (Хүрсэн түвшин) 1 291 · rating 14
    11 measures, 8 963 characters in all the measures' text fields together

REAL-REPORTS.md adds that a plan's row may hold a block of law citations ("Эрх зүйн
үндэслэл:"), so the limits leave room far above what was measured: about ten times the
longest real cell, and never below what the database column holds.
"""

from __future__ import annotations

# Characters of one field, by the name it has in forms, the API and the ReportDocument.
TITLE_MAX = 500  # plan and report title: the database column (measured 100)
ORGANIZATION_MAX = 255  # measured 38
OBJECTIVE_TITLE_MAX = 2_000  # measured 135
MEASURE_TEXT_MAX = 5_000  # measured 372
INDICATOR_MAX = 5_000  # measured 60; a long list of indicators still fits
TARGET_MAX = 5_000  # measured 50
RESPONSIBLE_UNIT_MAX = 2_000  # not in the seed; a list of units
DEADLINE_MAX = 255  # the database column ("1 дүгээр улирал", "Жилдээ")
NUMBER_MAX = 50  # "1.1.1." (the database column)
ACHIEVED_MAX = 20_000  # measured 1 291: fifteen times, for reports that paste whole letters
RATING_MAX = 500  # "Үр дүнтэй-100%" (the database column)
COMMENT_MAX = 5_000  # a reviewer's comment, a reason to return or reopen, a correction note
EVIDENCE_TITLE_MAX = 255  # the database column
URL_MAX = 1_000  # the database column
SEARCH_MAX = 200  # a search box: words, not documents
AMOUNT_TEXT_MAX = 40  # "1 200 000,50" as typed

# Numbers: thousand MNT with two decimals below 10^12 (the columns have 14 digits, 2 decimals);
# a score is a percent with two decimals (0 to 100 on every real scale, 9999.99 the column).
AMOUNT_DIGITS = 12
SCORE_DIGITS = 4

# A document read from a file: more measures than this is not a plan (Khujirt has 11).
DOCUMENT_MAX_MEASURES = 500
DOCUMENT_MAX_OBJECTIVES = 200
# A PDF read as a report: pdfplumber takes about 0.1-0.3 s a page (our 200-measure PDF has 69
# pages). A report of 500 measures fits; a book does not.
PDF_READ_MAX_PAGES = 150
# An old .doc or .xls converted by LibreOffice: a converter that hangs is stopped.
LEGACY_CONVERT_SECONDS = 60

# Rendering, measured with WeasyPrint on one core (N measures, each with a cell of C characters):
#   100 measures × 1 300 characters (130 000): 2.6 s, 97 MB
#   100 measures × 5 000 characters (500 000): 7.4 s, 152 MB
#   20 measures × 100 000 characters (2 000 000): 43 s, 360 MB
#   1 000 measures × 100 characters: 8.9 s, 252 MB
# python-docx: 100 × 5 000 characters in 0.3 s, 39 MB. The bound is checked before rendering
# (a size is robust where a timer is not: gunicorn runs threads, and signals need the main one).
PDF_MAX_CHARS = 400_000  # about 6 s and 150 MB; Khujirt is 45 times smaller
PDF_MAX_MEASURES = 500
DOCX_MAX_CHARS = 2_000_000
DOCX_MAX_MEASURES = 2_000

# Request bodies, checked against Content-Length before Django reads them.
REQUEST_BODY_MAX = 2 * 1024 * 1024  # any form or API call: text only (the largest: 20 000 chars)
ANONYMOUS_BODY_MAX = 64 * 1024  # the login form and nothing else
# An upload route (evidence, a plan to import) takes a file: the larger of the evidence limit
# and the reader's largest file, plus the multipart envelope around it.
UPLOAD_ENVELOPE = 256 * 1024
