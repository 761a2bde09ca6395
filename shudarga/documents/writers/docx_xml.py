"""WordprocessingML details python-docx has no API for: fonts for every script, repeated header
rows, rows kept on one page, borders, shading, the document's default language.

Child elements are inserted at their schema position (Word refuses a file whose elements are
out of order, LibreOffice does not, so a wrong order would go unnoticed in our tests).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table, _Cell, _Row

FONT = "Times New Roman"
BORDER_SIZE = 4  # eighths of a point: the thin single line of an official table

_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_TR_AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")
_TR_AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del")
_TBL_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
_TC_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


def set_fonts(rpr: BaseOxmlElement, name: str = FONT) -> None:
    """One font for Latin, Cyrillic, East Asian and complex scripts.

    Word picks the font by script slot and a theme attribute overrides a named font, so the
    theme attributes go and all four slots get ``name``: Ө and Ү then never fall back to the
    theme's font, whichever slot Word files them under.
    """
    rfonts = rpr.get_or_add_rFonts()  # pyright: ignore[reportAttributeAccessIssue]
    for attribute in _THEME_FONTS:
        rfonts.attrib.pop(qn(attribute), None)
    for attribute in _FONT_SLOTS:
        rfonts.set(qn(attribute), name)


def set_language(rpr: BaseOxmlElement, tag: str) -> None:
    """The proofing language (spell-checking in Word and LibreOffice), e.g. "mn-MN"."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def _row_flag(row: _Row, tag: str, successors: tuple[str, ...]) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn(tag)) is None:
        tr_pr.insert_element_before(OxmlElement(tag), *successors)


def repeat_as_header(row: _Row) -> None:
    """w:tblHeader: the row is repeated at the top of every page the table runs onto."""
    _row_flag(row, "w:tblHeader", _TR_AFTER_TBL_HEADER)


def keep_on_one_page(row: _Row) -> None:
    """w:cantSplit: the row moves to the next page whole instead of breaking."""
    _row_flag(row, "w:cantSplit", _TR_AFTER_CANT_SPLIT)


def set_borders(table: Table, size: int = BORDER_SIZE) -> None:
    """Single lines around and inside the table, whatever the table style says."""
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), str(size))
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "000000")
        borders.append(line)
    tbl_pr.insert_element_before(borders, *_TBL_AFTER_BORDERS)


def shade(cell: _Cell, fill: str) -> None:
    """A solid background, ``fill`` as hex RGB ("D9D9D9")."""
    tc_pr = cell._tc.get_or_add_tcPr()
    old = tc_pr.find(qn("w:shd"))
    if old is not None:
        tc_pr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.insert_element_before(shd, *_TC_AFTER_SHD)
