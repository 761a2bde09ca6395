"""Production Shudarga in a child process: gunicorn with shudarga.settings and DEBUG off.

The listening socket is made here and handed to gunicorn (``fd://``), so no port can be taken
between choosing it and binding it, and requests sent before the workers are up just wait.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 90  # a bound, not an expectation: two busy cores boot each worker's Django


def production_env(var_dir: Path, **extra: str) -> dict[str, str]:
    """This process's environment without any SHUDARGA_ or Django setting, plus production's."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SHUDARGA_") and k != "DJANGO_SETTINGS_MODULE"
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "shudarga.settings",
            "SHUDARGA_VAR_DIR": str(var_dir),
            "SHUDARGA_SECRET_KEY": "tests-ops-" + "k" * 50,
            "SHUDARGA_ALLOWED_HOSTS": "127.0.0.1",
            "SHUDARGA_HTTPS": "0",
            **extra,
        }
    )
    return env


def _wait_until_up(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"gunicorn exited ({proc.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=10) as answer:
                if json.load(answer)["status"] == "ok":
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"gunicorn did not answer /healthz with ok:\n{log.read_text()}")


@contextmanager
def gunicorn(
    env: dict[str, str], log: Path, *, workers: int = 2, threads: int = 10
) -> Iterator[str]:
    """Serve until the block ends; yields the base URL (http://127.0.0.1:PORT)."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=128)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "shudarga.wsgi",
        f"--bind=fd://{listener.fileno()}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--worker-class=gthread",
        "--no-control-socket",
        "--timeout=60",
        "--error-logfile=-",
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            pass_fds=[listener.fileno()],
        )
    listener.close()
    try:
        _wait_until_up(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
