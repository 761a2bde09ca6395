"""Production's security headers on a real response (shudarga.settings in a fresh process,
behind the HTTPS proxy as docs/operations.md sets it up): HSTS, the Content-Security-Policy,
no sniffing, no framing, the referrer kept on this site, the opener isolated."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.ops.server import ROOT, production_env

LOGIN_PAGE_HEADERS = (
    # The login page links the stylesheet, which scripts/serve collects first; this process has
    # collected nothing, so its static files are the apps' own, unhashed.
    "from django.conf import settings\n"
    "settings.STORAGES = {**settings.STORAGES, 'staticfiles': "
    "{'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"
    "import json\n"
    "from django.test import Client\n"
    "r = Client(SERVER_NAME='127.0.0.1').get('/login/', headers={'X-Forwarded-Proto': 'https'})\n"
    "print(json.dumps({'status': r.status_code, **dict(r.headers)}))\n"
)


def login_page_headers(tmp_path, **variables: str) -> dict[str, str]:
    env = production_env(tmp_path, **variables)
    del env["SHUDARGA_HTTPS"]  # production's default: behind an HTTPS proxy
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + LOGIN_PAGE_HEADERS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_production_sends_every_security_header_on_a_page(tmp_path):
    headers = login_page_headers(tmp_path)
    assert headers["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    policy = dict(d.strip().split(" ", 1) for d in headers["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'" and policy["base-uri"] == "'none'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_hsts_follows_its_variables(tmp_path):
    headers = login_page_headers(
        tmp_path,
        SHUDARGA_HSTS_SECONDS="600",
        SHUDARGA_HSTS_INCLUDE_SUBDOMAINS="0",
        SHUDARGA_HSTS_PRELOAD="0",
    )
    assert headers["Strict-Transport-Security"] == "max-age=600"
