"""`shudarga parse FILE` and `shudarga score FILE`: files in, JSON or a table out; no database."""

from __future__ import annotations

import argparse

import simplejson

from shudarga.cli.errors import CommandError
from shudarga.cli.render import render_score
from shudarga.documents import jsonform
from shudarga.documents.errors import ReadError
from shudarga.documents.messages import current_language
from shudarga.documents.model import ReportDocument
from shudarga.documents.readers import read_path
from shudarga.documents.scoring import score_document


def read_file(path: str) -> ReportDocument:
    try:
        return read_path(path)
    except ReadError as exc:
        raise CommandError(exc.code, file=path, **exc.params) from exc


def run(args: argparse.Namespace) -> int:
    document = read_file(args.file)
    if args.command == "parse":
        print(jsonform.dumps(document))
        return 0
    score = score_document(document)
    if args.json:
        print(simplejson.dumps(score.to_dict(), use_decimal=True, ensure_ascii=False, indent=2))
    else:
        print(render_score(document, score, current_language()), end="")
    return 0
