"""How far a job has got, written in its own short statements while it runs.

The worker runs outside any transaction, so each update commits at once and a page polling
the Job sees it; the result is named only when the whole file is in storage.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

from django.core.files import File
from django.core.files.storage import storages
from django.utils import timezone

from shudarga.jobs.models import Job


class JobRefused(Exception):
    """The job cannot do what was asked; the message is for the person, in their language."""


class Progress:
    """The running state of one job: ``begin(total)``, ``step()`` per item, then ``finish``
    or ``fail``. Each call is one UPDATE of the Job row."""

    def __init__(self, job: Job, on_change: Callable[[Job], None] | None = None) -> None:
        self.job = job
        self.on_change = on_change  # the command line's progress bar, when it runs the job

    def _save(self, **fields: object) -> None:
        for name, value in fields.items():
            setattr(self.job, name, value)
        Job.objects.filter(pk=self.job.pk).update(**fields)
        if self.on_change is not None:
            self.on_change(self.job)

    def start(self) -> None:
        self._save(state=Job.State.RUNNING, started=timezone.now(), done=0, rows=[], message="")

    def begin(self, total: int) -> None:
        self._save(total=total, done=0)

    def step(self, row: dict | None = None) -> None:
        rows = [*self.job.rows, row] if row is not None else self.job.rows
        self._save(done=self.job.done + 1, rows=rows)

    def finish(self, *, result: str = "", result_name: str = "", message: str = "") -> None:
        self._save(
            state=Job.State.DONE,
            result=result,
            result_name=result_name,
            message=message,
            finished=timezone.now(),
        )

    def fail(self, message: str) -> None:
        self._save(state=Job.State.FAILED, message=message, finished=timezone.now())


@contextmanager
def result_file(job: Job, suffix: str) -> Iterator[IO[bytes]]:
    """A temporary file to write the result into, on disk so memory stays bounded; saved into
    the "generated" storage only when the block ends without an error (its name is then
    ``job.result``). A failure leaves nothing in storage."""
    handle, path = tempfile.mkstemp(suffix=suffix, prefix=f"shudarga-job-{job.pk}-")
    try:
        with os.fdopen(handle, "w+b") as out:
            yield out
            out.flush()
            out.seek(0)
            name = f"jobs/{job.pk}/{uuid.uuid4().hex}{suffix}"
            job.result = storages["generated"].save(name, File(out))
    finally:
        os.unlink(path)
