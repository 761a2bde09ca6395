"""GET /api/reports/{id}/checks: the integrity checks, read by the rule of the report."""

from __future__ import annotations

import pytest

from shudarga.plans.models import Measure, MeasureResult
from tests.api.support import api_client

pytestmark = pytest.mark.django_db


def checks(client, report) -> dict:
    response = client.get(f"/api/reports/{report.pk}/checks")
    assert response.status_code == 200, response.content
    return response.json()


def test_an_officer_reads_the_checks_of_the_report_as_it_is_now(world, officer):
    report = world["draft"]
    Measure.objects.filter(objective__plan=report.plan, number="1.1").update(
        target="300 иргэнээс доошгүй", indicator="Хамрагдсан иргэдийн тоо"
    )
    MeasureResult.objects.filter(report=report, measure__number="1.1").update(
        achieved="Нийт 120 иргэн хамрагдсан.", score=100
    )
    data = checks(api_client(officer), report)
    first = data["measures"][0]
    assert first["number"] == "1.1"
    assert first["verdict"] == "not_met"
    assert first["target"]["quantity"] == 300
    assert first["evidence"] == [
        {"value": 120, "unit": "иргэн", "text": "Нийт 120 иргэн хамрагдсан."}
    ]
    (flag,) = first["flags"]
    assert flag["code"] == "score_without_evidence"
    assert flag["message"].startswith("1.1: өөрийн үнэлгээ 100")  # Mongolian first
    assert [m["number"] for m in data["measures"]] == ["1.1", "1.2", "2.1", "2.2"]


def test_the_public_reads_the_checks_of_the_current_publication(world, anon):
    data = checks(anon, world["published"])
    assert [m["number"] for m in data["measures"]] == ["1.1", "1.2", "2.1", "2.2"]
    # Published with 100 and 70 and not a word achieved: both claims lack evidence.
    claimed = [
        m["number"]
        for m in data["measures"]
        if "score_without_evidence" in [f["code"] for f in m["flags"]]
    ]
    assert claimed == ["1.1", "1.2"]


def test_an_unpublished_report_of_another_office_is_not_found(world, anon, rival):
    assert anon.get(f"/api/reports/{world['draft'].pk}/checks").status_code == 404
    assert api_client(rival).get(f"/api/reports/{world['draft'].pk}/checks").status_code == 404


COPIED = (
    "Байгууллагын цахим хуудсанд авлигын эсрэг 8 мэдээ байршуулж, иргэдэд зориулсан "
    "гурван удаагийн нээлттэй өдөрлөг зохион байгуулж, авлигын эсрэг хууль тогтоомжийн "
    "талаар мэдээлэл хүргэсэн. Сумын төрийн байгууллагуудын мэдээллийн самбарт зурагт "
    "хуудас, гарын авлагыг байршуулсан."
)


def copied(client, report) -> list[dict]:
    return [
        f
        for m in checks(client, report)["measures"]
        for f in m["flags"]
        if f["code"] == "narrative_copied"
    ]


def test_a_narrative_copied_from_another_office_is_flagged_for_who_sees_both(world, officer, admin):
    MeasureResult.objects.filter(report=world["draft"], measure__number="2.1").update(
        achieved=COPIED
    )
    MeasureResult.objects.filter(report=world["rival"], measure__number="1.2").update(
        achieved=COPIED.replace("8 мэдээ", "11 мэдээ")  # new figures, old words
    )
    (flag,) = copied(api_client(admin), world["draft"])
    assert flag["message"] == (
        "2.1: хүрсэн түвшний бичвэр «Бат-Өлзий сумын Засаг даргын Тамгын газар»-ын тайлангийн "
        "1.2 арга хэмжээнийхтэй 100% ижил байна"
    )
    # The officer cannot read the other office's report: nothing of it is shown, not even a copy.
    assert copied(api_client(officer), world["draft"]) == []
