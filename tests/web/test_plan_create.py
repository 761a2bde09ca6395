"""Creating a plan: empty, copied from the latest earlier plan, or imported after a preview."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from shudarga.demo.load import SEED
from shudarga.documents import jsonform
from shudarga.plans.models import Measure, MeasureResult, Objective, Plan, Report
from shudarga.plans.reports.storing import report_import_document
from shudarga.web.plan_create_views import SESSION_KEY
from tests.personas import build_plan, client_for

pytestmark = pytest.mark.django_db


def rows() -> tuple[int, int, int, int, int]:
    return (
        Plan.objects.count(),
        Objective.objects.count(),
        Measure.objects.count(),
        Report.objects.count(),
        MeasureResult.objects.count(),
    )


def create(client, organization, year, source, upload=None):
    data = {"organization": organization.pk, "year": year, "source": source}
    if upload is not None:
        data["file"] = upload
    return client.post(reverse("web:plan_create"), data)


def seed_upload() -> SimpleUploadedFile:
    return SimpleUploadedFile("khujirt-2024.txt", SEED.read_bytes(), content_type="text/plain")


def test_it_sends_an_anonymous_visitor_to_log_in(khujirt):
    for url in (reverse("web:plan_create"), reverse("web:plan_import_preview", args=["x"])):
        response = client_for().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert create(client_for(), khujirt, 2025, "empty").status_code == 302
    assert rows()[0] == 0


@pytest.mark.parametrize("who", ["viewer", "outsider", "staff"])
def test_someone_who_writes_no_plan_may_not_create_one(khujirt, request, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("web:plan_create")).status_code == 403
    assert create(client, khujirt, 2025, "empty").status_code == 403
    assert rows()[0] == 0


def test_another_organization_is_not_found_and_cannot_be_chosen(khujirt, rival):
    client = client_for(rival)
    url = reverse("web:plan_create")
    assert client.get(f"{url}?organization={khujirt.pk}").status_code == 404
    response = create(client, khujirt, 2025, "empty")
    assert response.status_code == 200
    assert "Choose one of your organizations." in response.content.decode()
    assert rows()[0] == 0


def test_a_viewer_asking_for_their_organization_is_refused(khujirt, viewer):
    url = reverse("web:plan_create")
    assert client_for(viewer).get(f"{url}?organization={khujirt.pk}").status_code == 403


def test_the_form_has_labels_and_offers_the_next_free_year(khujirt, officer):
    this_year = timezone.localdate().year
    build_plan(khujirt, year=this_year)
    build_plan(khujirt, year=this_year + 1)
    page = client_for(officer).get(reverse("web:plan_create")).content.decode()
    for field in ("organization", "year", "file"):
        assert f'<label for="id_{field}">' in page
    assert "<legend>Start from</legend>" in page
    assert f'value="{this_year + 2}"' in page


def test_it_creates_an_empty_plan(khujirt, officer):
    response = create(client_for(officer), khujirt, 2025, "empty")
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("web:plan", args=[plan.pk])
    assert (plan.organization, plan.year, plan.status) == (khujirt, 2025, "draft")
    assert plan.history.get().history_user == officer


def test_it_refuses_a_year_that_has_a_plan(draft, khujirt, officer):
    response = create(client_for(officer), khujirt, 2025, "empty")
    assert response.status_code == 200
    assert "already has a plan for 2025" in response.content.decode()
    assert rows()[0] == 1


def test_it_copies_last_years_plan_without_results(khujirt, officer, make_document):
    report_import_document(document=make_document(year=2024), organization=khujirt)
    before = rows()
    response = create(client_for(officer), khujirt, 2025, "copy")
    plan = Plan.objects.get(year=2025)
    assert response.status_code == 302
    assert Objective.objects.filter(plan=plan).count() == 2
    assert Measure.objects.filter(objective__plan=plan).count() == 6
    assert rows() == (before[0] + 1, before[1] + 2, before[2] + 6, before[3], before[4])


def test_it_says_when_there_is_nothing_to_copy(khujirt, officer):
    response = create(client_for(officer), khujirt, 2025, "copy")
    assert response.status_code == 200
    assert "There is no plan before 2025 to copy from." in response.content.decode()


def test_an_import_needs_a_file(khujirt, officer):
    response = create(client_for(officer), khujirt, 2025, "import")
    assert response.status_code == 200
    assert "Choose the file to import." in response.content.decode()


def test_an_unreadable_file_is_refused_with_the_readers_message(khujirt, officer):
    upload = SimpleUploadedFile("old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    response = create(client_for(officer), khujirt, 2025, "import", upload)
    assert response.status_code == 200
    assert ".docx" in response.content.decode()
    assert rows() == (0, 0, 0, 0, 0)


def test_the_import_preview_saves_nothing_until_it_is_confirmed(khujirt, officer):
    client = client_for(officer)
    response = create(client, khujirt, 2024, "import", seed_upload())
    assert response.status_code == 302
    assert rows() == (0, 0, 0, 0, 0)
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "khujirt-2024.txt" in page
    assert "6 objectives" in page and "11 measures" in page
    assert "Авлигын эсрэг сургалт зохион байгуулах" in page
    assert "The file also holds results" in page
    assert "Warnings from reading the file" in page
    assert rows() == (0, 0, 0, 0, 0)
    confirmed = client.post(response["Location"], {"confirm": "1"})
    plan = Plan.objects.get()
    assert confirmed.status_code == 302
    assert confirmed["Location"] == reverse("web:plan", args=[plan.pk])
    assert (plan.year, plan.organization) == (2024, khujirt)
    assert rows() == (1, 6, 11, 0, 0)
    assert SESSION_KEY not in client.session
    # The same preview cannot be confirmed twice.
    again = client.post(response["Location"], {"confirm": "1"})
    assert again.status_code == 302
    assert again["Location"] == reverse("web:plan_create")
    assert rows() == (1, 6, 11, 0, 0)


def test_a_cancelled_import_saves_nothing(khujirt, officer):
    client = client_for(officer)
    preview_url = create(client, khujirt, 2024, "import", seed_upload())["Location"]
    response = client.post(preview_url, {"cancel": "1"})
    assert response.status_code == 302
    assert rows() == (0, 0, 0, 0, 0)
    assert SESSION_KEY not in client.session


def test_the_preview_belongs_to_its_user_and_token(khujirt, officer, head):
    client = client_for(officer)
    preview_url = create(client, khujirt, 2024, "import", seed_upload())["Location"]
    wrong = reverse("web:plan_import_preview", args=["not-the-token"])
    assert client.post(wrong, {"confirm": "1"})["Location"] == reverse("web:plan_create")
    # Another user's session holds no such import.
    assert client_for(head).post(preview_url, {"confirm": "1"}).status_code == 302
    assert rows() == (0, 0, 0, 0, 0)


def test_a_member_who_lost_the_right_to_edit_cannot_confirm(khujirt, officer):
    client = client_for(officer)
    preview_url = create(client, khujirt, 2024, "import", seed_upload())["Location"]
    officer.memberships.update(role="viewer")
    assert client.post(preview_url, {"confirm": "1"}).status_code == 404
    assert rows() == (0, 0, 0, 0, 0)


def test_confirming_checks_the_year_again(khujirt, officer):
    client = client_for(officer)
    preview_url = create(client, khujirt, 2024, "import", seed_upload())["Location"]
    build_plan(khujirt, year=2024)
    preview = client.get(preview_url).content.decode()
    assert "already has a plan for 2024" in preview
    response = client.post(preview_url, {"confirm": "1"}, follow=True)
    assert "already has a plan for 2024" in response.content.decode()
    assert Measure.objects.count() == 4


def test_the_import_takes_the_document_from_the_session_not_the_browser(khujirt, officer):
    client = client_for(officer)
    preview_url = create(client, khujirt, 2024, "import", seed_upload())["Location"]
    client.post(preview_url, {"confirm": "1", "document": '{"objectives": []}', "year": "1999"})
    assert rows()[:3] == (1, 6, 11)


def test_a_json_file_with_markup_is_previewed_escaped(khujirt, officer, make_document):
    document = make_document(objectives=1, measures_per_objective=1)
    document.objectives[0].title = '<script>alert("o")</script>'
    document.objectives[0].measures[0].text = "<img src=x onerror=alert(1)>"
    upload = SimpleUploadedFile("plan.json", jsonform.dumps(document).encode())
    client = client_for(officer)
    preview = client.get(create(client, khujirt, 2024, "import", upload)["Location"])
    page = preview.content.decode()
    assert '<script>alert("o")</script>' not in page
    assert "&lt;script&gt;" in page
    assert "<img src=x" not in page
    assert rows() == (0, 0, 0, 0, 0)


def test_a_file_for_another_year_is_announced(khujirt, officer):
    client = client_for(officer)
    preview = client.get(create(client, khujirt, 2025, "import", seed_upload())["Location"])
    assert "The file is for 2024; its objectives and measures become the plan for 2025." in (
        preview.content.decode()
    )
