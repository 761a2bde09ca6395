"""What a report's title says: organization, year, period; and the stated total line.

Titles read "<ORGANIZATION-genitive> АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГААНЫ 2024 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ
БИЕЛЭЛТ". The organization stands in the genitive case; the name is given back in the
nominative (ГАЗРЫН → ГАЗАР) so that it matches the organization's registered name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from shudarga.documents.grammar import nominative
from shudarga.documents.model import Period
from shudarga.documents.readers.cells import matchable

_YEAR = re.compile(r"\b(20\d\d|19\d\d)\s*(?:он|оны)\b", re.IGNORECASE)
_ANY_YEAR = re.compile(r"\b(20\d\d)\b")
_HALF_YEAR = re.compile(r"хагас\s+жил|эхний\s+хагас|i\s+хагас|1\s+дүгээр\s+хагас", re.IGNORECASE)
# Where the organization's name ends in a title.
_SUBJECT = re.compile(
    r"\s+(?:ав(?:ли|ил)г(?:ы|и)н\s+эсрэг|авлигатай\s+тэмцэх|авлигаас\s+урьдчилан)", re.IGNORECASE
)
# Punctuation between the organization's name and the subject of the title.
_NAME_END = ":：;,-–— "
_MARKUP = re.compile(r"\*\*|__|^#+\s*")
_TOTAL = re.compile(
    r"нэгдсэн\s+дүн(?:\s*/\s*хувь\s*/|\s+хувь)?\s*[:：]?\s*"
    r"(?P<value>\d{1,3}(?:[.,]\d+)?)(?![\d.,]*\d)\s*%?",
    re.IGNORECASE,
)
# Other wordings of the total; these need the "%" so that a sum of money is not taken for it.
_OTHER_TOTAL = re.compile(
    r"^\s*(?:нийт\s+дүн|дундаж(?:\s+дүн)?|нийт\s+(?:хэрэгжилт|биелэлт)|"
    r"төлөвлөгөөний\s+(?:хэрэгжилт|биелэлт))\s*[:：-]?\s*"
    r"(?P<value>\d{1,3}(?:[.,]\d+)?)\s*(?:%|хувь(?:тай|иар|ийн)?)\s*(?:[а-яөүё\s]{0,30}[.!]?)?\s*$",
    re.IGNORECASE,
)
# Lines above a title that are not the title: the approval block, the appendix note with its
# order number (often a placeholder: "2018 оны …. сарын ….-ны өдрийн ….. дугаар"), signatures,
# and the edition line our writers put under a report's title ("Хувилбар 2, нийтэлсэн
# 2025-07-15", "Нийтлэгдээгүй хувилбар").
_NOT_TITLE = re.compile(
    r"^\s*(?:батлав|баталсан|батлав\.|зөвшөөрөв|зөвшөөрсөн|хянасан|танилцсан)\b"
    r"|^\s*хувилбар\s+\d+\s*,\s*нийтэлсэн\s+\d{4}-\d\d-\d\d\s*$"
    r"|^\s*нийтлэгдээгүй\s+хувилбар\s*$"
    r"|хавсралт|тушаалын|захирамжийн|тогтоолын|(?:\.{3,}|…)",
    re.IGNORECASE,
)
# The same edition words inside a title's text (a PDF's table finder may give the title and the
# line under it as one cell).
_EDITION = re.compile(
    r"\s*(?:хувилбар\s+\d+\s*,\s*нийтэлсэн\s+\d{4}-\d\d-\d\d|нийтлэгдээгүй\s+хувилбар)\s*",
    re.IGNORECASE,
)
_APPROVAL = re.compile(r"^\s*(?:батлав|баталсан|зөвшөөрөв|зөвшөөрсөн)\b", re.IGNORECASE)
# A signature: a position ("… ДАРГА") or a name with its initial ("Б.БОЛД", "Б. Болд").
_SIGNATURE = re.compile(r"дарга\s*$|\b[А-ЯӨҮЁ]\s?\.\s?[А-ЯӨҮЁ][А-ЯӨҮЁа-яөүё]+|^[\s.…/_]+$", re.I)
# Words every title of a plan or report holds.
_TITLE_WORDS = re.compile(r"авлиг|төлөвлөгөө|биелэлт|тайлан", re.IGNORECASE)
_MAX_TITLE_LINES = 4


@dataclass(frozen=True)
class TitleFacts:
    organization: str
    year: int | None
    period: Period


def clean_title(lines: list[str]) -> str:
    joined = " ".join(_MARKUP.sub("", line).strip() for line in lines if line.strip())
    joined = _EDITION.sub(" ", joined)
    return re.sub(r"\s+", " ", joined.replace("**", "")).strip()


def title_facts(title: str) -> TitleFacts:
    searched = matchable(title)
    year_match = _YEAR.search(searched) or _ANY_YEAR.search(searched)
    subject = _SUBJECT.search(searched)
    # "…Тамгын газар: авлигын эсрэг…" (our own export's title): the colon is not the name's.
    named = title[: subject.start()].strip().rstrip(_NAME_END).strip() if subject else ""
    organization = nominative(named)
    period = Period.HALF_YEAR if _HALF_YEAR.search(searched) else Period.ANNUAL
    return TitleFacts(
        organization=organization,
        year=int(year_match.group(1)) if year_match else None,
        period=period,
    )


def stated_total(text: str) -> Decimal | None:
    """The total a document states ("НЭГДСЭН ДҮН: 91%"), with the digits it was written with."""
    searched = matchable(text)
    match = _TOTAL.search(searched) or _OTHER_TOTAL.match(searched)
    return Decimal(match["value"].replace(",", ".")) if match else None


def title_lines(lines: list[str]) -> list[str]:
    """The lines above a table that are its title.

    Files bring more than the title: an approval block ("БАТЛАВ" and the signature under it),
    the appendix note with an order's date and number, a web page's menus and headings. The
    title is the last run of lines that name the plan or report, with the line before it when
    that is the organization's name in capitals ("…ТАМГЫН ГАЗРЫН" / "АВЛИГЫН ЭСРЭГ …").
    """
    kept: list[str] = []
    after_approval = False
    for line in lines:
        searched = matchable(line)
        if _APPROVAL.search(searched):
            after_approval = True
            continue
        if after_approval and _SIGNATURE.search(searched) and not _TITLE_WORDS.search(searched):
            continue  # who approves it: "СУМЫН ЗАСАГ ДАРГА Б.БОЛД"
        after_approval = False
        if not _NOT_TITLE.search(searched):
            kept.append(line)
    if len(kept) <= 2:
        return kept
    marked = [i for i, line in enumerate(kept) if _TITLE_WORDS.search(matchable(line))]
    if not marked:
        return kept[-_MAX_TITLE_LINES:]
    end = marked[-1]
    start = end
    while (
        start > 0
        and end - start + 1 < _MAX_TITLE_LINES
        and (start - 1 in marked or _is_capitals(kept[start - 1]))
    ):
        start -= 1
    return kept[start : end + 1]


def _is_capitals(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)
