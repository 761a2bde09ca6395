"""`shudarga zip`, `shudarga jobs` and `shudarga regenerate-files`: background work from the
command line, with a progress bar on a terminal.

`zip` makes the same Job the web page makes and runs it here (or, with --queue, leaves it to a
worker and follows it); `jobs` lists the latest jobs; `regenerate-files` enqueues the
publication-files task of every publication, in batches.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.storage import storages
from django.db import transaction

from shudarga.cli.errors import CommandError
from shudarga.documents.messages import current_language, message
from shudarga.jobs.models import Job
from shudarga.jobs.services import job_start, jobs_prune
from shudarga.jobs.tasks import job_execute
from shudarga.orgs.models import Organization

ENQUEUE_BATCH = 500
POLL_SECONDS = 1.0


def _user(name: str | None):
    users = get_user_model().objects.filter(is_active=True)
    user = users.filter(username=name).first() if name else users.filter(is_superuser=True).first()
    if user is None:
        raise CommandError("user_not_found", name=name or "admin")
    return user


@contextmanager
def _bar(total: int | None = None) -> Iterator[object | None]:
    """A tqdm bar on a terminal; nothing when output goes to a file or a pipe."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(total=total, file=sys.stderr, leave=False) as bar:
        yield bar


def _show(bar, job: Job) -> None:
    if bar is not None:
        bar.total = job.total or None
        bar.n = job.done
        bar.refresh()


def run_zip(args: argparse.Namespace) -> int:
    node = Organization.objects.filter(pk=args.node).first()
    if node is None:
        raise CommandError("node_not_found", id=args.node)
    job = job_start(
        kind=Job.Kind.ZIP,
        user=_user(args.user),
        organization=node,
        year=args.year,
        enqueue=args.queue,
        language=current_language(),
    )
    with _bar() as bar:
        if args.queue:  # a worker runs it: follow the row it writes
            while not job.is_finished:
                time.sleep(POLL_SECONDS)
                job.refresh_from_db()
                _show(bar, job)
        else:
            job_execute(job.pk, on_change=lambda changed: _show(bar, changed))
    job.refresh_from_db()
    if job.state == Job.State.FAILED:
        raise CommandError("job_failed", reason=job.message)
    output = Path(args.output or job.result_name)
    with storages["generated"].open(job.result, "rb") as stored:
        output.write_bytes(stored.read())
    print(message("zip_written", file=str(output), count=job.done))
    return 0


def run_jobs(args: argparse.Namespace) -> int:
    if args.prune is not None:
        count = jobs_prune(older_than=timedelta(days=args.prune))
        print(message("jobs_pruned", count=count, days=args.prune))
        return 0
    mn = current_language() == "mn"
    header = (
        ("#", "Төрөл", "Хэн", "Төлөв", "Явц", "Огноо", "Үр дүн")
        if mn
        else ("#", "Kind", "Who", "State", "Progress", "Asked", "Result")
    )
    rows = [header]
    for job in Job.objects.select_related("user")[: args.limit]:
        rows.append(
            (
                str(job.pk),
                job.kind,
                job.user.get_username(),
                job.state,
                f"{job.done}/{job.total}",
                job.created.strftime("%Y-%m-%d %H:%M"),
                job.result_name or job.message,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1])
    return 0


def run_regenerate(args: argparse.Namespace) -> int:
    """Enqueue the files task of every publication (of a year): a worker writes each file that
    is not in storage yet (files are named by their content, so one there is right)."""
    from shudarga.plans.models import ReportPublication
    from shudarga.portal.tasks import publication_files_write

    publications = ReportPublication.objects.order_by("pk")
    if args.year:
        publications = publications.filter(report__plan__year=args.year)
    ids = list(publications.values_list("pk", flat=True))
    with _bar(len(ids)) as bar:
        for start in range(0, len(ids), ENQUEUE_BATCH):
            batch = ids[start : start + ENQUEUE_BATCH]
            with transaction.atomic():  # one commit a batch, not one a publication
                for pk in batch:
                    publication_files_write.enqueue(pk)
            if bar is not None:
                bar.update(len(batch))
    print(message("files_enqueued", count=len(ids)))
    return 0
