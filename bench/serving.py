"""The public report JSON under gunicorn, and the PDF of small and large reports, against
baselines measured in the same run.

    .venv/bin/python bench/serving.py [--seconds 5] [--clients 8]

1. Requests a second for a published report's JSON (/open/reports/<id>.json) through gunicorn
   with 2 workers, beside a view returning a constant JSON body of the same size through the
   same server (target: at least 50 %).
2. The PDF of the Khujirt report (11 measures) and of a 200-measure report, beside writing
   the same documents as JSON.
Data: a country of 20 organizations (bench/country.py) in a scratch SQLite file.

Measured 2026-12-03 (issue 9; a shared 2-core machine at load 8): the public JSON was 290
requests/s = 15 % of the constant view (it parsed the frozen document, wrote it as JSON and
hashed it on every request); served from the generated storage after one precompiled query
that leaves the document unread, 1186 requests/s = 68 % (39–68 % over runs, with the load).
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int) -> None:
    """Until the server accepts connections (20 s at most)."""
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _rate(port: int, path: str, seconds: float, clients: int) -> float:
    """Requests a second, ``clients`` keep-alive connections at once for ``seconds``."""
    counts = [0] * clients
    end = time.perf_counter() + seconds

    def client(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < end:
            conn.request("GET", path, headers={"Host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            assert response.status == 200, (path, response.status)
            counts[i] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / seconds


def pdfs() -> None:
    """The PDF table of bench/documents.py (one measurement of the PDF, not two)."""
    from documents import pdf_table

    pdf_table(repeat=3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    var = Path(tempfile.mkdtemp(prefix="shudarga-bench-"))
    env = {**os.environ, "SHUDARGA_VAR_DIR": str(var), "DJANGO_SETTINGS_MODULE": "bench_settings",
           "PYTHONPATH": f"{ROOT}:{ROOT / 'bench'}"}  # fmt: skip
    env.pop("SHUDARGA_DATABASE_URL", None)
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from country import country

    from shudarga.plans.models import ReportPublication

    country(organizations=20, years=[2024])
    publication = ReportPublication.objects.filter(is_current=True).first()
    url = f"/open/reports/{publication.report_id}.json"
    port = _free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "bench_urls_wsgi:application", "--workers", "2",
         "--threads", "4", "--worker-class", "gthread", "--bind", f"127.0.0.1:{port}",
         "--no-control-socket", "--log-level", "warning"],
        env=env, cwd=str(ROOT / "bench"),
    )  # fmt: skip
    try:
        _wait(port)
        conn = http.client.HTTPConnection("127.0.0.1", port)
        conn.request("GET", url, headers={"Host": "127.0.0.1"})
        size = len(conn.getresponse().read())
        public = _rate(port, url, args.seconds, args.clients)
        baseline = _rate(port, f"/bench/constant/{size}/", args.seconds, args.clients)
        print("page | bytes | requests/s | share of the constant view")
        print("--- | --- | --- | ---")
        print(f"constant JSON (baseline) | {size} | {baseline:.0f} | 100 %")
        print(f"public report JSON | {size} | {public:.0f} | {100 * public / baseline:.0f} %")
    finally:
        server.terminate()
        server.wait()
    pdfs()


if __name__ == "__main__":
    main()
