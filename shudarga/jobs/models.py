"""The Job: one piece of long work asked for by a person, and how far it has got."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from shudarga.orgs.models import Organization
from shudarga.plans.models import Report


class Job(models.Model):
    """Long work a worker runs (jobs.tasks): its kind, who asked, the report or node it is
    about, its state, its progress (``done`` of ``total`` steps), a message for the person
    (in the language they asked in), per-item ``rows`` (a bulk import's files) and the name
    of its result in STORAGES["generated"], written only once the whole result is complete."""

    class Kind(models.TextChoices):
        ZIP = "zip", _("ZIP of reports")
        PDF = "pdf", _("PDF of a report")
        IMPORT = "import", _("Import of reports")

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    FINISHED = (State.DONE, State.FAILED)

    kind = models.CharField(max_length=16, choices=Kind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveIntegerField(null=True, blank=True)
    # The language the person asked in: the worker writes messages and files in it.
    language = models.CharField(max_length=8, default="mn")
    # What the kind needs besides the scope (an import's uploaded files and options).
    params = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    rows = models.JSONField(default=list, blank=True)
    result = models.CharField(max_length=300, blank=True)
    result_name = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created", "-pk")
        indexes = (models.Index(fields=["user", "-created"]),)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.state in self.FINISHED
