"""The web-page reader: pages as government sites publish them and as Word saves them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shudarga.documents import jsonform
from shudarga.documents.embedded import metadata_text
from shudarga.documents.errors import ReadError
from shudarga.documents.model import Period, ReportDocument, Scale, ScaleLevel
from shudarga.documents.readers import detect_format, read_bytes
from shudarga.documents.readers.html import read_html
from tests.documents.reader_fixtures import TITLE, mht_archive, official_html


def measure(doc: ReportDocument, number: str):
    return next(m for _, m in doc.measures() if m.number == number)


# What Word's "save as web page" makes of a report, trimmed: Office namespaces, an XML island
# in a conditional comment, mso styles and classes, list numbers between <![if]> markers,
# <o:p> in every paragraph, &nbsp; for empty cells, text broken across source lines.
WORD_PAGE = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1251">
<meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>Дорж</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; font-size:12.0pt;} --></style></head>
<body lang=MN style='tab-interval:36.0pt'><div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span lang=MN style='font-size:12.0pt'>В
СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГААНЫ 2023 ОНЫ<o:p></o:p></span></b></p>
<p class=MsoNormal align=center><b><span lang=MN>ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ<o:p></o:p></span></b></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=38 rowspan=2 valign=top style='width:28.4pt'><p class=MsoNormal><b><span lang=MN>Д/д<o:p></o:p></span></b></p></td>
  <td rowspan=2><p class=MsoNormal><b><span lang=MN>Хэрэгжүүлэх арга хэмжээ<o:p></o:p></span></b></p></td>
  <td colspan=4><p class=MsoNormal align=center><b><span lang=MN>Үр дүнгийн үзүүлэлт<o:p></o:p></span></b></p></td>
 </tr>
 <tr>
  <td><p class=MsoNormal><span lang=MN>Зарцуулсан хөрөнгө /мян.төг/</span></p></td>
  <td><p class=MsoNormal><span lang=MN>Шалгуур үзүүлэлт</span></p></td>
  <td><p class=MsoNormal><span lang=MN>Хүрэх түвшин</span></p></td>
  <td><p class=MsoNormal><span lang=MN>Хүрсэн түвшин буюу хэрэгжилт</span></p></td>
 </tr>
 <tr><td colspan=6><p class=MsoNormal><b><span lang=MN>Зорилт 1. Авлигын эсрэг
  сурталчилгаа<o:p></o:p></span></b></p></td></tr>
 <tr>
  <td><p class=MsoListParagraph style='mso-list:l0 level2 lfo1'><![if !supportLists]><span
  lang=MN><span style='mso-list:Ignore'>1.1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
  </span></span></span><![endif]><span lang=MN><o:p></o:p></span></p></td>
  <td><p class=MsoNormal><span lang=MN>Шторк<span style='mso-spacerun:yes'>&nbsp; </span>байршуулах<o:p></o:p></span></p></td>
  <td><p class=MsoNormal><span lang=MN>-<o:p></o:p></span></p></td>
  <td><p class=MsoNormal><span lang=MN>Хандалтын тоо<o:p></o:p></span></p></td>
  <td><p class=MsoNormal><span lang=MN>500 иргэн<o:p></o:p></span></p></td>
  <td><p class=MsoNormal><span lang=MN>Шторкийг 315 иргэн
  үзсэн.<o:p></o:p></span></p>
  <p class=MsoNormal><span lang=MN><o:p>&nbsp;</o:p></span></p>
  <p class=MsoNormal align=right><span lang=MN>Үр дүнтэй-100%<o:p></o:p></span></p></td>
 </tr>
 <tr>
  <td><p class=MsoNormal><span lang=MN>1.2.<o:p></o:p></span></p></td>
  <td><p class=MsoNormal><span lang=MN>Самбар шинэчлэх<o:p></o:p></span></p></td>
  <td><p class=MsoNormal><span lang=MN>840,0<o:p></o:p></span></p></td>
  <td><p class=MsoNormal><span lang=MN>&nbsp;<o:p></o:p></span></p></td>
  <td><p class=MsoNormal><span lang=MN>Сар бүр<o:p></o:p></span></p></td>
  <td><p class=MsoNormal><span lang=MN>Шинэчилсэн. Үр дүнгүй-0<o:p></o:p></span></p></td>
 </tr>
</table>
<p class=MsoNormal><b><span lang=MN>НЭГДСЭН ДҮН: 50%<o:p></o:p></span></b></p>
</div></body></html>"""


