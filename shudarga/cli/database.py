"""The commands that need the database: Django is set up here, and only here."""

from __future__ import annotations

import argparse
import logging
import os
import sys


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shudarga.settings")
    import django

    django.setup()
    _logs_to_stderr()


def _logs_to_stderr() -> None:
    """A command's stdout is its output (a table, JSON, a document): its log lines (the
    workflow steps an import takes, warnings) go to stderr, where a server's go to stdout."""
    loggers = [
        logging.getLogger(),
        *(
            logger
            for logger in logging.Logger.manager.loggerDict.values()
            if isinstance(logger, logging.Logger)
        ),
    ]
    for logger in loggers:
        for handler in logger.handlers:
            if _console(handler) and handler.stream is not sys.stderr:
                handler.setStream(sys.stderr)


def _console(handler: logging.Handler) -> bool:
    # shudarga.logs.ConsoleHandler (the settings' one) is a StreamHandler; a log file is not.
    return isinstance(handler, logging.StreamHandler) and not isinstance(
        handler, logging.FileHandler
    )


def run(args: argparse.Namespace) -> int:
    _setup_django()
    if args.command == "import":
        from shudarga.cli.imports import run_import

        return run_import(args)
    if args.command == "check":
        from shudarga.cli.checks import run_check_stored

        return run_check_stored(args)
    if args.command == "check-country":
        from shudarga.cli.checks import run_check_country

        return run_check_country(args)
    if args.command == "show":
        from shudarga.cli.reports import run_show

        return run_show(args)
    if args.command == "export":
        from shudarga.cli.reports import run_export

        return run_export(args)
    if args.command in ("backup", "restore"):
        from shudarga.cli.backups import run_backup, run_restore

        return run_backup(args) if args.command == "backup" else run_restore(args)
    if args.command in ("zip", "jobs", "regenerate-files"):
        from shudarga.cli import jobs

        runner = {"zip": jobs.run_zip, "jobs": jobs.run_jobs}.get(args.command, jobs.run_regenerate)
        return runner(args)
    if args.command == "notify-deadlines":
        import datetime

        from django.utils import timezone

        from shudarga.notifications.deadlines import deadline_reminders_send

        today = datetime.date.fromisoformat(args.today) if args.today else timezone.localdate()
        told = deadline_reminders_send(today=today, days_before=args.days_before)
        print(f"{told}")
        return 0
    if args.command == "demo":
        from shudarga.demo import DEMO_ORGANIZATIONS, DEMO_SEED, DEMO_YEARS
        from shudarga.demo.load import demo_load

        lines = demo_load(
            organizations=DEMO_ORGANIZATIONS if args.organizations is None else args.organizations,
            years=DEMO_YEARS if args.years is None else tuple(args.years),
            seed=DEMO_SEED if args.seed is None else args.seed,
        )
        for line in lines:
            print(line)
        return 0
    raise AssertionError(args.command)  # pragma: no cover - argparse allows no other
