"""Who may see what: the one place that answers it.

Every page, API view and export asks these functions and nothing else, and they answer with
querysets, so a list is filtered in the database with one query however many organizations
a user may see (no per-row permission checks).

For now: superusers and staff see everything; every other user, signed in or anonymous,
sees nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from shudarga.orgs.models import Organization
from shudarga.plans.models import Report

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

    User = AbstractBaseUser | AnonymousUser


def _sees_everything(user: User) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (getattr(user, "is_superuser", False) or getattr(user, "is_staff", False))
    )


def organizations_visible_to(user: User) -> QuerySet[Organization]:
    """The organizations whose plans and reports ``user`` may see."""
    if _sees_everything(user):
        return Organization.objects.all()
    # Memberships with roles plug in here: a member sees their own organization, a reviewer
    # every node under the one they oversee (a path prefix, so still one query), e.g.
    #   Q(path__startswith=<reviewed node path>) | Q(pk__in=<member organizations>).
    return Organization.objects.none()


def reports_visible_to(user: User) -> QuerySet[Report]:
    """The reports ``user`` may see."""
    if _sees_everything(user):
        return Report.objects.all()
    # Published reports (for citizens) and membership-based access plug in here, built on
    # organizations_visible_to(user) as a subquery.
    return Report.objects.none()


def user_can_view_report(user: User, report: Report) -> bool:
    """Whether ``user`` may see ``report``; the same answer as reports_visible_to."""
    if _sees_everything(user):
        return True
    return reports_visible_to(user).filter(pk=report.pk).exists()
