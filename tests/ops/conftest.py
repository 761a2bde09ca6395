"""Fixtures of the operations tests: a second, empty database of the test database's vendor."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import load_backend


def postgres_admin(settings: dict) -> dict:
    """psycopg's arguments for the server of ``settings``, connected to its "postgres" database
    (to create and drop the databases of a test)."""
    return {
        "host": settings["HOST"],
        "port": settings["PORT"] or 5432,
        "user": settings["USER"],
        "password": settings["PASSWORD"] or None,
        "dbname": "postgres",
    }


@pytest.fixture
def empty_database(tmp_path) -> Iterator[BaseDatabaseWrapper]:
    """A connection to a database that holds nothing yet, of this test database's vendor."""
    settings = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        settings["NAME"] = str(tmp_path / "restored.sqlite3")
        target = load_backend(settings["ENGINE"]).DatabaseWrapper(settings, alias="restored")
        yield target
        target.close()
        return
    import psycopg

    name = f"shudarga_restore_{uuid.uuid4().hex[:12]}"
    server = postgres_admin(settings)
    with psycopg.connect(**server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    settings["NAME"] = name
    target = load_backend(settings["ENGINE"]).DatabaseWrapper(settings, alias="restored")
    try:
        yield target
    finally:
        target.close()
        with psycopg.connect(**server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
