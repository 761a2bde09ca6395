"""Twenty people save at the same moment, through the API of the production server.

Two offices each have a draft report of five measures; two clients (two tokens, two TCP
connections, two gunicorn threads with their own database connections) save each result
against the same version, all released by one barrier. Every answer must be 200 or the
documented 409 (never 500 "database is locked", which is what SQLite gave before WAL,
IMMEDIATE transactions and a busy timeout), exactly one of each pair must win, and what is
stored afterwards must be the winner's values with one new version and a matching summary.

The server reads this test's own database: on PostgreSQL the test database itself, on SQLite
a file copied from the in-memory test database (SQLite's locking is the point, and an
in-memory database shares one lock table between connections, unlike a file).
"""

from __future__ import annotations

import http.client
import json
import sqlite3
import threading
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connection

from shudarga.api.tokens import token_create
from shudarga.plans.reports.filling import report_start
from tests.ops.server import gunicorn, production_env
from tests.personas import make_plan

pytestmark = pytest.mark.django_db(transaction=True)

MEASURES = 5  # per office: 2 offices × 5 results × 2 clients = 20 saves at once
SAVES = 2 * MEASURES * 2
WAIT_SECONDS = 60  # a bound on each request, not an expectation


def database_url_for_the_server(tmp_path: Path) -> str:
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = tmp_path / "shudarga.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        target.close()
        return f"sqlite:///{copy}"
    assert connection.vendor == "postgresql"
    user, password = settings_dict["USER"], settings_dict["PASSWORD"]
    auth = f"{user}:{password}@" if password else f"{user}@"
    return (
        f"postgres://{auth}{settings_dict['HOST']}:{settings_dict['PORT']}/{settings_dict['NAME']}"
    )


def send(base: str, method: str, path: str, key: str, body: dict | None = None) -> tuple[int, dict]:
    address = urlsplit(base)
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=WAIT_SECONDS)
    try:
        conn.request(
            method,
            path,
            body=None if body is None else json.dumps(body),
            headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        )
        answer = conn.getresponse()
        raw = answer.read()
    finally:
        conn.close()
    try:
        return answer.status, json.loads(raw)
    except ValueError:
        return answer.status, {"raw": raw.decode(errors="replace")[:500]}


@pytest.fixture
def offices(khujirt, officer, other_office, rival):
    """Per office: its report, its results' ids and two keys of its officer."""
    out = []
    for organization, user in ((khujirt, officer), (other_office, rival)):
        plan = make_plan(organization, objectives=1, measures_per_objective=MEASURES)
        report = report_start(user=user, plan=plan, period="half_year")
        keys = [token_create(user=user, name=f"client {n}", scope="write")[1] for n in "AB"]
        results = list(report.results.order_by("pk").values_list("pk", flat=True))
        assert len(results) == MEASURES
        out.append({"report": report.pk, "results": results, "keys": keys})
    return out


def test_twenty_simultaneous_saves_give_200_or_409_and_one_consistent_winner(offices, tmp_path):
    saves = [  # (office, result, client): client A scores 100, client B 70
        (o, result, client)
        for o, office in enumerate(offices)
        for result in office["results"]
        for client in (0, 1)
    ]
    assert len(saves) == SAVES
    env = production_env(tmp_path, SHUDARGA_DATABASE_URL=database_url_for_the_server(tmp_path))
    answers: dict[tuple[int, int, int], tuple[int, dict]] = {}
    barrier = threading.Barrier(SAVES, timeout=WAIT_SECONDS)

    def save(base: str, o: int, result: int, client: int) -> None:
        body = {
            "expected_version": 1,
            "score": ("100", "70")[client],
            "achieved": f"{'AB'[client]}: result {result}",
        }
        barrier.wait()
        answers[o, result, client] = send(
            base, "PUT", f"/api/results/{result}", offices[o]["keys"][client], body
        )

    with gunicorn(env, tmp_path / "gunicorn.log", workers=2, threads=SAVES // 2) as base:
        threads = [threading.Thread(target=save, args=(base, *s)) for s in saves]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(WAIT_SECONDS * 2)
        assert not any(thread.is_alive() for thread in threads)
        stored = {
            o: {
                r["id"]: r
                for r in send(
                    base, "GET", f"/api/reports/{office['report']}/results", office["keys"][0]
                )[1]
            }
            for o, office in enumerate(offices)
        }
        summaries = {
            o: next(
                row
                for row in send(
                    base, "GET", "/api/summaries?year=2025&limit=100", office["keys"][0]
                )[1]["items"]
                if row["report_id"] == office["report"]
            )
            for o, office in enumerate(offices)
        }
    log = (tmp_path / "gunicorn.log").read_text()

    statuses = sorted(status for status, _ in answers.values())
    assert len(answers) == SAVES
    assert set(statuses) <= {200, 409}, (statuses, log[-3000:])
    for o, office in enumerate(offices):
        winners = []
        for result in office["results"]:
            pair = [answers[o, result, client] for client in (0, 1)]
            assert sorted(status for status, _ in pair) == [200, 409]
            won = next(client for client in (0, 1) if pair[client][0] == 200)
            lost_body = pair[1 - won][1]
            row = stored[o][result]
            assert row["version"] == 2
            assert row["achieved"] == f"{'AB'[won]}: result {result}"
            assert Decimal(str(row["score"])) == Decimal(("100", "70")[won])
            assert lost_body["code"] == "version_conflict"
            assert lost_body["stored"]["achieved"] == row["achieved"]  # the loser saw the winner
            winners.append(Decimal(("100", "70")[won]))
        summary = summaries[o]
        assert summary["self_scored"] == MEASURES
        assert Decimal(str(summary["self_total"])) == sum(winners) / MEASURES
