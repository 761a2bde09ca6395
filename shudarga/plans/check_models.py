"""Stored integrity checks (docs/checks.md): what the country's background check found of each
report, and the MinHash signature of each narrative, so copies are sought across the whole
country without hashing every text again. Imported by ``plans.models``."""

from __future__ import annotations

from django.db import models

from shudarga.orgs.models import Organization


class ReportCheck(models.Model):
    """The checks of one report as last computed from the inputs ``fingerprint`` names."""

    report = models.OneToOneField(
        "plans.Report", on_delete=models.CASCADE, related_name="stored_check"
    )
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    # sha256 of everything the document checks read: unchanged, nothing is recomputed.
    fingerprint = models.CharField(max_length=64)
    # sha256 of the narratives alone: a page uses the stored copies only while they match.
    texts_fingerprint = models.CharField(max_length=64)
    # [{"result": id, "number": "1.1", "verdict": "met", "flags": [{code, variant, params}]}]
    measures = models.JSONField(default=list)
    flags = models.JSONField(default=list)  # the report's own (stated_total_disagrees)
    counts = models.JSONField(default=dict)  # {flag code: n}, measures' and report's
    flagged_measures = models.PositiveIntegerField(default=0)
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "тайлангийн шалгалт"
        verbose_name_plural = "тайлангийн шалгалт"
        indexes = (models.Index(fields=["year", "organization"], name="plans_check_year_idx"),)

    def __str__(self) -> str:
        return f"{self.report_id}: {self.flagged_measures}"


class NarrativeSignature(models.Model):
    """The MinHash signature (documents.checks.copies.signature_bytes) of one achieved text."""

    stored = models.ForeignKey(ReportCheck, on_delete=models.CASCADE, related_name="signatures")
    result = models.OneToOneField("plans.MeasureResult", on_delete=models.CASCADE, related_name="+")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    number = models.CharField(max_length=50, blank=True)
    signature = models.BinaryField()

    class Meta:
        verbose_name = "бичвэрийн гарын үсэг"
        verbose_name_plural = "бичвэрийн гарын үсэг"
        indexes = (models.Index(fields=["year"], name="plans_signature_year_idx"),)

    def __str__(self) -> str:
        return f"{self.result_id} {self.year}"
