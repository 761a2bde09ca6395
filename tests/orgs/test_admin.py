from __future__ import annotations

import pytest

from shudarga.orgs.models import Organization
from shudarga.orgs.services import organization_create

pytestmark = pytest.mark.django_db


def test_admin_adds_an_organization_with_its_folded_name(client, admin):
    soum = organization_create(name="Хужирт", kind=Organization.Kind.SOUM)
    client.force_login(admin)
    response = client.post(
        "/admin/orgs/organization/add/",
        {
            "name": "  Хужирт сумын   Засаг даргын Тамгын газар ",
            "kind": Organization.Kind.ORGANIZATION,
            "short_name": "ЗДТГ",
            "treebeard_position": "first-child",
            "treebeard_ref_node": soum.pk,
            # The memberships inline, empty.
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    office = Organization.objects.get(kind=Organization.Kind.ORGANIZATION)
    assert office.name == "Хужирт сумын Засаг даргын Тамгын газар"
    assert office.name_folded == "хужирт сумын засаг даргын тамгын газар"
    assert office.path.startswith(soum.path) and office.depth == 2


def test_admin_tree_page_opens(client, admin, khujirt):
    client.force_login(admin)
    assert client.get("/admin/orgs/organization/").status_code == 200
    assert client.get(f"/admin/orgs/organization/{khujirt.pk}/change/").status_code == 200