def test_it_is_told_a_web_page_by_its_content():
    assert detect_format(official_html().encode()) == "html"
    assert detect_format(b"\n  <table><tr><td>1</td></tr></table>") == "html"
    assert detect_format("Гарчиг\n<p>мөр</p>\n<table>".encode()) == "html"


def test_it_reads_a_page_saved_by_word_in_windows_1251():
    # windows-1251 has no Ө or Ү: Word writes them as character references (&#1198;).
    doc = read_bytes(WORD_PAGE.encode("cp1251", errors="xmlcharrefreplace"), source="b.htm")
    assert doc.title == (
        "В СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГААНЫ 2023 ОНЫ "
        "ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ"
    )
    assert (doc.year, doc.stated_total) == (2023, Decimal(50))
    assert [(o.number, o.title) for o in doc.objectives] == [("1", "Авлигын эсрэг сурталчилгаа")]
    m = measure(doc, "1.1")
    assert (m.text, m.spent, m.indicator, m.target) == (
        "Шторк байршуулах",
        None,
        "Хандалтын тоо",
        "500 иргэн",
    )
    assert (m.achieved, m.score, m.rating) == (
        "Шторкийг 315 иргэн үзсэн.",
        Decimal(100),
        "Үр дүнтэй",
    )
    m = measure(doc, "1.2")
    assert (m.spent, m.indicator, m.score) == (Decimal("840.0"), "", Decimal(0))
    assert doc.warnings == []
    assert "Дорж" not in jsonform.dumps(doc)  # the XML island in the conditional comment


def test_it_reads_the_same_page_in_utf_8_with_a_wrong_declaration():
    doc = read_bytes(WORD_PAGE.encode("utf-8"))
    assert doc.measure_count == 2


def test_it_reads_utf_16_pages_with_a_byte_order_mark():
    doc = read_bytes(b"\xff\xfe" + official_html().encode("utf-16-le"))
    assert doc.measure_count == 3


def test_it_refuses_non_utf8_bytes_that_the_page_does_not_declare():
    page = official_html().replace('<meta charset="utf-8">', "")
    with pytest.raises(ReadError) as caught:
        read_bytes(page.encode("cp1251", errors="xmlcharrefreplace"))
    assert caught.value.code == "file_encoding"


def test_it_reads_spanned_cells_once():
    doc = read_html(official_html().encode())
    assert [(o.number, [m.number for m in o.measures]) for o in doc.objectives] == [
        ("1", ["1.1", "1.2"]),
        ("2", ["2.1"]),
    ]
    assert measure(doc, "1.1").achieved == "Шторкийг 315 иргэн үзсэн.\nБас 41 иргэн үзсэн."
    assert doc.warnings == []


def test_it_gives_a_rowspan_objective_column_to_the_rows_it_spans():
    page = """<table>
      <tr><th>Үйл ажиллагааны зорилт</th><th>Хэрэгжүүлэх арга хэмжээ</th><th>Биелэлт</th><th>Оноо</th></tr>
      <tr><td rowspan="2">Ил тод байдал</td><td>1.1 Мэдээлэл байршуулах</td><td>Байршуулсан.</td><td>100</td></tr>
      <tr><td>1.2 Самбар шинэчлэх</td><td>Шинэчилсэн.</td><td>70</td></tr>
      <tr><td>Хяналт</td><td>2.1 Шалгалт хийх</td><td>Хийсэн.</td><td>30</td></tr>
    </table>"""
    doc = read_html(page.encode())
    assert [(o.title, [(m.number, m.score) for m in o.measures]) for o in doc.objectives] == [
        ("Ил тод байдал", [("1.1", Decimal(100)), ("1.2", Decimal(70))]),
        ("Хяналт", [("2.1", Decimal(30))]),
    ]


