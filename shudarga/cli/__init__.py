"""The `shudarga` command line: parse, score, check, import and show reports; back up, restore.

`parse`, `score` and `check FILE` work on files alone and never touch a database; the other
commands set up Django first. Every refusal is one line naming the file and the problem,
exit status 2.
"""

from __future__ import annotations

import argparse
import sys

from shudarga.cli.errors import CommandError
from shudarga.documents.writers import FORMATS

EXIT_REFUSED = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shudarga",
        description="Шударга: авлигын эсрэг төлөвлөгөө, биелэлт / anti-corruption plans, reports",
    )
    parser.add_argument("--lang", choices=["mn", "en"], help="хэл / language of the output")
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser("parse", help="print a report file as JSON (no database)")
    parse.add_argument("file")

    score = commands.add_parser("score", help="score a report file (no database)")
    score.add_argument("file")
    score.add_argument("--json", action="store_true", help="print the results as JSON")

    check = commands.add_parser(
        "check",
        help="check each measure's narrative against its target (a FILE needs no database)",
    )
    check.add_argument("target", metavar="FILE|ID", help="a report file, or a stored report's id")
    check.add_argument("--json", action="store_true", help="print the checks as JSON")

    imp = commands.add_parser(
        "import", help="save a report file, or every report of a folder or a ZIP archive"
    )
    imp.add_argument("file", help="a report file, a folder or a ZIP archive of reports")
    imp.add_argument("--org", help="organization name (default: the one in the title)")
    imp.add_argument(
        "--create-org", action="store_true", help="create organizations that are not found"
    )
    imp.add_argument("--under", help="parent of a created organization (an existing name)")

    show = commands.add_parser("show", help="list stored reports, or show one")
    show.add_argument("id", nargs="?", type=int)
    show.add_argument("--json", action="store_true", help="print the results as JSON")

    export = commands.add_parser("export", help="write a stored report as the official table")
    export.add_argument("id", type=int)
    export.add_argument("--format", required=True, choices=list(FORMATS))
    export.add_argument("-o", "--output", help="file to write (default: a name from the report)")

    demo = commands.add_parser(
        "demo", help="load the demo organizations, users and reports (idempotent)"
    )
    demo.add_argument(
        "--organizations",
        type=int,
        default=None,
        metavar="N",
        help="how many organizations to generate (default: a small demo)",
    )
    demo.add_argument(
        "--years",
        type=int,
        nargs="+",
        default=None,
        metavar="YEAR",
        help="years of generated plans and reports (default: 2023 2024)",
    )
    demo.add_argument("--seed", type=int, default=None, help="random seed of the generated data")

    backup = commands.add_parser(
        "backup", help="write the database, the evidence and the generated files into one archive"
    )
    backup.add_argument(
        "-o",
        "--output",
        help="archive to write, or a folder for it (default: shudarga-DATE-TIME.tar here)",
    )
    restore = commands.add_parser(
        "restore", help="replace this instance's database and files with a backup's"
    )
    restore.add_argument("archive")
    restore.add_argument(
        "--force", action="store_true", help="replace a database or evidence that hold data"
    )
    _job_commands(commands)
    return parser


def _job_commands(commands) -> None:
    zipped = commands.add_parser(
        "zip", help="write a ZIP of a node's reports for a year (PDF and XLSX each, index.csv)"
    )
    zipped.add_argument("--node", type=int, required=True, help="id of the node (an aimag)")
    zipped.add_argument("--year", type=int, required=True)
    zipped.add_argument("-o", "--output", help="file to write (default: a name from the node)")
    zipped.add_argument("--user", help="whose view of the reports (default: an administrator)")
    zipped.add_argument(
        "--queue", action="store_true", help="leave it to a worker and follow its progress"
    )
    jobs = commands.add_parser("jobs", help="list the latest background jobs")
    jobs.add_argument("--limit", type=int, default=20)
    jobs.add_argument(
        "--prune", type=int, metavar="DAYS", help="delete jobs finished DAYS ago, and their files"
    )
    regenerate = commands.add_parser(
        "regenerate-files", help="queue the writing of every publication's files"
    )
    regenerate.add_argument("--year", type=int, help="only the publications of this year")
    country = commands.add_parser(
        "check-country",
        help="store the checks of every report of the country and seek copied narratives "
        "country-wide (what the worker does after each submission; progress on stderr)",
    )
    country.add_argument("--force", action="store_true", help="recompute unchanged reports too")
    deadlines = commands.add_parser(
        "notify-deadlines",
        help="remind organizations of report deadlines (run daily; sends each reminder once)",
    )
    deadlines.add_argument("--days-before", type=int, help="days before a deadline (default 7)")
    deadlines.add_argument("--today", help="the day to run as, YYYY-MM-DD (default: today)")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.lang:
        import os

        os.environ["SHUDARGA_LANG"] = args.lang
    try:
        if args.command in ("parse", "score"):
            from shudarga.cli import files

            return files.run(args)
        if args.command == "check":
            from shudarga.cli.checks import is_stored_id, run_check_file

            if not is_stored_id(args.target):
                return run_check_file(args)  # a file: no database, no Django
        from shudarga.cli import database

        return database.run(args)
    except CommandError as exc:
        print(f"shudarga: {exc}", file=sys.stderr)
        return EXIT_REFUSED


def entry_point() -> None:
    sys.exit(main())
