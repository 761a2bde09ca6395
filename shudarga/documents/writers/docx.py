"""The official table as a Word document: what an organization signs and sends up the chain.

Layout follows the seed report (shudarga/demo/khujirt-2024-anticorruption-report.txt): A4
landscape, the title centred in capitals, the table with two header rows (the group header
"Үр дүнгийн үзүүлэлт" over the last four columns), each objective as a full-width row, one row
per measure whose achieved cell ends with the rating paragraph ("Үр дүнтэй-100%"), and the line
"НЭГДСЭН ДҮН: NN%" after the table. The embedded metadata (scale, year, period, organization)
goes into the document's comments property, where the DOCX reader looks for it.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from shudarga.documents.embedded import metadata_text
from shudarga.documents.model import (
    DocumentKind,
    MeasureEntry,
    ObjectiveEntry,
    ReportDocument,
    Scale,
)
from shudarga.documents.writers.common import (
    COLUMNS,
    GROUP_HEADER,
    amount_text,
    edition_line,
    measure_cells,
    objective_text,
    official_title,
    rating_text,
    section_text,
    self_assessed_line,
    total_line,
    with_sections,
)
from shudarga.documents.writers.docx_package import document_moment, stable_zip, xml_safe
from shudarga.documents.writers.docx_xml import (
    keep_on_one_page,
    repeat_as_header,
    set_borders,
    set_fonts,
    set_language,
    shade,
)
from shudarga.documents.writers.plan_table import (
    BUDGET_COLUMN,
    OBJECTIVE_SUM_LABEL,
    PLAN_COLUMNS,
    PLAN_SUM_LABEL,
    cell_texts,
    objective_budget,
    plan_budget,
    plan_cells,
)

TEXT_SIZE = Pt(10)
TITLE_SIZE = Pt(11)
HEADER_FILL = "D9D9D9"
OBJECTIVE_FILL = "F2F2F2"
# A4 landscape, a wider left margin for binding; the widths below fill the 262 mm between.
PAGE_WIDTH, PAGE_HEIGHT = Mm(297), Mm(210)
MARGINS = {"left": Mm(20), "right": Mm(15), "top": Mm(15), "bottom": Mm(15)}
COLUMN_MM = (12, 60, 24, 38, 36, 92)  # Д/д, measure, money, indicator, target, achieved
# Rows estimated at no more lines than this stay whole on a page; longer ones may break,
# or one long achieved text would leave most of a page blank.
MAX_UNBROKEN_LINES = 15
_CHARS_PER_MM = 0.55  # Times New Roman 10 pt, Cyrillic text, a little pessimistic
_CELL_PADDING_MM = 2.5
_CENTRED_COLUMNS = (0, 2)  # Д/д and the money column
# The plan's table: Д/д, measure, indicator, target, budget, responsible unit, deadline.
PLAN_COLUMN_MM = (12, 78, 42, 40, 24, 38, 28)
_PLAN_CENTRED = (0, BUDGET_COLUMN, 6)


def write_docx(doc: ReportDocument) -> bytes:
    """The report as .docx bytes; the same document always gives the same bytes."""
    document = Document()
    _drop_template_thumbnail(document)
    _set_up_page(document)
    _set_up_styles(document)
    _set_properties(document, doc)
    _add_title(document, official_title(doc))
    edition = edition_line(doc)
    if edition:
        _add_edition(document, edition)
    if doc.kind is DocumentKind.PLAN:
        _add_plan_table(document, doc)
    else:
        _add_table(document, doc)
        _add_paragraph(document, total_line(doc), bold=True, size=TITLE_SIZE, space_before=Pt(6))
        self_line = self_assessed_line(doc)
        if self_line:
            _add_paragraph(document, self_line, bold=False, size=TITLE_SIZE)
    out = io.BytesIO()
    document.save(out)
    return stable_zip(out.getvalue())


# --- the document around the table --------------------------------------------------------


def _drop_template_thumbnail(document: DocxDocument) -> None:
    """python-docx's template carries a preview picture of an empty page; file managers would
    show it for every report, so the part is dropped (parts no relationship reaches are not
    written)."""
    relationships = document.part.package.rels
    for rid, relationship in list(relationships.items()):
        if relationship.reltype == RT.THUMBNAIL:
            del relationships[rid]


def _set_up_page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    for side, length in MARGINS.items():
        setattr(section, f"{side}_margin", length)


def _set_up_styles(document: DocxDocument) -> None:
    """Times New Roman 10 pt for every script, single spacing, Mongolian proofing."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            set_fonts(rpr)
            set_language(rpr, "mn-MN")
    normal = document.styles["Normal"]
    normal.font.size = TEXT_SIZE
    set_fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def _set_properties(document: DocxDocument, doc: ReportDocument) -> None:
    properties = document.core_properties
    moment = document_moment(doc)
    properties.created = properties.modified = properties.last_printed = moment
    properties.revision = 1
    properties.last_modified_by = "Shudarga"
    properties.language = "mn-MN"
    # python-docx caps text properties at 255 characters, which the metadata JSON exceeds;
    # the file format itself has no such limit, so these are set on the element directly.
    element = properties._element
    for name, value in (
        ("title", official_title(doc)),
        ("description", metadata_text(doc)),  # core_properties.comments
        ("creator", doc.organization),  # core_properties.author
    ):
        element._get_or_add(name).text = xml_safe(value)


