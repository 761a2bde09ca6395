"""Units of count as reports write them, with their Mongolian case endings.

A unit is named by its nominative form ("иргэн", citizen; "албан хаагч", civil servant) and
recognised on the folded text (documents.textnorm.fold) by a pattern that allows the case
and plural endings real reports use: "иргэнээс", "иргэдэд", "албан хаагчдыг", "гэрээнд",
"мэдүүлгийг", "сургалтад", "удаагийн", "хувьтай".

Units of one family ("албан хаагч" and "албан тушаалтан", both public servants) stand for the
same people closely enough that a reviewer counts one against a target written in the other.
"төрөл" / "янз" (kind) is a classifier: "10 төрлийн шторк" counts kinds, not spots, so it
matches no other unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PERCENT = "хувь"
TIMES = "удаа"
KIND = "төрөл"
MONEY = "төгрөг"


@dataclass(frozen=True)
class Unit:
    name: str  # the nominative, as shown
    pattern: re.Pattern[str]  # on folded words joined by single spaces
    family: str

    @property
    def words(self) -> int:
        return self.name.count(" ") + 1


def _unit(name: str, pattern: str, family: str | None = None) -> Unit:
    return Unit(name, re.compile(rf"(?:{pattern})$"), family or name)


# Longer names first so "албан тушаалтан" wins over any one-word unit.
UNITS: tuple[Unit, ...] = (
    _unit("албан тушаалтан", r"албан тушаалт(?:ан|н)\w*", "public_servant"),
    _unit("албан хаагч", r"алба(?:н)? хаагч\w*", "public_servant"),
    _unit("төрийн албан хаагч", r"төрийн албан хаагч\w*", "public_servant"),
    _unit("ажилтан", r"ажилт(?:ан|н)\w*|ажилч(?:ин|д)\w*", "public_servant"),
    _unit("удирдлага", r"удирдах ажилт\w*", "public_servant"),
    _unit("багш", r"багш\w*", "public_servant"),
    _unit("эмч", r"эмч\w*|сувилагч\w*", "public_servant"),
    _unit("иргэн", r"иргэ(?:н|д)\w*", "person"),
    _unit("хүн", r"хүн|хүнд|хүнийг|хүний|хүнээс|хүнтэй|хүмүүс\w*", "person"),
    _unit("оролцогч", r"оролцогч\w*", "person"),
    _unit("сурагч", r"сурагч\w*", "person"),
    _unit("оюутан", r"оюут(?:ан|н)\w*", "person"),
    _unit("хүүхэд", r"хүүхд\w*|хүүхэд\w*", "person"),
    _unit("залуучууд", r"залуу(?:с|чууд)\w*", "person"),
    _unit("гишүүн", r"гишүү(?:н|д)\w*"),
    _unit("төлөөлөгч", r"төлөөлөгч\w*", "person"),
    _unit("хандалт", r"хандалт\w*|үзэлт\w*"),
    _unit("гэрээ", r"гэрээ\w*"),
    _unit("мэдүүлэг", r"мэдүүл(?:эг|г)\w*"),
    _unit("сургалт", r"сургалт\w*"),
    _unit("зөвлөгөө", r"зөвлөгөө\w*|зөвлөмж\w*"),
    _unit("бичлэг", r"бичлэг\w*|шторк\w*|видео\w*"),
    _unit("мэдээлэл", r"мэдээл(?:эл|л)\w*|мэдээ|мэдээг|мэдээнд|нийтлэл\w*"),
    _unit("материал", r"материал\w*|гарын авлага\w*|зурагт хуудас\w*|зурагт хуудс\w*"),
    _unit("арга хэмжээ", r"арга хэмжээ\w*"),
    _unit("уулзалт", r"уулзалт\w*|хэлэлцүүлэг\w*|хэлэлцүүлг\w*|зөвлөлгөөн\w*"),
    _unit("судалгаа", r"судалгаа\w*"),
    _unit("байгууллага", r"байгууллаг\w*"),
    _unit("үйлчилгээ", r"үйлчилгээ\w*"),
    _unit("хүсэлт", r"хүсэлт\w*|өргөдөл\w*|гомдол\w*"),
    _unit("тушаал", r"тушаал\w*|захирамж\w*|шийдвэр\w*"),
    _unit("шалгалт", r"шалгалт\w*|хяналт шалгалт\w*"),
    _unit("тайлан", r"тайлан\w*|тайлангийн|тайланг"),
    _unit(TIMES, r"удаа\w*|удаагийн|дахин", "times"),
    _unit(PERCENT, r"хувь\w*|хуви\w*|%"),
    _unit(KIND, r"төрл\w*|төрөл\w*|янз\w*|нэр төрл\w*"),
    _unit(MONEY, r"төгрөг\w*|төг|мян\.?төг\w*|сая|тэрбум|мянган"),
)
_BY_NAME = {u.name: u for u in UNITS}


def unit_named(name: str | None) -> Unit | None:
    return _BY_NAME.get(name) if name else None


def match_unit(words: list[str]) -> Unit | None:
    """The unit the folded words begin with (the longest name tried first), else None."""
    for unit in sorted(UNITS, key=lambda u: -u.words):
        if len(words) >= unit.words and unit.pattern.match(" ".join(words[: unit.words])):
            return unit
    return None


def compatible(a: str | None, b: str | None) -> bool:
    """Whether a quantity counted in unit ``a`` answers a target counted in ``b``."""
    ua, ub = unit_named(a), unit_named(b)
    if ua is None or ub is None:
        return False
    if KIND in (ua.name, ub.name):
        return ua.name == ub.name
    return ua.name == ub.name or ua.family == ub.family
