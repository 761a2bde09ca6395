"""Word's automatic list numbers, as the reader of a table sees them: "1.", "1.1.", "а)".

Many reports number measures with Word's numbering ("1.1." in the Д/д column is a list label,
not text), so the numbers have to be worked out as Word shows them: each list (abstract
numbering) keeps a counter per level; a paragraph at a level counts one up and restarts the
deeper levels; the level's text ("%1.%2.") fills in the counters in each level's format.
Paragraphs that take their numbering from their style are followed too. Bullets give no label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import docx
from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_VAL = _w("val")
_MAX_LEVEL = 8
_STYLE_DEPTH = 5


def _int(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(_VAL, default))
    except (TypeError, ValueError):
        return default


def _roman(number: int) -> str:
    numerals = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    out = ""
    for value, letters in numerals:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _letters(number: int) -> str:
    # Word repeats the letter: a … z, aa … zz.
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1) if number > 0 else ""


def _format(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str


@dataclass
class Numbering:
    """The lists of one document and the counters reached so far, in reading order."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstract id → levels
    instances: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    style_numbering: dict[str, tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, document: docx.document.Document) -> Numbering:
        """The document's lists; none when its numbering part is missing or unreadable, since
        list numbers help reading a table but are no reason to refuse it.
        """
        try:
            return cls._read(document)
        except Exception:  # python-docx and lxml raise many kinds on a damaged part
            return cls()

    @classmethod
    def _read(cls, document: docx.document.Document) -> Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        for abstract in root.iter(_w("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(_w("lvl")):
                text = lvl.find(_w("lvlText"))
                fmt = lvl.find(_w("numFmt"))
                levels[_int_attr(lvl, "ilvl")] = _Level(
                    start=_int(lvl.find(_w("start")), 1),
                    fmt=fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
                    text=text.get(_VAL, "") if text is not None else "",
                )
            numbering.levels[abstract.get(_w("abstractNumId"), "")] = levels
        for num in root.iter(_w("num")):
            abstract_id = num.find(_w("abstractNumId"))
            overrides = {
                _int_attr(o, "ilvl"): _int(o.find(_w("startOverride")), 1)
                for o in num.iter(_w("lvlOverride"))
                if o.find(_w("startOverride")) is not None
            }
            numbering.instances[num.get(_w("numId"), "")] = (
                abstract_id.get(_VAL, "") if abstract_id is not None else "",
                overrides,
            )
        numbering.style_numbering = _style_numbering(document)
        return numbering

    def label(self, p: etree._Element) -> str:
        """The list label Word shows before paragraph ``p``, or ""."""
        found = self._num_pr(p)
        if found is None:
            return ""
        num_id, level = found
        if num_id not in self.instances or num_id == "0":
            return ""
        abstract_id, overrides = self.instances[num_id]
        levels = self.levels.get(abstract_id, {})
        if level not in levels or levels[level].fmt in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        text = levels[level].text
        for lvl in range(_MAX_LEVEL + 1):
            if f"%{lvl + 1}" in text:
                value = counters.get(lvl, levels[lvl].start if lvl in levels else 1)
                fmt = levels[lvl].fmt if lvl in levels else "decimal"
                text = text.replace(f"%{lvl + 1}", _format(value, fmt))
        return text.strip()

    def _num_pr(self, p: etree._Element) -> tuple[str, int] | None:
        ppr = p.find(_w("pPr"))
        if ppr is None:
            return None
        num_pr = ppr.find(_w("numPr"))
        if num_pr is not None and num_pr.find(_w("numId")) is not None:
            num_id = num_pr.find(_w("numId")).get(_VAL, "")
            return num_id, min(_MAX_LEVEL, max(0, _int(num_pr.find(_w("ilvl")), 0)))
        style = ppr.find(_w("pStyle"))
        return self.style_numbering.get(style.get(_VAL, "")) if style is not None else None


def _int_attr(element: etree._Element, name: str) -> int:
    try:
        return min(_MAX_LEVEL, max(0, int(element.get(_w(name), "0"))))
    except ValueError:
        return 0


def _style_numbering(document: docx.document.Document) -> dict[str, tuple[str, int]]:
    """Paragraph styles that number their paragraphs (a "1.1." heading style), by style id."""
    try:
        root = document.styles.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    direct: dict[str, tuple[str, int]] = {}
    based_on: dict[str, str] = {}
    for style in root.iter(_w("style")):
        style_id = style.get(_w("styleId"), "")
        num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
        if num_pr is not None and num_pr.find(_w("numId")) is not None:
            level = min(_MAX_LEVEL, max(0, _int(num_pr.find(_w("ilvl")), 0)))
            direct[style_id] = (num_pr.find(_w("numId")).get(_VAL, ""), level)
        parent = style.find(_w("basedOn"))
        if parent is not None:
            based_on[style_id] = parent.get(_VAL, "")
    result: dict[str, tuple[str, int]] = {}
    for style_id in set(direct) | set(based_on):
        current: str | None = style_id
        for _ in range(_STYLE_DEPTH):
            if current in direct:
                result[style_id] = direct[current]
                break
            current = based_on.get(current or "")
    return result