def _add_title(document: DocxDocument, title: str) -> None:
    # Capitals by formatting (w:caps), not by changing the text: the reader gets the title
    # back as written, while Word and LibreOffice show it in capitals as the seed does.
    paragraph = _add_paragraph(document, title, bold=True, size=TITLE_SIZE)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(8)
    paragraph.paragraph_format.keep_with_next = True
    for run in paragraph.runs:
        run.font.all_caps = True


def _add_edition(document: DocxDocument, text: str) -> None:
    """The edition line under the title, centred, not bold: which publication this is."""
    paragraph = _add_paragraph(document, text, bold=False, size=TEXT_SIZE)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(8)
    paragraph.paragraph_format.keep_with_next = True


def _add_paragraph(
    document: DocxDocument, text: str, *, bold: bool, size: Pt, space_before: Pt | None = None
) -> Paragraph:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(xml_safe(text))  # a "\n" in the text becomes a line break
    run.bold = bold
    run.font.size = size
    set_fonts(run._r.get_or_add_rPr())
    if space_before is not None:
        paragraph.paragraph_format.space_before = space_before
    return paragraph


# --- the table ---------------------------------------------------------------------------


def _add_table(document: DocxDocument, doc: ReportDocument) -> Table:
    table = document.add_table(rows=2, cols=len(COLUMNS))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # fixed layout: the widths below are kept, not guessed from text
    for grid_col, mm in zip(table._tbl.tblGrid.gridCol_lst, COLUMN_MM, strict=True):
        grid_col.w = Mm(mm)
    for row in table.rows:
        for cell, mm in zip(row.cells, COLUMN_MM, strict=True):
            cell.width = Mm(mm)
    set_borders(table)
    _fill_header(table)
    for section, objective in with_sections(doc):
        if section is not None:
            _add_heading_row(table, section_text(section))
        _add_objective_row(table, objective)
        for measure in objective.measures:
            _add_measure_row(table, measure, doc.scale)
    return table


