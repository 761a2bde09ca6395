"""Lines that are not part of the report: page numbers and page-view counters.

Text copied from a printed document or from a web page brings the page furniture along:
"Хуудас 3", "- 3 -", "3/12", "Page 3 of 12", and the view counters of government sites
("Нийт үзсэн: 1234", "Хандалт: 56"). Such a line is skipped wherever it stands.
"""

from __future__ import annotations

import re

_PATTERNS = tuple(
    re.compile(p)
    for p in (
        # "Хуудас 3", "хуудас 3/12", "Page 3 of 12", "х. 3"
        r"^(?:хуудас|хуудас\s*№|х\.|page)\s*\d{1,4}(?:\s*(?:/|-ээс|of|\|)\s*\d{1,4})?$",
        # "3", "- 3 -", "3/12"
        r"^[-–—]?\s*\d{1,4}\s*[-–—]?$",
        r"^\d{1,4}\s*/\s*\d{1,4}$",
        # "Нийт үзсэн: 1234", "Үзсэн тоо: 56", "Хандалт 789", "Views: 12"
        r"^(?:нийт\s+)?(?:үзсэн(?:\s+тоо)?|үзэлт(?:ийн\s+тоо)?|хандалт(?:ын\s+тоо)?|уншсан"
        r"|page\s+views?|views?)\s*[:：]?\s*\d[\d\s,.]*$",
    )
)
_COUNTER_ANYWHERE = re.compile(
    r"(?:нийт\s+үзсэн|үзсэн\s+тоо|хандалтын\s+тоо|page\s+views?)\s*[:：]?\s*\d"
)
_MAX_LENGTH = 60
_SPACES = re.compile(r"\s+")


def is_page_debris(text: str) -> bool:
    """A short line that is a page number or a page-view counter."""
    # Case-folded only: "Page 2 of 5" is Latin, so look-alike letters must not be folded here.
    folded = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip().casefold()
    if not folded or len(folded) > _MAX_LENGTH:
        return False
    return any(p.match(folded) for p in _PATTERNS) or bool(_COUNTER_ANYWHERE.search(folded))


def is_bare_number(text: str) -> bool:
    """Only an integer (a page number, or a rating without its "%" sign)."""
    return bool(re.fullmatch(r"\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*", text))
