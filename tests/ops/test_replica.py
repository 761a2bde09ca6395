"""A read replica for the public portal (shudarga.dbrouting), with two real databases.

The replica is a second database made from the test database once the data is committed (on
SQLite a file written by SQLite's backup API; on PostgreSQL a database created with the test
database as its TEMPLATE) and registered as connections["replica"], as
SHUDARGA_REPLICA_DATABASE_URL does. After the copy the organization is renamed on the primary
only, so each page shows which database it read: an anonymous visitor's portal pages and
token-less API reads come from the replica (and run no query on the primary), the workspace,
a logged-in visitor and a token's API reads from the primary, writes always go to the primary.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from django.db import connections, router
from django.db.utils import load_backend
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shudarga.api.tokens import token_create
from shudarga.dbrouting import REPLICA, PortalReplicaRouter, _public_reads
from shudarga.orgs.models import Organization
from shudarga.plans.models import Report
from tests.ops.conftest import postgres_admin
from tests.personas import client_for, make_plan
from tests.portal.support import publication_make, report_with_results

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # Django warns that DATABASES changed: the fixture below makes the connection itself.
    pytest.mark.filterwarnings("ignore:Overriding setting DATABASES"),
]

OLD, NEW = "Хужирт сумын Засаг даргын Тамгын газар", "Хужирт сумын ЗДТГ (шинэ нэр)"


@pytest.fixture
def published(khujirt, head) -> Report:
    report = report_with_results(make_plan(khujirt, year=2025), achieved="Нийтэлсэн ажил")
    publication_make(report, by=head)
    return report


def _copy(tmp_path) -> str:
    """A second database holding what the test database holds now; its name."""
    default = connections["default"]
    if default.vendor == "sqlite":
        path = tmp_path / "replica.sqlite3"
        default.ensure_connection()
        with sqlite3.connect(path) as target:
            default.connection.backup(target)
        return str(path)
    import psycopg

    source = default.settings_dict["NAME"]
    name = f"{source}_replica"
    default.close()  # a TEMPLATE is copied only while no one is connected to it
    with psycopg.connect(**postgres_admin(default.settings_dict), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    return name


@pytest.fixture
def replica(published, tmp_path, settings) -> Iterator:
    """connections["replica"]: a copy of the database with the published report; then the
    organization is renamed on the primary only."""
    name = _copy(tmp_path)
    config = {**connections["default"].settings_dict, "NAME": name}
    settings.DATABASES = {**settings.DATABASES, REPLICA: config}
    # Made here, not by Django at start: a connection the test's own database guard allows.
    replica = load_backend(config["ENGINE"]).DatabaseWrapper(config, alias=REPLICA)
    setattr(connections._connections, REPLICA, replica)
    Organization.objects.filter(name=OLD).update(name=NEW)
    try:
        yield replica
    finally:
        replica.close()
        delattr(connections._connections, REPLICA)
        if replica.vendor == "postgresql":
            import psycopg

            with psycopg.connect(**postgres_admin(config), autocommit=True) as admin:
                admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def get(client: Client, url: str):
    """The response, and the number of queries it ran on the replica and on the primary."""
    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_default,
    ):
        response = client.get(url)
        # A streamed body reads as it is sent, after the view returned: counted too.
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200, url
    return body.decode(), len(on_replica), len(on_default)


def test_an_anonymous_visitors_portal_pages_read_the_replica_only(replica, published):
    for url in (
        reverse("portal:report", args=[published.pk]),
        reverse("portal:node", args=[published.plan.organization_id]),
        reverse("portal:report_file", args=[published.pk, "csv"]),
        reverse("api:report_list"),
    ):
        page, on_replica, on_default = get(Client(), url)
        assert on_replica > 0 and on_default == 0, url
    page, *_ = get(Client(), reverse("portal:node", args=[published.plan.organization_id]))
    assert OLD in page and NEW not in page  # the replica's data, a few seconds behind
    # The year's CSV: its state and its rows (read while it streams) from the replica.
    for _ in range(2):  # written, then read back from storage
        page, on_replica, on_default = get(Client(), reverse("portal:year_measures", args=[2025]))
        assert on_replica > 0 and on_default == 0
        assert OLD in page and NEW not in page


def test_the_workspace_and_everyone_logged_in_read_the_primary(replica, published, officer):
    urls = (
        reverse("web:report", args=[published.pk]),
        reverse("portal:node", args=[published.plan.organization_id]),
    )
    for url in urls:
        page, on_replica, on_default = get(client_for(officer), url)
        assert on_replica == 0 and on_default > 0, url
        assert NEW in page  # what they just saved, never the replica's older copy
    _token, key = token_create(user=officer, name="only on the primary")
    with_token = Client(headers={"Authorization": f"Bearer {key}"})
    page, on_replica, on_default = get(with_token, reverse("api:report_list"))
    assert on_replica == 0 and on_default > 0


@pytest.mark.django_db  # no queries: the router's answers only
def test_writes_and_migrations_never_go_to_the_replica(settings):
    settings.DATABASES = {**settings.DATABASES, REPLICA: settings.DATABASES["default"]}
    mark = _public_reads.set(True)
    try:
        assert router.db_for_read(Report) == REPLICA
        assert router.db_for_write(Report) == "default"
    finally:
        _public_reads.reset(mark)
    assert router.db_for_read(Report) == "default"
    assert PortalReplicaRouter().allow_migrate(REPLICA, "plans") is False
    assert PortalReplicaRouter().allow_migrate("default", "plans") is True


@pytest.mark.django_db
def test_without_a_replica_the_portal_reads_the_primary(published):
    with CaptureQueriesContext(connections["default"]) as on_default:
        response = Client().get(reverse("portal:report", args=[published.pk]))
    assert response.status_code == 200 and len(on_default) > 0