def test_it_finds_the_report_inside_a_page_layout_table_and_its_title_among_the_menus():
    page = f"""<html><body>
      <table class="layout"><tr>
        <td class="menu"><table><tr><td>1</td><td>Нүүр</td></tr><tr><td>2</td><td>Мэдээ</td></tr></table></td>
        <td class="content">
          <h1>Ил тод байдал</h1><p>Нийт үзсэн: 1234</p>
          <h2>{TITLE}</h2>
          {official_html().split("<body>")[1].split("</body>")[0].split("</h2>", 1)[1]}
        </td>
      </tr></table>
      <footer>© 2024 Б сум</footer></body></html>"""
    doc = read_html(page.encode())
    assert doc.title == TITLE
    assert doc.measure_count == 3
    assert doc.stated_total == Decimal(50)
    assert doc.warnings == []


def test_it_reads_a_small_table_inside_a_report_cell_as_lines():
    page = official_html().replace(
        "<p>Шторкийг 315 иргэн үзсэн.</p>",
        "<p>Шторкийг 315 иргэн үзсэн.</p><table><tr><td>Сар</td><td>Тоо</td></tr></table>",
    )
    assert "Сар\nТоо" in measure(read_html(page.encode()), "1.1").achieved


def test_it_drops_scripts_styles_and_hidden_elements():
    page = official_html(
        head="<style>td{color:red} .x{}</style><script>var a='ХОРТОЙ';</script>"
    ).replace(
        "<td>Шторк байршуулах</td>",
        "<td>Шторк<script>document.write('ХОРТОЙ')</script> байршуулах"
        "<span style='display:none'>НУУЦ</span><noscript>ХОРТОЙ</noscript></td>",
    )
    doc = read_html(page.encode())
    text = jsonform.dumps(doc)
    assert "ХОРТОЙ" not in text and "НУУЦ" not in text and "color" not in text
    assert measure(doc, "1.1").text == "Шторк байршуулах"


def test_it_skips_a_page_number_between_rows_with_a_warning():
    page = official_html().replace(
        '<tr><td colspan="6"><b>Зорилт 2.',
        '<tr><td colspan="6">Хуудас 2</td></tr><tr><td colspan="6"><b>Зорилт 2.',
    )
    doc = read_html(page.encode())
    assert [w.code for w in doc.warnings] == ["row_skipped"]
    assert doc.measure_count == 3


def test_it_applies_the_metadata_of_its_meta_tag():
    scale = Scale(
        code="iaac-5",
        name="Таван түвшин",
        levels=(ScaleLevel(Decimal(100), "Бүрэн", "Full"),),
        not_due_mark="Х/Б",
    )
    meta = metadata_text(ReportDocument(period=Period.HALF_YEAR, scale=scale)).replace("'", "&#39;")
    doc = read_html(official_html(head=f"<meta name=\"shudarga\" content='{meta}'>").encode())
    assert (doc.scale, doc.period) == (scale, Period.HALF_YEAR)


@pytest.mark.parametrize(
    ("page", "code"),
    [
        ("<html><body><p>Мэдээ алга.</p></body></html>", "no_table"),
        ("<html><body><table><tr><td>Нэр</td><td>Утас</td></tr></table></body></html>", "no_table"),
        ("<html></html>", "no_table"),
    ],
)
def test_it_refuses_pages_without_a_report_table(page, code):
    with pytest.raises(ReadError) as caught:
        read_bytes(page.encode())
    assert caught.value.code == code


def test_it_reads_a_table_caption_as_the_title():
    page = (
        official_html()
        .replace(f"<h2>{TITLE}</h2>", "")
        .replace("<table border=1>", f"<table><caption>{TITLE}</caption>")
    )
    doc = read_html(page.encode())
    assert doc.title == TITLE and doc.measure_count == 3


def test_it_reads_a_single_file_web_page_saved_by_word():
    data = mht_archive(WORD_PAGE)
    assert detect_format(data) == "mht"
    doc = read_bytes(data)
    assert doc.year == 2023 and doc.measure_count == 2
    assert measure(doc, "1.1").score == Decimal(100)


def test_it_refuses_a_web_archive_without_a_page():
    with pytest.raises(ReadError) as caught:
        read_bytes(
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b--\r\n'
        )
    assert caught.value.code == "no_table"
