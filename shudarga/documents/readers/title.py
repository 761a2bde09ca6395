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

_YEAR = re.compile(r"\b(20\d\d|19\d\d)\s*(?:он|оны)\b", re.IGNORECASE)
_ANY_YEAR = re.compile(r"\b(20\d\d)\b")
_HALF_YEAR = re.compile(r"хагас\s+жил|эхний\s+хагас|i\s+хагас|1\s+дүгээр\s+хагас", re.IGNORECASE)
# Where the organization's name ends in a title.
_SUBJECT = re.compile(
    r"\s+(?:авлигын\s+эсрэг|авлигатай\s+тэмцэх|авлигаас\s+урьдчилан)", re.IGNORECASE
)
_MARKUP = re.compile(r"\*\*|__|^#+\s*")
_TOTAL = re.compile(
    r"нэгдсэн\s+дүн\s*[:：]?\s*(?P<value>\d{1,3}(?:[.,]\d+)?)\s*%?", re.IGNORECASE
)


@dataclass(frozen=True)
class TitleFacts:
    organization: str
    year: int | None
    period: Period


def clean_title(lines: list[str]) -> str:
    joined = " ".join(_MARKUP.sub("", line).strip() for line in lines if line.strip())
    return re.sub(r"\s+", " ", joined.replace("**", "")).strip()


def title_facts(title: str) -> TitleFacts:
    year_match = _YEAR.search(title) or _ANY_YEAR.search(title)
    subject = _SUBJECT.search(title)
    organization = nominative(title[: subject.start()].strip()) if subject else ""
    period = Period.HALF_YEAR if _HALF_YEAR.search(title) else Period.ANNUAL
    return TitleFacts(
        organization=organization,
        year=int(year_match.group(1)) if year_match else None,
        period=period,
    )


def stated_total(text: str) -> Decimal | None:
    """The total a document states ("НЭГДСЭН ДҮН: 91%"), with the digits it was written with."""
    match = _TOTAL.search(text)
    return Decimal(match["value"].replace(",", ".")) if match else None
