"""The report list and the report page: who may see them, what they show, in both languages."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shudarga.demo.load import SEED
from shudarga.documents.readers import read_path
from shudarga.plans.reports.storing import report_import_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_report(khujirt):
    return report_import_document(document=read_path(SEED), organization=khujirt)


def client_for(user=None, language: str = "mn") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("name", ["web:report_list", "web:report"])
def test_it_sends_an_anonymous_visitor_to_log_in(seed_report, name):
    url = reverse(name, args=[seed_report.pk] if name == "web:report" else [])
    response = client_for().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_refuses_an_outsider_the_report_and_lists_nothing(seed_report, outsider):
    client = client_for(outsider)
    assert client.get(reverse("web:report", args=[seed_report.pk])).status_code == 404
    listing = client.get(reverse("web:report_list"))
    assert listing.status_code == 200
    assert "Хужирт" not in listing.content.decode()
    assert "Танд харах эрхтэй тайлан одоогоор алга." in listing.content.decode()


def test_it_lists_the_report_with_its_consolidated_result(seed_report, national):
    page = client_for(national).get(reverse("web:report_list")).content.decode()
    assert "Хужирт сумын Засаг даргын Тамгын газар" in page
    assert "86%" in page
    assert reverse("web:report", args=[seed_report.pk]) in page


def test_the_report_page_shows_the_official_table_with_results(seed_report, national):
    page = client_for(national).get(reverse("web:report", args=[seed_report.pk])).content.decode()
    assert "ХУЖИРТ СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН АВЛИГЫН ЭСРЭГ" in page
    assert "Зарцуулсан хөрөнгө /мян.төг/" in page
    assert "Зорилт 2. Авлигын эсрэг сургалт зохион байгуулах" in page
    assert "мэдээлэн сурталчилах мэдээллийн самбар ажиллуулах." in page
    assert "840" in page and "5000" in page
    assert "Нэгдсэн дүн: <strong>86%</strong>" in page
    assert "Үнэлгээгүй: 3.1, 4.1, 5.1, 6.1" in page
    assert "Тайланд бичсэн дүн: 91%" in page
    assert "3.1 = 100, 4.1 = 100, 5.1 = 100, 6.1 = 100" in page
    assert page.count('class="objective"') == 6


def test_the_report_page_speaks_english_when_asked(seed_report, national):
    page = (
        client_for(national, "en")
        .get(reverse("web:report", args=[seed_report.pk]))
        .content.decode()
    )
    assert "Money spent (thousand MNT)" in page
    assert "Consolidated result: <strong>86%</strong>" in page
    assert "Not evaluated: 3.1, 4.1, 5.1, 6.1" in page
    assert '<html lang="en">' in page


def test_text_from_a_report_is_shown_escaped(khujirt, national, make_document):
    document = make_document(objectives=1, measures_per_objective=1)
    document.objectives[0].measures[0].achieved = '<script>alert("x")</script><b>bold</b>'
    report = report_import_document(document=document, organization=khujirt)
    page = client_for(national).get(reverse("web:report", args=[report.pk])).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


@pytest.mark.parametrize("name", ["web:report", "web:report_list"])
def test_page_queries_do_not_grow_with_the_number_of_measures(
    khujirt, national, make_document, name
):
    counts = []
    for year, per_objective in ((2021, 2), (2022, 20)):
        document = make_document(objectives=5, measures_per_objective=per_objective, year=year)
        report = report_import_document(document=document, organization=khujirt)
        assert report.results.count() == 5 * per_objective
        client = client_for(national)
        url = reverse(name, args=[report.pk] if name == "web:report" else [])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_not_due_measure_shows_the_mark_and_is_left_out(khujirt, national, make_document):
    # Measures 1.1-1.4 score 70, 30, 0, 100; 1.5 is not due; 1.6 is not evaluated.
    document = make_document(objectives=1, measures_per_objective=6, stated_total=None)
    assert document.objectives[0].measures[4].not_due is True
    report = report_import_document(document=document, organization=khujirt)
    page = client_for(national).get(reverse("web:report", args=[report.pk])).content.decode()
    assert '<td class="num">ХБ</td>' in page
    assert "Хугацаа болоогүй: 1.5" in page
    assert "Үнэлгээгүй: 1.6" in page
    assert "Нэгдсэн дүн: <strong>50%</strong>" in page
