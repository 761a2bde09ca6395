"""A consistent dump and an all-or-nothing load of one database, per vendor.

SQLite: the online backup API copies the whole database in one step, under one read
transaction (a snapshot; in WAL mode writers go on meanwhile), and loads the same way into the
target, in one write transaction. PostgreSQL: ``pg_dump --format=custom`` (one snapshot,
compressed) and, to load, ``pg_restore``'s SQL run by ``psql`` in one transaction that first
drops the target's own tables, so a failure leaves the target exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path
from typing import IO

from django.contrib.auth import get_user_model
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.postgresql.client import DatabaseClient
from django.db.migrations.recorder import MigrationRecorder

from shudarga.ops.archive import CHUNK, BackupError

VENDORS = ("sqlite", "postgresql")
MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

# Drops every table and sequence of the target's schema, inside the restore's transaction.
_PG_CLEAR = """
DO $$
DECLARE names text;
BEGIN
  SELECT string_agg(format('%I.%I', n.nspname, c.relname), ', ') INTO names
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p');
  IF names IS NOT NULL THEN EXECUTE 'DROP TABLE ' || names || ' CASCADE'; END IF;
  SELECT string_agg(format('%I.%I', n.nspname, c.relname), ', ') INTO names
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = current_schema() AND c.relkind = 'S';
  IF names IS NOT NULL THEN EXECUTE 'DROP SEQUENCE ' || names || ' CASCADE'; END IF;
END $$;
"""


def vendor_of(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor not in VENDORS:
        raise BackupError("backup_vendor_unknown", vendor=connection.vendor)
    return connection.vendor


def dump(connection: BaseDatabaseWrapper, target: Path) -> None:
    """Writes a consistent copy of the database to the new file ``target``."""
    if vendor_of(connection) == "sqlite":
        if connection.in_atomic_block:  # the backup would wait for its own write lock forever
            raise RuntimeError("a SQLite backup cannot run inside a transaction")
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)  # pages=-1: one step, one snapshot
            # One self-contained file, no -wal beside it; Django turns WAL on again when it
            # opens the restored database.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
        return
    _run([_tool("pg_dump"), "--format=custom", "--no-password", f"--file={target}"], connection)


def load(connection: BaseDatabaseWrapper, source: Path) -> None:
    """Replaces the whole database with the dump at ``source``, in one transaction."""
    if vendor_of(connection) == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            copy.backup(connection.connection)
        except sqlite3.Error as exc:
            raise BackupError("backup_tool_failed", tool="sqlite3", reason=str(exc)) from None
        finally:
            copy.close()
        return
    _pg_load(connection, source)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # pg_restore leaves no statistics: plans would be blind


def _pg_load(connection: BaseDatabaseWrapper, source: Path) -> None:
    """pg_restore's SQL into psql inside BEGIN … COMMIT, the COMMIT sent only once pg_restore
    has ended well: a dump cut short or any error (ON_ERROR_STOP) ends psql uncommitted."""
    env = {**_pg_env(connection.settings_dict), "PGOPTIONS": "-c client_min_messages=warning"}
    with tempfile.TemporaryFile() as restore_err, tempfile.TemporaryFile() as psql_err:
        script = subprocess.Popen(
            [_tool("pg_restore"), "--no-owner", "--no-privileges", "--file=-", str(source)],
            stdout=subprocess.PIPE,
            stderr=restore_err,
        )
        psql = subprocess.Popen(
            [_tool("psql"), "--no-psqlrc", "--quiet", "--no-password", "-v", "ON_ERROR_STOP=1"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=psql_err,
            env=env,
        )
        assert script.stdout is not None and psql.stdin is not None
        try:
            psql.stdin.write(b"BEGIN;\n" + _PG_CLEAR.encode())
            shutil.copyfileobj(script.stdout, psql.stdin, CHUNK)
            if script.wait() == 0:
                psql.stdin.write(b"\nCOMMIT;\n")
            psql.stdin.close()
        except BrokenPipeError:
            pass  # psql stopped at an error: its message says which
        script.stdout.close()
        script.wait()
        psql.wait()
        if psql.returncode:
            raise BackupError("backup_tool_failed", tool="psql", reason=_read_first(psql_err))
        if script.returncode:
            reason = _read_first(restore_err)
            raise BackupError("backup_tool_failed", tool="pg_restore", reason=reason)


def _read_first(handle: IO[bytes]) -> str:
    handle.seek(0)
    return _first_line(handle.read().decode(errors="replace"))


def holds_data(connection: BaseDatabaseWrapper) -> dict[str, int]:
    """How many users, organizations and plans the database holds (those that have a table):
    a database that only migrations wrote to holds none and may be restored over."""
    from shudarga.orgs.models import Organization
    from shudarga.plans.models import Plan

    tables = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for key, model in (
            ("users", get_user_model()),
            ("organizations", Organization),
            ("plans", Plan),
        ):
            table = model._meta.db_table
            if table in tables:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
                counts[key] = cursor.fetchone()[0]
    return {key: count for key, count in counts.items() if count}


def migrations_applied(connection: BaseDatabaseWrapper) -> list[str]:
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def server_version(connection: BaseDatabaseWrapper) -> str:
    with connection.cursor() as cursor:
        sqlite = connection.vendor == "sqlite"
        cursor.execute("SELECT sqlite_version()" if sqlite else "SHOW server_version")
        return str(cursor.fetchone()[0])


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError("backup_tool_missing", tool=name)
    return path


def _run(argv: list[str], connection: BaseDatabaseWrapper) -> None:
    answer = subprocess.run(
        argv,
        env=_pg_env(connection.settings_dict),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    if answer.returncode:
        tool = Path(argv[0]).name
        reason = _first_line(answer.stderr.decode(errors="replace"))
        raise BackupError("backup_tool_failed", tool=tool, reason=reason)


def _pg_env(settings_dict: dict) -> dict[str, str]:
    """libpq's variables for the database Django is connected to (password and SSL options
    by Django's own dbshell code), so no password appears in a process list."""
    _, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    env = {**os.environ, **(env or {})}
    options = settings_dict.get("OPTIONS", {})
    for variable, value in (
        ("PGHOST", settings_dict.get("HOST") or options.get("host")),
        ("PGPORT", settings_dict.get("PORT") or options.get("port")),
        ("PGUSER", settings_dict.get("USER") or options.get("user")),
        ("PGDATABASE", settings_dict.get("NAME")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if "ERROR" in line or "error" in line]
    return (errors or lines or ["?"])[0][:300]
