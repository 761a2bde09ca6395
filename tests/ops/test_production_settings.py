"""shudarga.settings as production reads it, each test in a fresh Python process (the suite
itself runs tests.settings): DEBUG only when asked for, no server without a secret key,
`check --deploy` clean with the variables docs/operations.md documents, SQLite in WAL mode
with IMMEDIATE transactions, and JSON log lines on stdout."""

from __future__ import annotations

import json
import re
import secrets
import subprocess
import sys

from tests.ops.server import ROOT, production_env

OPERATIONS = ROOT / "docs/operations.md"


def python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def django(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return python("import django; django.setup()\n" + code, env)


def documented_production_variables() -> dict[str, str]:
    """The ``NAME=value`` lines of the first block under "## Production variables"."""
    section = OPERATIONS.read_text(encoding="utf-8").split("## Production variables", 1)[1]
    block = section.split("```", 2)[1]
    return dict(re.findall(r"^(SHUDARGA_[A-Z_]+)=(\S+)", block, re.MULTILINE))


def test_debug_is_off_unless_asked_for_with_1(tmp_path):
    code = "from django.conf import settings; print(settings.DEBUG)"
    env = production_env(tmp_path)
    assert django(code, env).stdout.strip() == "False"
    assert django(code, {**env, "SHUDARGA_DEBUG": "true"}).stdout.strip() == "False"
    assert django(code, {**env, "SHUDARGA_DEBUG": "1"}).stdout.strip() == "True"


def test_the_server_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["SHUDARGA_SECRET_KEY"]
    done = python("import shudarga.wsgi", env)
    assert done.returncode != 0
    assert "Set SHUDARGA_SECRET_KEY (or SHUDARGA_SECRET_KEY_FILE)" in done.stderr
    # Commands that sign nothing still run (the translations are built without a key).
    assert (
        django("from django.conf import settings; print(settings.ALLOWED_HOSTS)", env).returncode
        == 0
    )


def test_the_secret_key_may_come_from_a_file(tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text("from-a-file-" + "x" * 50 + "\n")
    env = production_env(tmp_path, SHUDARGA_SECRET_KEY_FILE=str(key_file))
    del env["SHUDARGA_SECRET_KEY"]
    done = python(
        "import shudarga.wsgi; from django.conf import settings; print(settings.SECRET_KEY)", env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "from-a-file-" + "x" * 50


def test_check_deploy_is_clean_with_the_documented_production_variables(tmp_path):
    variables = documented_production_variables()
    assert {
        "SHUDARGA_SECRET_KEY",
        "SHUDARGA_ALLOWED_HOSTS",
        "SHUDARGA_CSRF_TRUSTED_ORIGINS",
    } <= set(variables)
    variables["SHUDARGA_SECRET_KEY"] = secrets.token_urlsafe(50)
    variables.pop("SHUDARGA_DATABASE_URL", None)  # the check needs no database: SQLite in tmp
    variables["SHUDARGA_VAR_DIR"] = str(tmp_path)
    env = production_env(tmp_path, **variables)
    del env["SHUDARGA_HTTPS"]  # production's default
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout
    # Without them (plain HTTP, no HSTS) the same check is not clean: it does check something.
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**env, "SHUDARGA_HTTPS": "0"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0 and "security.W008" in done.stderr + done.stdout


def test_sqlite_runs_in_wal_mode_with_immediate_transactions_and_a_busy_timeout(tmp_path):
    code = (
        "from django.db import connection, transaction\n"
        "with transaction.atomic():\n"
        "    c = connection.cursor()\n"
        "    c.execute('PRAGMA journal_mode'); mode = c.fetchone()[0]\n"
        "    c.execute('PRAGMA busy_timeout'); timeout = c.fetchone()[0]\n"
        "print(mode, timeout, connection.transaction_mode)\n"
    )
    done = django(code, production_env(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["wal", "20000", "IMMEDIATE"]
    assert (tmp_path / "shudarga.sqlite3").exists()


def test_a_workflow_transition_is_one_json_line_on_stdout(tmp_path):
    code = (
        "import logging\n"
        "logging.getLogger('shudarga.workflow').info("
        "'report submitted', extra={'report': 7, 'transition': 'submit', 'user': 'oyunchimeg'})\n"
        "logging.getLogger('shudarga.workflow').debug('not shown')\n"
    )
    done = django(code, production_env(tmp_path))
    assert done.returncode == 0, done.stderr
    [line] = done.stdout.splitlines()
    record = json.loads(line)
    assert record["logger"] == "shudarga.workflow" and record["level"] == "INFO"
    assert (record["message"], record["report"], record["transition"]) == (
        "report submitted",
        7,
        "submit",
    )


def test_a_csrf_failure_is_a_security_warning_on_stdout(tmp_path):
    code = (
        # The refusal page links the stylesheet, which scripts/serve collects first; this
        # process has collected nothing, so its static files are the apps' own, unhashed.
        "from django.conf import settings\n"
        "settings.STORAGES = {**settings.STORAGES, 'staticfiles': "
        "{'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"
        "from django.test import Client\n"
        "r = Client(enforce_csrf_checks=True, SERVER_NAME='127.0.0.1').post('/login/', {'username': 'x'})\n"
        "print('status', r.status_code)\n"
    )
    done = django(code, production_env(tmp_path))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "status 403"
    records = [json.loads(line) for line in lines[:-1]]
    assert [(r["logger"], r["level"], r["path"]) for r in records] == [
        ("django.security.csrf", "WARNING", "/login/")
    ]
