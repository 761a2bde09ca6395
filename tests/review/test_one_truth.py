"""One official result everywhere (issue 8): a report whose reviewer changed scores shows the
reviewer's result on every surface, with the self-assessed one only where it is labelled.

Self-assessed 100, 70, 100, ХБ: 90 %. The reviewer gives 1.1 30 and 2.1 70: official
(30 + 70 + 70) / 3 = 56.67, shown as 57 %. A surface that recomputes the result from the
self-assessed scores shows 90 and fails here.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from decimal import Decimal

import openpyxl
import pytest
import simplejson
from django.urls import reverse

from shudarga.cli import main
from shudarga.documents import jsonform
from shudarga.documents.scoring import score_document
from shudarga.plans.models import ReportSummary
from shudarga.plans.reports.workflow import report_accept
from shudarga.plans.review.publication import report_publish
from shudarga.plans.review.scoring import review_agree, review_score
from tests.conftest import require_tool
from tests.personas import client_for
from tests.review.conftest import by_number

pytestmark = pytest.mark.django_db

OFFICIAL, SELF = "57", "90"
# The one place a document shows the self-assessed result: labelled, under the official total.
SELF_LINE = f"Байгууллагын өөрийн үнэлгээгээр: {SELF}%"


def without_self_line(text: str) -> str:
    assert text.count(SELF_LINE) == 1, "the self-assessed result is shown once, labelled"
    return text.replace(SELF_LINE, "")


@pytest.fixture
def reviewed(submitted, reviewer, head):
    results = by_number(submitted)
    review_score(
        user=reviewer,
        result=results["1.1"],
        score=Decimal("30"),
        not_due=False,
        comment="Нотлох баримт дутуу",
    )
    review_score(
        user=reviewer, result=results["2.1"], score=Decimal("70"), not_due=False, comment=""
    )
    for number in ("1.2", "2.2"):
        r = results[number]
        review_score(user=reviewer, result=r, score=r.score, not_due=r.not_due, comment="")
    review_agree(user=reviewer, report=submitted)
    report_accept(user=reviewer, report=submitted)
    report_publish(user=head, report=submitted)
    submitted.refresh_from_db()
    return submitted


def _text(response) -> str:
    assert response.status_code == 200, response.status_code
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _percentages(text: str) -> set[str]:
    return set(re.findall(r"(\d+(?:\.\d+)?) ?%", text))


def test_the_report_page_shows_the_official_result_and_the_self_assessed_one_labelled(
    reviewed, officer
):
    page = _text(client_for(officer).get(reverse("web:report", args=[reviewed.pk])))
    assert f"Consolidated result: {OFFICIAL}%" in page
    assert f"Self-assessed by the organization: {SELF}%" in page
    assert page.count(f"{SELF}%") == 1  # only on the labelled line
    assert "Нотлох баримт дутуу" in page  # the reviewer's comment, seen by the organization


def test_the_sheet_panel_shows_the_official_result_and_each_reviewer_score(reviewed, head):
    page = _text(client_for(head).get(reverse("web:report_edit", args=[reviewed.pk])))
    assert f"Consolidated result: {OFFICIAL}%" in page
    assert f"Self-assessed by the organization: {SELF}%" in page
    assert "Reviewer's score (official): 30% · self-assessed: 100%" in page
    assert "Нотлох баримт дутуу" in page


def test_every_workspace_download_and_the_print_view_carry_the_official_result(
    reviewed, officer, tmp_path
):
    client = client_for(officer)

    def get(fmt: str) -> bytes:
        response = client.get(reverse("web:report_download", args=[reviewed.pk, fmt]))
        assert response.status_code == 200
        return response.content

    document = jsonform.loads(get("json").decode())
    assert score_document(document).total.display == OFFICIAL
    assert score_document(document.self_assessed()).total.display == SELF
    for html in (
        get("html").decode(),
        _text(client.get(reverse("web:report_print", args=[reviewed.pk]))),
    ):
        assert OFFICIAL in _percentages(html) or f">{OFFICIAL}<" in html
        html = without_self_line(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))
        assert SELF not in _percentages(html)
    rows = list(csv.DictReader(io.StringIO(get("csv").decode("utf-8-sig"))))
    assert [r["score"] for r in rows] == ["30", "70", "70", ""]  # the CSV has no total row
    sheet = openpyxl.load_workbook(io.BytesIO(get("xlsx")), read_only=True).active
    values = {str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None}
    assert SELF_LINE in values
    values.remove(SELF_LINE)
    assert {OFFICIAL, f"{OFFICIAL}%"} & values and not {SELF, f"{SELF}%"} & values
    pdftotext = require_tool("pdftotext")
    pdf_text = subprocess.run(
        [pdftotext, "-", "-"], input=get("pdf"), capture_output=True, check=True
    ).stdout.decode()
    pdf_text = without_self_line(re.sub(r"\s+", " ", pdf_text))
    assert OFFICIAL in pdf_text and SELF not in _percentages(pdf_text)
    soffice = require_tool("soffice")
    docx = tmp_path / "report.docx"
    docx.write_bytes(get("docx"))
    subprocess.run(
        [soffice, "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(docx)],
        capture_output=True,
        check=True,
        timeout=180,
    )
    docx_text = without_self_line(re.sub(r"\s+", " ", (tmp_path / "report.txt").read_text()))
    assert f"НЭГДСЭН ДҮН: {OFFICIAL}%" in docx_text and SELF not in _percentages(docx_text)


def test_lists_summaries_and_the_dashboard_use_the_official_result(reviewed, officer, reviewer):
    summary = ReportSummary.objects.get(report=reviewed)
    assert (summary.official_total, summary.self_total) == (Decimal("56.666667"), Decimal("90"))
    listing = _text(client_for(officer).get(reverse("web:report_list")))
    assert f"{OFFICIAL}% self-assessed: {SELF}%" in listing
    assert listing.count(f"{SELF}%") == 1  # only labelled
    plans = _text(client_for(officer).get(reverse("web:plan_list")))
    assert f"{OFFICIAL}% self-assessed: {SELF}%" in plans and plans.count(f"{SELF}%") == 1
    year = reviewed.plan.year
    query = f"?year={year}&period={reviewed.period}"
    dashboard = _text(client_for(reviewer).get(reverse("web:dashboard") + query))
    ranking = dashboard.split("Ranking")[-1]
    assert "Хужирт" in ranking
    assert OFFICIAL in _numbers(ranking) and SELF not in _numbers(ranking)


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?", text))


def test_open_data_of_the_year_carries_the_official_scores(reviewed, client):
    response = client.get(reverse("portal:year_measures", args=[reviewed.plan.year]))
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = [r for r in csv.DictReader(io.StringIO(content.decode("utf-8-sig")))]
    assert {r["report_id"] for r in rows} == {str(reviewed.pk)}
    assert [r["official_score"] for r in rows] == ["30", "70", "70", ""]
    assert [r["reviewer_score"] for r in rows] == ["30", "70", "70", ""]
    assert [r["self_score"] for r in rows] == ["100", "70", "100", ""]
    assert {r["report_official_total"] for r in rows} == {"56.666667"}


def test_the_portal_shows_the_reviewer_marks_beside_the_self_assessed_ones(reviewed, client):
    html = client.get(reverse("portal:report", args=[reviewed.pk])).content.decode()
    rows = re.findall(r"<tr[^>]*>.*?</tr>", html, flags=re.S)
    measure_22 = next(r for r in rows if ">2.2<" in r)
    cells = [
        re.sub(r"<[^>]+>", "", c).strip()
        for c in re.findall(r"<td[^>]*>(.*?)</td>", measure_22, flags=re.S)
    ]
    assert cells.count("ХБ") >= 2, cells  # self-assessed ХБ and the reviewer's ХБ


def test_the_portal_open_data_and_api_use_the_official_result(reviewed, client):
    page = _text(client.get(reverse("portal:report", args=[reviewed.pk])))
    assert f"{OFFICIAL}%" in page
    data = simplejson.loads(client.get(f"/api/reports/{reviewed.pk}").content, use_decimal=True)
    assert score_document(jsonform.document_from_dict(data)).total.display == OFFICIAL
    listing = simplejson.loads(client.get("/api/summaries").content, use_decimal=True)
    row = next(r for r in listing["items"] if r["report_id"] == reviewed.pk)
    assert Decimal(str(row["official_total"])).quantize(Decimal(1)) == Decimal(OFFICIAL)
    assert Decimal(str(row["self_total"])) == Decimal(SELF)  # labelled by its key


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx", "docx"])
def test_the_portal_files_are_the_publication_with_the_official_result(reviewed, client, fmt):
    response = client.get(reverse("portal:report_file", args=[reviewed.pk, fmt]))
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "json":
        document = jsonform.loads(content.decode())
        assert score_document(document).total.display == OFFICIAL
        assert score_document(document.self_assessed()).total.display == SELF
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
        assert [r["score"] for r in rows] == ["30", "70", "70", ""]
    elif fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
        values = {str(c) for row in sheet.iter_rows(values_only=True) for c in row if c}
        assert f"НЭГДСЭН ДҮН: {OFFICIAL}%" in values and SELF_LINE in values
    else:
        import docx

        paragraphs = [p.text for p in docx.Document(io.BytesIO(content)).paragraphs]
        assert f"НЭГДСЭН ДҮН: {OFFICIAL}%" in paragraphs and SELF_LINE in paragraphs


def test_the_cli_shows_and_exports_the_official_result(reviewed, capsys, tmp_path):
    assert main(["show", str(reviewed.pk), "--json"]) == 0
    shown = simplejson.loads(capsys.readouterr().out, use_decimal=True)
    assert shown["total"]["display"] == OFFICIAL
    assert shown["self_assessed_total"]["display"] == SELF
    assert main(["--lang", "en", "show", str(reviewed.pk)]) == 0
    text = capsys.readouterr().out
    assert f"CONSOLIDATED RESULT: {OFFICIAL}%" in text
    assert f"Self-assessed by the organization: {SELF}%" in text
    assert main(["--lang", "en", "show"]) == 0
    assert f"{OFFICIAL}% (self-assessed {SELF}%)" in capsys.readouterr().out
    target = tmp_path / "report.json"
    assert main(["export", str(reviewed.pk), "--format", "json", "-o", str(target)]) == 0
    exported = jsonform.loads(target.read_text())
    assert score_document(exported).total.display == OFFICIAL
