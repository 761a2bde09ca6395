"""The forms that add and remove evidence are open for one measure at a time: on a sheet of
a hundred measures they were a third of its bytes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.personas import HTMX, client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_root")]


def sheet(client, report, **query) -> str:
    return client.get(reverse("web:report_edit", args=[report.pk]), query).content.decode()


def test_the_sheet_links_to_the_evidence_forms_and_opens_them_for_the_measure_asked(
    report, results, officer
):
    first, second = results["1.1"], results["1.2"]
    closed = sheet(client_for(officer), report)
    assert 'id="ev-files-' not in closed
    assert closed.count('class="evidence-manage"') == len(results)
    opened = sheet(client_for(officer), report, evidence=str(first.pk))
    assert f'id="ev-files-{first.pk}"' in opened and f'id="ev-files-{second.pk}"' not in opened
    assert 'id="files-help"' in opened  # the help text the file field points to


def test_htmx_fetches_the_forms_of_one_measure_and_a_plain_request_opens_them_on_the_sheet(
    report, results, officer
):
    result = results["1.1"]
    url = reverse("web:evidence_manage", args=[report.pk, result.pk])
    fragment = client_for(officer).get(url, **HTMX)
    assert fragment.status_code == 200
    html = fragment.content.decode()
    assert html.lstrip().startswith(f'<div class="evidence" id="ev-{result.pk}"')
    assert f'id="ev-files-{result.pk}"' in html and f'id="ev-url-{result.pk}"' in html
    plain = client_for(officer).get(url)
    assert plain.status_code == 302
    assert plain["Location"].endswith(f"?evidence={result.pk}#ev-{result.pk}")


def test_an_outsider_and_a_viewer_get_no_evidence_forms(report, results, rival, viewer):
    url = reverse("web:evidence_manage", args=[report.pk, results["1.1"].pk])
    assert client_for(rival).get(url, **HTMX).status_code == 404
    assert client_for(viewer).get(url, **HTMX).status_code == 403
    assert "evidence-manage" not in sheet(client_for(viewer), report)
