"""Plans, their objectives and measures, reports and per-measure results.

Money and scores are DecimalField, never text. Business rules live in services.py (writes)
and selectors.py (reads), not in save().
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from shudarga.filestores import StorageAlias
from shudarga.orgs.models import Organization
from shudarga.plans.official import OFFICIAL_FIELDS, official_score

# Evidence files live outside every URL the web server serves (STORAGES["evidence"]: a folder
# or a private bucket); a view that checks access streams them (shudarga.web), so a file is
# never reachable by guessing its path.
evidence_storage = StorageAlias("evidence")


def evidence_storage_get() -> StorageAlias:
    """The storage as a callable, so migrations name this function, not one machine's path."""
    return evidence_storage


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
    history = HistoricalRecords()

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
    history = HistoricalRecords()

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

    class Status(models.TextChoices):
        """A draft plan (төсөл) is edited by the organization; an approved one (батлагдсан) is
        locked until its head reopens it with a reason (PlanEvent keeps who, when and why)."""

        DRAFT = "draft", pgettext_lazy("plan status", "Draft")
        APPROVED = "approved", pgettext_lazy("plan status", "Approved")

    status = models.CharField("төлөв", max_length=10, choices=Status.choices, default="draft")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

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
    # Бүлэг (section): the heading above objectives some plans have ("Нэг. Хуулиар хүлээсэн
    # үүргийн биелэлт"); empty when the plan has none.
    section_number = models.CharField("бүлгийн дугаар", max_length=50, blank=True, default="")
    section_title = models.TextField("бүлэг", blank=True, default="")
    order = models.PositiveIntegerField("дараалал", default=0)
    history = HistoricalRecords()

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
    # Raised by every edit; an edit made against an older version is a conflict, not a save.
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

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
        HALF_YEAR = "half_year", pgettext_lazy("report period", "Half-year")
        ANNUAL = "annual", pgettext_lazy("report period", "Annual")

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

    class Status(models.TextChoices):
        """Draft (ноорог) → submitted (илгээсэн, locked) → returned (буцаасан, unlocked) or
        accepted (хүлээн авсан) → published (нийтэлсэн). "Not started" is a report that does
        not exist yet."""

        DRAFT = "draft", pgettext_lazy("report status", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("report status", "Submitted")
        RETURNED = "returned", pgettext_lazy("report status", "Returned")
        ACCEPTED = "accepted", pgettext_lazy("report status", "Accepted")
        PUBLISHED = "published", pgettext_lazy("report status", "Published")

    # The groups of states, defined here once; the steps between them are plans.reports.transitions.
    # The organization fills the report in.
    EDITABLE = (Status.DRAFT, Status.RETURNED)
    # A reviewer scores it, returns it or accepts it.
    REVIEWABLE = (Status.SUBMITTED,)
    # Signed off by the head and sent up: counted as submitted, and the plan stays approved.
    SENT_UP = (Status.SUBMITTED, Status.ACCEPTED, Status.PUBLISHED)
    # Concluded by a reviewer: its result is final (the official one).
    CONCLUDED = (Status.ACCEPTED, Status.PUBLISHED)
    # Citizens read it on the portal.
    PUBLIC = (Status.PUBLISHED,)

    status = models.CharField("төлөв", max_length=10, choices=Status.choices, default="draft")
    submitted_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

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
    # Raised by every edit; an edit made against an older version is a conflict, not a save.
    version = models.PositiveIntegerField(default=1)
    # The reviewer's final score (эцсийн үнэлгээ) and comment; the self-assessed score above is
    # kept beside it. The official result uses the reviewer's score once one is given.
    reviewer_score = models.DecimalField(
        "хянагчийн үнэлгээ", max_digits=6, decimal_places=2, null=True, blank=True
    )
    reviewer_not_due = models.BooleanField("хянагч: хугацаа болоогүй", default=False)
    reviewer_comment = models.TextField("хянагчийн тайлбар", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

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

    @property
    def official_score(self) -> tuple[Decimal | None, bool]:
        """(score, not due) that count (plans.official)."""
        return official_score(*(getattr(self, name) for name in OFFICIAL_FIELDS))


class PlanEvent(models.Model):
    """A step of a plan's approval: approved, or reopened with a reason; who and when."""

    class Action(models.TextChoices):
        APPROVED = "approved", "Баталсан"
        REOPENED = "reopened", "Дахин нээсэн"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=10, choices=Action.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ("at", "pk")

    def __str__(self) -> str:
        return f"{self.plan_id} {self.action} {self.at:%Y-%m-%d}"


class ReportEvent(models.Model):
    """A step of a report's workflow (from → to), who took it, when, and why where needed.

    Written only by ``plans.reports.transitions``. ``by`` is empty for an import from the
    command line (the server's operator, who has no account)."""

    class Step(models.TextChoices):
        START = "start", pgettext_lazy("report step", "Started")
        IMPORT = "import", pgettext_lazy("report step", "Imported")
        SUBMIT = "submit", pgettext_lazy("report step", "Submitted")
        RETURN = "return", pgettext_lazy("report step", "Returned")
        ACCEPT = "accept", pgettext_lazy("report step", "Accepted")
        PUBLISH = "publish", pgettext_lazy("report step", "Published")
        CORRECT = "correct", pgettext_lazy("report step", "Corrected")
        REOPEN = "reopen", pgettext_lazy("report step", "Reopened for correction")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    step = models.CharField(max_length=10, choices=Step.choices)
    from_status = models.CharField(max_length=10, choices=Report.Status.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=Report.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ("at", "pk")

    def __str__(self) -> str:
        return f"{self.report_id} {self.from_status}→{self.to_status} {self.at:%Y-%m-%d}"


def _evidence_path(instance: Evidence, filename: str) -> str:
    # Random names on disk: the original name is kept in the row, never trusted as a path.
    import uuid
    from pathlib import PurePath

    suffix = PurePath(filename).suffix.lower()[:10]
    return f"{instance.result.report_id}/{uuid.uuid4().hex}{suffix}"


class Evidence(models.Model):
    """Нотлох баримт (evidence) of one measure's result: an uploaded file or a link."""

    result = models.ForeignKey(MeasureResult, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(storage=evidence_storage_get, upload_to=_evidence_path, blank=True)
    original_name = models.CharField("файлын нэр", max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    url = models.URLField("холбоос", max_length=1000, blank=True)
    title = models.CharField("тайлбар", max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "нотлох баримт"
        verbose_name_plural = "нотлох баримт"
        ordering = ("uploaded_at", "pk")
        constraints = (
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""), name="plans_evidence_file_or_link"
            ),
        )

    def __str__(self) -> str:
        return self.original_name or self.url


class ReportPublication(models.Model):
    """A published version (нийтэлсэн хувилбар) of a report, frozen as its document JSON.

    Publishing freezes what citizens see; a correction after publication makes a new version
    and the old one stays visible in the history (``is_current`` marks the newest).
    """

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="publications")
    version = models.PositiveIntegerField()
    document = models.JSONField("баримт")
    official_total = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(auto_now_add=True)
    is_current = models.BooleanField(default=True)
    note = models.TextField("залруулгын тайлбар", blank=True)

    class Meta:
        ordering = ("report", "-version")
        constraints = (
            models.UniqueConstraint(
                fields=["report", "version"], name="plans_publication_unique_version"
            ),
            models.UniqueConstraint(
                fields=["report"],
                condition=Q(is_current=True),
                name="plans_publication_one_current",
            ),
        )

    def __str__(self) -> str:
        return f"{self.report_id} v{self.version}"


class ReportingCalendar(models.Model):
    """Тайлагналын хуваарь (reporting calendar): when a period ends and when reports are due."""

    year = models.PositiveSmallIntegerField("он")
    period = models.CharField("хугацаа", max_length=10, choices=Report.Period.choices)
    period_end = models.DateField("хугацааны төгсгөл")
    deadline = models.DateField("тайлан ирүүлэх эцсийн хугацаа")

    class Meta:
        verbose_name = "тайлагналын хуваарь"
        verbose_name_plural = "тайлагналын хуваарь"
        ordering = ("-year", "period")
        constraints = (
            models.UniqueConstraint(
                fields=["year", "period"], name="plans_calendar_one_per_period"
            ),
        )

    def __str__(self) -> str:
        return f"{self.year} {self.get_period_display()}: {self.deadline}"


class ReportSummary(models.Model):
    """One row per (organization, plan, period) that dashboards read instead of scanning results.

    Kept up to date by ``plans.analytics.summaries.summary_refresh`` in the same transaction as
    every change of a score, a review or a report's state.
    """

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="summary")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    period = models.CharField(max_length=10, choices=Report.Period.choices)
    status = models.CharField(max_length=10, choices=Report.Status.choices)
    measures = models.PositiveIntegerField(default=0)
    # Self-assessed figures.
    self_scored = models.PositiveIntegerField(default=0)
    self_sum = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    self_total = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    # Official figures: the reviewer's score where given, else the self-assessed one.
    official_scored = models.PositiveIntegerField(default=0)
    official_sum = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    official_total = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    not_due = models.PositiveIntegerField(default=0)
    unscored = models.PositiveIntegerField(default=0)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "тайлангийн хураангуй"
        verbose_name_plural = "тайлангийн хураангуй"
        indexes = (
            models.Index(fields=["year", "period", "status"], name="plans_summary_year_idx"),
            models.Index(fields=["organization", "year"], name="plans_summary_org_idx"),
            # The review inbox: a state's reports, oldest submission first, a page at a time.
            models.Index(fields=["status", "submitted_at", "id"], name="plans_summary_inbox_idx"),
        )

    def __str__(self) -> str:
        return f"{self.organization_id} {self.year} {self.period}: {self.official_total}"


class ObjectiveSummary(models.Model):
    """How often the measures of one objective of one report got each official score: the
    dashboard's "most often scored 0 or 30" reads these few rows a report instead of every
    measure result. Kept by ``summary_refresh`` with the report's ReportSummary, in the
    same transaction."""

    summary = models.ForeignKey(ReportSummary, on_delete=models.CASCADE, related_name="objectives")
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="+")
    scored = models.PositiveIntegerField(default=0)  # official score given (not ХБ)
    zero = models.PositiveIntegerField(default=0)  # official score 0
    thirty = models.PositiveIntegerField(default=0)  # official score 30

    class Meta:
        verbose_name = "зорилтын хураангуй"
        verbose_name_plural = "зорилтын хураангуй"
        constraints = (
            models.UniqueConstraint(
                fields=["summary", "objective"], name="plans_objective_summary_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.summary_id} {self.objective_id}: {self.zero}/{self.thirty}/{self.scored}"


from shudarga.plans.check_models import NarrativeSignature, ReportCheck  # noqa: E402

__all_checks__ = (NarrativeSignature, ReportCheck)