def _fill_header(table: Table) -> None:
    """Row 1: Д/д and the measure column merged down, the group header merged across;
    row 2: the four result columns. Both rows repeat on every page."""
    first, second = table.rows[0], table.rows[1]
    group = first.cells[2].merge(first.cells[len(COLUMNS) - 1])
    number = first.cells[0].merge(second.cells[0])
    text = first.cells[1].merge(second.cells[1])
    cells: list[tuple[_Cell, str]] = [
        (number, COLUMNS[0]),
        (text, COLUMNS[1]),
        (group, GROUP_HEADER),
    ]
    cells += [(second.cells[i], COLUMNS[i]) for i in range(2, len(COLUMNS))]
    for cell, label in cells:
        _write_cell(cell, [label], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for row in (first, second):
        for cell in row.cells:
            shade(cell, HEADER_FILL)
        repeat_as_header(row)
        keep_on_one_page(row)


def _add_objective_row(table: Table, objective: ObjectiveEntry) -> None:
    _add_heading_row(table, objective_text(objective))


def _add_heading_row(table: Table, text: str) -> None:
    row = table.add_row()
    cell = row.cells[0].merge(row.cells[-1])
    _write_cell(cell, [text], bold=True)
    # keep-with-next on a row's paragraphs keeps the row with the next one: an objective is
    # never left alone at the foot of a page
    cell.paragraphs[0].paragraph_format.keep_with_next = True
    shade(cell, OBJECTIVE_FILL)
    keep_on_one_page(row)


def _add_measure_row(table: Table, measure: MeasureEntry, scale: Scale) -> None:
    row = table.add_row()
    texts = [xml_safe(text).split("\n") for text in measure_cells(measure, scale)]
    for index, (cell, paragraphs) in enumerate(zip(row.cells, texts, strict=True)):
        centred = index in _CENTRED_COLUMNS
        _write_cell(cell, paragraphs, align=WD_ALIGN_PARAGRAPH.CENTER if centred else None)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    if rating_text(measure, scale):  # the rating at the right of its own paragraph, as in the seed
        row.cells[-1].paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if estimated_lines(texts) <= MAX_UNBROKEN_LINES:
        keep_on_one_page(row)


def _write_cell(
    cell: _Cell,
    paragraphs: Sequence[str],
    *,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> None:
    """One Word paragraph per text paragraph, each one run in the table's font."""
    for index, text in enumerate(paragraphs):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        if not text:
            continue
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.font.size = TEXT_SIZE
        set_fonts(run._r.get_or_add_rPr())


def estimated_lines(cells: Sequence[Sequence[str]], widths: Sequence[int] = COLUMN_MM) -> int:
    """The printed height of a measure row in lines: its tallest cell, wrapped at its width."""
    tallest = 0
    for paragraphs, mm in zip(cells, widths, strict=True):
        per_line = max(1, int((mm - _CELL_PADDING_MM) * _CHARS_PER_MM))
        lines = sum(max(1, math.ceil(len(text) / per_line)) for text in paragraphs)
        tallest = max(tallest, lines)
    return tallest


# --- the plan's table (plan_table.py) ------------------------------------------------------


def _add_plan_table(document: DocxDocument, doc: ReportDocument) -> Table:
    table = document.add_table(rows=1, cols=len(PLAN_COLUMNS))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for grid_col, mm in zip(table._tbl.tblGrid.gridCol_lst, PLAN_COLUMN_MM, strict=True):
        grid_col.w = Mm(mm)
    for cell, mm in zip(table.rows[0].cells, PLAN_COLUMN_MM, strict=True):
        cell.width = Mm(mm)
    set_borders(table)
    header = table.rows[0]
    for cell, label in zip(header.cells, PLAN_COLUMNS, strict=True):
        _write_cell(cell, [label], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        shade(cell, HEADER_FILL)
    repeat_as_header(header)
    keep_on_one_page(header)
    for section, objective in with_sections(doc):
        if section is not None:
            _add_heading_row(table, section_text(section))
        _add_objective_row(table, objective)
        for measure in objective.measures:
            _add_plan_measure_row(table, measure)
        _add_sum_row(table, OBJECTIVE_SUM_LABEL, amount_text(objective_budget(objective)))
    _add_sum_row(table, PLAN_SUM_LABEL, amount_text(plan_budget(doc)))
    return table


def _add_plan_measure_row(table: Table, measure: MeasureEntry) -> None:
    row = table.add_row()
    cells = plan_cells(measure)
    texts = [xml_safe(t).split("\n") for t in cell_texts(cells, amount_text(cells.budget))]
    for index, (cell, paragraphs) in enumerate(zip(row.cells, texts, strict=True)):
        centred = index in _PLAN_CENTRED
        _write_cell(cell, paragraphs, align=WD_ALIGN_PARAGRAPH.CENTER if centred else None)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    if estimated_lines(texts, PLAN_COLUMN_MM) <= MAX_UNBROKEN_LINES:
        keep_on_one_page(row)


def _add_sum_row(table: Table, label: str, amount: str) -> None:
    """ "Зорилтын дүн" across the columns before the budget, the sum under the budget."""
    row = table.add_row()
    label_cell = row.cells[0].merge(row.cells[BUDGET_COLUMN - 1])
    _write_cell(label_cell, [label], bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _write_cell(row.cells[BUDGET_COLUMN], [amount], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    keep_on_one_page(row)
