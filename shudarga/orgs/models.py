"""The organization tree: country, aimags, soums, districts, khoroos and bags, organizations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords
from treebeard.mp_tree import MP_Node


class Organization(MP_Node):
    """Байгууллага (organization): one node of the public-administration tree.

    A materialized path (``path``) makes "everything under this node" one indexed prefix
    query; a path only changes when a node is moved. ``name`` is kept as written;
    ``name_folded`` is its matching form (``documents.textnorm.fold``), set by the services
    that create or rename a node.
    """

    class Kind(models.TextChoices):
        COUNTRY = "country", pgettext_lazy("organization kind", "Country")
        AIMAG = "aimag", pgettext_lazy("organization kind", "Aimag")
        CAPITAL_CITY = "capital_city", pgettext_lazy("organization kind", "Capital city")
        SOUM = "soum", pgettext_lazy("organization kind", "Soum")
        DISTRICT = "district", pgettext_lazy("organization kind", "District")
        KHOROO_BAG = "khoroo_bag", pgettext_lazy("organization kind", "Khoroo or bag")
        ORGANIZATION = "organization", pgettext_lazy("organization kind", "Organization")

    name = models.CharField("нэр", max_length=255)
    name_folded = models.CharField(
        "нэр (хайлтын хэлбэр)", max_length=255, db_index=True, editable=False
    )
    # The name's key in Latin letters (orgs.latin): "Khujirt" finds "Хужирт" and back.
    name_latin = models.CharField(
        "нэр (латин хайлтын хэлбэр)", max_length=1024, blank=True, default="", editable=False
    )
    short_name = models.CharField("товч нэр", max_length=100, blank=True)
    kind = models.CharField("төрөл", max_length=20, choices=Kind.choices)
    # The governor's office of the unit right above (an aimag's or a soum's Засаг даргын
    # Тамгын газар): the reviewers of that unit work there, so they do not review it
    # (shudarga.access); someone above does, by an assignment on the office itself.
    is_unit_office = models.BooleanField(
        "нэгжийн өөрийн тамгын газар",
        default=False,
        help_text=pgettext_lazy(
            "organization field",
            "The governor's office of the aimag or soum right above: that unit's reviewers "
            "do not review it, unless assigned to it by someone above.",
        ),
    )

    # Who changed what, before and after (the admin shows it). numchild is left out: treebeard
    # keeps it by UPDATE, so a copy of it here would only go stale.
    history = HistoricalRecords(excluded_fields=["numchild"])

    # No node_order_by on purpose: with it, inserting "Арвайхээр" before "Хужирт" rewrites
    # the paths of Хужирт and of everything under it, so nodes already in memory go stale.
    # Appended nodes leave existing paths alone; lists sort by name when they are read.

    class Meta:
        verbose_name = "байгууллага"
        verbose_name_plural = "байгууллагууд"
        # Every list of organizations is by name: a page of 25 walks this index and stops,
        # instead of sorting every organization a national reviewer sees.
        indexes = (models.Index(fields=["name", "id"], name="orgs_org_name_idx"),)

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """Гишүүнчлэл (membership): a user's role in one organization.

    officer (мэргэжилтэн) writes the plan and the reports; head (дарга) also approves the plan
    and signs off and submits reports; viewer (харагч) reads. What each role may do is decided
    in ``shudarga.access``, nowhere else.
    """

    class Role(models.TextChoices):
        OFFICER = "officer", pgettext_lazy("membership role", "Officer")
        HEAD = "head", pgettext_lazy("membership role", "Head")
        VIEWER = "viewer", pgettext_lazy("membership role", "Viewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField("үүрэг", max_length=10, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "гишүүнчлэл"
        verbose_name_plural = "гишүүнчлэл"
        constraints = (
            models.UniqueConstraint(
                fields=["user", "organization"], name="orgs_membership_one_role"
            ),
        )

    def __str__(self) -> str:
        return f"{self.user} · {self.organization} · {self.get_role_display()}"


class ReviewerAssignment(models.Model):
    """Хянагч (reviewer): a user who reviews every organization under one node of the tree.

    An aimag governor's office reviews its aimag's soums; the anti-corruption authority reviews
    the country. The node itself and everything under it (one path prefix) are in scope,
    except the node's own office (``Organization.is_unit_office``) and the organizations the
    reviewer is a member of (shudarga.access). ``assigned_by`` is who gave it: the
    administrator, or a reviewer of a node above (``orgs.services.reviewer_assign``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_assignments"
    )
    node = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="reviewer_assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="томилсон",
    )
    assigned_at = models.DateTimeField("томилсон огноо", null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "хянагч"
        verbose_name_plural = "хянагчид"
        constraints = (
            models.UniqueConstraint(fields=["user", "node"], name="orgs_reviewer_one_per_node"),
        )

    def __str__(self) -> str:
        return f"{self.user} → {self.node}"
