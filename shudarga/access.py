"""Who may see and change what: the one place that answers it.

Every page, download, API view and export asks ``organizations_for(user, action)`` (or the
plan and report querysets built on it) and nothing else. The answers are querysets, so a list
is filtered in the database in one query however many organizations a user may see.

Actions and who may take them:

- VIEW: members of the organization in any role; staff and superusers everywhere.
- EDIT: officers and heads (write the plan while it is a draft, fill in a report).
- APPROVE: heads (approve or reopen the plan, sign off and submit a report).
- REVIEW: score a submitted report, return it with a reason or accept it.

- Reviewers (ReviewerAssignment: a node of the tree and everything under it) VIEW and REVIEW
  there; staff and superusers VIEW and REVIEW everywhere.
- The public (no login) reads published reports only: ``reports_public()``; the API shows a
  caller what is public or theirs to VIEW (``reports_public_or_visible`` and its kin).
- Who publishes is a setting, SHUDARGA_PUBLISHER: the head (APPROVE) or the reviewer (REVIEW):
  ``publisher_action()``.
- Dashboards start from the nodes a user reviews (the tree's roots for staff):
  ``review_roots``.
- A background job (jobs.Job) and its result are seen by the user who asked for it, and by
  staff: ``jobs_visible_to``; a web bulk import is for reviewers and staff
  (``reviews_something``), into the organizations they REVIEW.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Q, QuerySet

from shudarga.jobs.models import Job
from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.plans.models import Plan, Report

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

    User = AbstractBaseUser | AnonymousUser


class Action(StrEnum):
    VIEW = "view"
    EDIT = "edit"
    APPROVE = "approve"
    REVIEW = "review"


ROLES_FOR = {
    Action.VIEW: (Membership.Role.VIEWER, Membership.Role.OFFICER, Membership.Role.HEAD),
    Action.EDIT: (Membership.Role.OFFICER, Membership.Role.HEAD),
    Action.APPROVE: (Membership.Role.HEAD,),
    # No role of an organization reviews its own reports.
    Action.REVIEW: (),
}

# Actions staff and superusers may take in every organization without a role there.
STAFF_ACTIONS = (Action.VIEW, Action.REVIEW)


def _sees_everything(user: User) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (getattr(user, "is_superuser", False) or getattr(user, "is_staff", False))
    )


# Actions a reviewer may take in every organization under the node they review.
REVIEWER_ACTIONS = (Action.VIEW, Action.REVIEW)


def reviewed_nodes(user: User) -> list[str]:
    """The tree paths a user reviews (one query); everything under them is in scope."""
    if not user.is_authenticated:
        return []
    return list(ReviewerAssignment.objects.filter(user=user).values_list("node__path", flat=True))


def organizations_for(user: User, action: Action = Action.VIEW) -> QuerySet[Organization]:
    """The organizations in which ``user`` may take ``action``."""
    if not user.is_authenticated or not user.is_active:
        return Organization.objects.none()
    if action in STAFF_ACTIONS and _sees_everything(user):
        return Organization.objects.all()
    condition = Q(memberships__user=user, memberships__role__in=ROLES_FOR[action])
    if action in REVIEWER_ACTIONS:
        for path in reviewed_nodes(user):
            condition |= Q(path__startswith=path)
    return Organization.objects.filter(condition).distinct()


def organizations_visible_to(user: User) -> QuerySet[Organization]:
    return organizations_for(user, Action.VIEW)


def plans_for(user: User, action: Action = Action.VIEW) -> QuerySet[Plan]:
    if action in STAFF_ACTIONS and _sees_everything(user):
        return Plan.objects.all()
    return Plan.objects.filter(organization__in=organizations_for(user, action))


def reports_for(user: User, action: Action = Action.VIEW) -> QuerySet[Report]:
    if action in STAFF_ACTIONS and _sees_everything(user):
        return Report.objects.all()
    return Report.objects.filter(plan__organization__in=organizations_for(user, action))


def reports_visible_to(user: User) -> QuerySet[Report]:
    return reports_for(user, Action.VIEW)


def user_may(user: User, action: Action, organization: Organization | int) -> bool:
    """Whether ``user`` may take ``action`` in ``organization``: the same rule, for one."""
    pk = organization if isinstance(organization, int) else organization.pk
    return organizations_for(user, action).filter(pk=pk).exists()


def user_can_view_report(user: User, report: Report) -> bool:
    return reports_for(user, Action.VIEW).filter(pk=report.pk).exists()


def reports_public() -> QuerySet[Report]:
    """What citizens may read without logging in: published reports, nothing else."""
    # A report reopened for correction stays readable as its last published version.
    return Report.objects.filter(publications__is_current=True)


def publisher_action() -> Action:
    """The action that publishes: APPROVE (the head) or REVIEW (the reviewer), per the
    installation's SHUDARGA_PUBLISHER."""
    return Action.REVIEW if settings.SHUDARGA_PUBLISHER == "reviewer" else Action.APPROVE


def review_roots(user: User) -> list[Organization]:
    """The nodes a user reviews from, in tree order: the tree's roots for staff, the nodes of
    their ReviewerAssignments otherwise, none for anyone else (one or two queries)."""
    if _sees_everything(user):
        return list(Organization.objects.get_root_nodes())
    paths = reviewed_nodes(user)
    if not paths:
        return []
    return list(Organization.objects.filter(path__in=paths).order_by("path"))


def reviews_something(user: User) -> bool:
    """Staff, or a reviewer of some node."""
    return _sees_everything(user) or bool(reviewed_nodes(user))


def reports_public_or_visible(user: User) -> QuerySet[Report]:
    """What an API caller reads: published reports, and whatever the user may VIEW."""
    public = Q(pk__in=reports_public().values("pk"))
    if not user.is_authenticated:
        return Report.objects.filter(public)
    return Report.objects.filter(public | Q(pk__in=reports_for(user, Action.VIEW).values("pk")))


def report_ids_public_or_visible(user: User) -> QuerySet[Report]:
    """The ids of ``reports_public_or_visible`` as one subquery: the public's is
    ``reports_public()`` itself, not a second pass over every report around it."""
    if not user.is_authenticated:
        return reports_public().values("pk")
    return reports_public_or_visible(user).values("pk")


def plans_public_or_visible(user: User) -> QuerySet[Plan]:
    public = Q(pk__in=reports_public().values("plan_id"))
    if not user.is_authenticated:
        return Plan.objects.filter(public)
    return Plan.objects.filter(public | Q(pk__in=plans_for(user, Action.VIEW).values("pk")))


def organizations_public_or_visible(user: User) -> QuerySet[Organization]:
    public = Q(pk__in=reports_public().values("plan__organization_id"))
    if not user.is_authenticated:
        return Organization.objects.filter(public)
    mine = Q(pk__in=organizations_for(user, Action.VIEW).values("pk"))
    return Organization.objects.filter(public | mine)


def jobs_visible_to(user: User) -> QuerySet[Job]:
    """The jobs a user may follow and download: their own; every job for staff."""
    if _sees_everything(user):
        return Job.objects.all()
    if not user.is_authenticated or not user.is_active:
        return Job.objects.none()
    return Job.objects.filter(user=user)
