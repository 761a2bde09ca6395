"""Plans, their objectives and measures, reports and per-measure results.

Money and scores are DecimalField, never text. Business rules live in services.py (writes)
and selectors.py (reads), not in save().
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from shudarga.orgs.models import Organization


class Scale(models.Model):
    """Үнэлгээний шатлал (evaluation scale): the marks a measure can get and how totals show."""

    class Rounding(models.TextChoices):
        HALF_UP = "half_up", "Тэгшитгэх (90.5 → 91)"
        TRUNCATE = "truncate", "Таслах (90.55 → 90.5)"

    code = models.CharField("код", max_length=50, unique=True)
    name = models.CharField("нэр", max_length=255)
    not_due_mark = models.CharField("хугацаа болоогүй тэмдэг", max_length=20, default="ХБ")
    rounding = models.CharField(
        "дүнг харуулах дүрэм", max_length=10, choices=Rounding.choices, default=Rounding.HALF_UP
    )
    decimals = models.PositiveSmallIntegerField("бутархайн орон", default=0)
    is_default = models.BooleanField("үндсэн шатлал", default=False)

    class Meta:
        verbose_name = "үнэлгээний шатлал"
        verbose_name_plural = "үнэлгээний шатлалууд"
        ordering = ("code",)
        constraints = (
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="plans_scale_one_default"
            ),
        )

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class ScaleLevel(models.Model):
    """Түвшин (level): one mark of a scale, e.g. 100 "Бүрэн хэрэгжсэн"."""

    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="levels")
    score = models.DecimalField("оноо", max_digits=6, decimal_places=2)
    label_mn = models.CharField("нэр (монгол)", max_length=255)
    label_en = models.CharField("нэр (англи)", max_length=255, blank=True)
    order = models.PositiveSmallIntegerField("дараалал", default=0)

    class Meta:
        verbose_name = "үнэлгээний түвшин"
        verbose_name_plural = "үнэлгээний түвшнүүд"
        ordering = ("scale", "order")
        constraints = (
            models.UniqueConstraint(
                fields=["scale", "score"], name="plans_scalelevel_unique_score"
            ),
        )

    def __str__(self) -> str:
        return f"{self.score} {self.label_mn}"


class Plan(models.Model):
    """Төлөвлөгөө (plan): one organization's anti-corruption action plan for one year."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="plans", verbose_name="байгууллага"
    )
    year = models.PositiveSmallIntegerField("он")
    title = models.CharField("гарчиг", max_length=500, blank=True)
    scale = models.ForeignKey(
        Scale, on_delete=models.PROTECT, related_name="plans", verbose_name="үнэлгээний шатлал"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "төлөвлөгөө"
        verbose_name_plural = "төлөвлөгөөнүүд"
        ordering = ("-year", "pk")
        constraints = (
            # Also the (organization, year) index.
            models.UniqueConstraint(
                fields=["organization", "year"], name="plans_plan_one_per_year"
            ),
        )
        indexes = (models.Index(fields=["year"], name="plans_plan_year_idx"),)

    def __str__(self) -> str:
        return f"{self.organization} {self.year}"


class Objective(models.Model):
    """Зорилт (objective): a numbered group of measures of a plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    number = models.CharField("дугаар", max_length=50, blank=True)
    title = models.TextField("зорилт", blank=True)
    order = models.PositiveIntegerField("дараалал", default=0)

    class Meta:
        verbose_name = "зорилт"
        verbose_name_plural = "зорилтууд"
        ordering = ("order",)
        indexes = (models.Index(fields=["plan", "order"], name="plans_objective_order_idx"),)

    def __str__(self) -> str:
        return f"{self.number} {self.title[:60]}"


class Measure(models.Model):
    """Арга хэмжээ (measure): one action of a plan, with its indicator and target level."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="measures")
    number = models.CharField("дугаар", max_length=50, blank=True)
    text = models.TextField("хэрэгжүүлэх арга хэмжээ", blank=True)
    indicator = models.TextField("шалгуур үзүүлэлт", blank=True)
    target = models.TextField("хүрэх түвшин", blank=True)
    planned_budget = models.DecimalField(
        "төлөвлөсөн төсөв /мян.төг/", max_digits=14, decimal_places=2, null=True, blank=True
    )
    responsible_unit = models.TextField("хариуцах нэгж", blank=True)
    # Written as "1 дүгээр улирал", "Тухай бүр", "Жилдээ": text, not a date.
    deadline = models.CharField("хугацаа", max_length=255, blank=True)
    order = models.PositiveIntegerField("дараалал", default=0)

    class Meta:
        verbose_name = "арга хэмжээ"
        verbose_name_plural = "арга хэмжээнүүд"
        ordering = ("order",)
        indexes = (models.Index(fields=["objective", "order"], name="plans_measure_order_idx"),)

    def __str__(self) -> str:
        return f"{self.number} {self.text[:60]}"


class Report(models.Model):
    """Биелэлт (implementation report): what a plan achieved by the half-year or the year's end."""

    class Period(models.TextChoices):
        HALF_YEAR = "half_year", "Хагас жил"
        ANNUAL = "annual", "Жилийн эцэс"

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="reports")
    period = models.CharField("хугацаа", max_length=10, choices=Period.choices)
    # The title written on this report; the plan keeps the first one it was created with.
    title = models.CharField("гарчиг", max_length=500, blank=True)
    # Нэгдсэн дүн (consolidated result) as written, and the decimals it was written with
    # ("91" → 0, "90.5" → 1): the check against the computed total needs that precision.
    stated_total = models.DecimalField(
        "бичигдсэн нэгдсэн дүн", max_digits=7, decimal_places=3, null=True, blank=True
    )
    stated_total_decimals = models.PositiveSmallIntegerField(null=True, blank=True)
    source_file = models.CharField("эх файл", max_length=500, blank=True)
    import_warnings = models.JSONField("импортын анхааруулга", default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "биелэлт"
        verbose_name_plural = "биелэлтүүд"
        ordering = ("-created_at",)
        constraints = (
            models.UniqueConstraint(fields=["plan", "period"], name="plans_report_one_per_period"),
        )

    def __str__(self) -> str:
        return f"{self.plan} {self.get_period_display()}"


class MeasureResult(models.Model):
    """Хэрэгжилт (result): what one measure achieved in one report, and its score."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="results")
    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="results")
    spent = models.DecimalField(
        "зарцуулсан хөрөнгө /мян.төг/", max_digits=14, decimal_places=2, null=True, blank=True
    )
    achieved = models.TextField("хүрсэн түвшин", blank=True)
    score = models.DecimalField("үнэлгээ", max_digits=6, decimal_places=2, null=True, blank=True)
    not_due = models.BooleanField("хугацаа болоогүй", default=False)
    # The rating label as written ("Үр дүнтэй"); the number that came with it is the score.
    rating_label = models.CharField("үнэлгээний бичвэр", max_length=500, blank=True)

    class Meta:
        verbose_name = "арга хэмжээний хэрэгжилт"
        verbose_name_plural = "арга хэмжээний хэрэгжилт"
        constraints = (
            models.UniqueConstraint(
                fields=["report", "measure"], name="plans_result_one_per_measure"
            ),
        )

    def __str__(self) -> str:
        return f"{self.report_id}/{self.measure_id}"
