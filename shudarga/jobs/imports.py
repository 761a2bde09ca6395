"""A bulk import from the web: the uploaded files (reports, or ZIPs of them) are kept in the
"generated" storage until a worker imports each report in its own transaction, for the
organizations under the nodes the person reviews; every file's outcome is a row of the job."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from django.core.files.storage import storages
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext, ngettext

from shudarga.access import Action, organizations_for
from shudarga.documents.errors import ReadError
from shudarga.documents.sources import Source, archive_sources, file_loader, is_report_archive
from shudarga.jobs.models import Job
from shudarga.jobs.progress import Progress
from shudarga.plans.reports.bulk import source_import


def import_uploads_save(*, files: Iterable[UploadedFile], key: str) -> list[list[str]]:
    """Keep the uploaded files where any worker reads them: [stored name, file name]."""
    storage = storages["generated"]
    stored = []
    for upload in files:
        name = Path(upload.name or "file").name
        stored.append([storage.save(f"jobs/uploads/{key}/{name}", upload), name])
    return stored


def _sources(folder: Path, uploads: list[list[str]]) -> tuple[list[Source], list[dict]]:
    """The reports to import from the uploads copied into ``folder``, and a refused row for
    every archive that cannot be opened."""
    storage = storages["generated"]
    sources: list[Source] = []
    refused: list[dict] = []
    for i, (stored, name) in enumerate(uploads):
        local = folder / f"{i}-{name}"
        with storage.open(stored, "rb") as src, local.open("wb") as dst:
            shutil.copyfileobj(src, dst)
        if not is_report_archive(local):
            sources.append(Source(name=name, load=file_loader(local)))
            continue
        try:
            members = archive_sources(local)
        except ReadError as exc:
            refused.append({"name": name, "refused": exc.text(_lang())})
            continue
        sources += [Source(name=f"{name}/{s.name}", load=s.load) for s in members]
    return sources, refused


def _lang() -> str:
    from django.utils import translation

    return (translation.get_language() or "mn")[:2]


def import_run(job: Job, progress: Progress) -> str:
    uploads = job.params.get("uploads", [])
    allowed = organizations_for(job.user, Action.REVIEW)
    folder = Path(tempfile.mkdtemp(prefix=f"shudarga-import-{job.pk}-"))
    try:
        sources, refused = _sources(folder, uploads)
        progress.begin(len(sources) + len(refused))
        for row in refused:
            progress.step({**_empty_row(), **row})
        for source in sources:
            row = source_import(source=source, allowed=allowed, lang=_lang())
            progress.step(row.as_dict())
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        for stored, _name in uploads:
            storages["generated"].delete(stored)
    imported = sum(1 for r in job.rows if not r.get("refused"))
    job.message = ngettext(
        "%(count)d file: %(imported)d imported, %(refused)d refused.",
        "%(count)d files: %(imported)d imported, %(refused)d refused.",
        len(job.rows),
    ) % {"count": len(job.rows), "imported": imported, "refused": len(job.rows) - imported}
    if not job.rows:
        job.message = gettext("No report file was found in what you uploaded.")
    return ""


def _empty_row() -> dict:
    return {"organization": "", "year": "", "measures": "", "total": "", "report_id": None}
