"""The commands that need the database: Django is set up here, and only here."""

from __future__ import annotations

import argparse
import os


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shudarga.settings")
    import django

    django.setup()


def run(args: argparse.Namespace) -> int:
    _setup_django()
    if args.command == "import":
        from shudarga.cli.imports import run_import

        return run_import(args)
    if args.command == "show":
        from shudarga.cli.reports import run_show

        return run_show(args)
    if args.command == "export":
        from shudarga.cli.reports import run_export

        return run_export(args)
    if args.command == "demo":
        from shudarga.demo.load import demo_load

        for line in demo_load():
            print(line)
        return 0
    raise AssertionError(args.command)  # pragma: no cover - argparse allows no other
