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
  there. National review is an assignment on the tree's root like any other: ``is_staff``
  opens the admin, never a report; a superuser (the system's administrator) VIEWs
  everything, as in the admin, and reviews nothing without an assignment.

Separation of duties (docs/permissions.md): nobody REVIEWs an organization they are a
member of in any role; a reviewer of a node does not REVIEW the node's own office (the
governor's office of that aimag or soum, ``Organization.is_unit_office``) unless assigned to
that office itself, by someone who reviews above it. They still VIEW both.
- The public (no login) reads published reports only: ``reports_public()``; the API shows a
  caller what is public or theirs to VIEW (``reports_public_or_visible`` and its kin).
- Who publishes is a setting, SHUDARGA_PUBLISHER: the head (APPROVE) or the reviewer (REVIEW):
  ``publisher_action()``.
- Dashboards start from the nodes a user reviews:
  ``review_roots``.
- A background job (jobs.Job) and its result are seen by the user who asked for it only:
  ``jobs_visible_to``; a web bulk import is for reviewers (``reviews_something``), into the
  organizations they REVIEW.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, Q, QuerySet

from shudarga.jobs.models import Job
from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.plans.models import Plan, Report, ReportPublication

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

# Actions a reviewer may take in every organization under the node they review.
REVIEWER_ACTIONS = (Action.VIEW, Action.REVIEW)


def reviewed_nodes(user: User) -> list[str]:
    """The tree paths a user reviews (one query); everything under them is in scope."""
    if not user.is_authenticated:
        return []
    return list(ReviewerAssignment.objects.filter(user=user).values_list("node__path", flat=True))


def _reviewed(path: str, action: Action) -> Q:
    """Everything under the reviewed node ``path``; for REVIEW, without the node's own
    office (a direct child marked ``is_unit_office``): the office that reviews a unit is
    not reviewed by itself. An assignment on the office itself covers it."""
    under = Q(path__startswith=path)
    if action is Action.REVIEW:
        child_depth = len(path) // Organization.steplen + 1
        under &= ~Q(is_unit_office=True, depth=child_depth)
    return under


def organizations_for(user: User, action: Action = Action.VIEW) -> QuerySet[Organization]:
    """The organizations in which ``user`` may take ``action``."""
    if not user.is_authenticated or not user.is_active:
        return Organization.objects.none()
    if action is Action.VIEW and _administers(user):
        # The system's administrator reads everything (as in the admin), reviews nothing.
        return Organization.objects.all()
    roles = ROLES_FOR[action]
    condition = Q(pk__in=_member_of(user, roles)) if roles else Q(pk__in=[])
    if action in REVIEWER_ACTIONS:
        for path in reviewed_nodes(user):
            condition |= _reviewed(path, action)
    found = Organization.objects.filter(condition)
    if action is Action.REVIEW:
        # Nobody reviews an organization they belong to, in whatever role.
        found = found.exclude(pk__in=_member_of(user, Membership.Role.values))
    return found


def _administers(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def _member_of(user: User, roles) -> QuerySet:
    return Membership.objects.filter(user=user, role__in=roles).values("organization_id")


def organizations_visible_to(user: User) -> QuerySet[Organization]:
    return organizations_for(user, Action.VIEW)


def plans_for(user: User, action: Action = Action.VIEW) -> QuerySet[Plan]:
    if action is Action.VIEW and _administers(user):
        return Plan.objects.all()
    return Plan.objects.filter(organization__in=organizations_for(user, action))


def reports_for(user: User, action: Action = Action.VIEW) -> QuerySet[Report]:
    if action is Action.VIEW and _administers(user):
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


def publications_public() -> QuerySet[ReportPublication]:
    """The versions citizens read: each published report's current publication. The same
    rule as ``reports_public()`` read from the other side, so a list of publications needs
    no second pass over the reports (a semi-join that doubled the portal's year summary)."""
    return ReportPublication.objects.filter(is_current=True)


def publisher_action() -> Action:
    """The action that publishes: APPROVE (the head) or REVIEW (the reviewer), per the
    installation's SHUDARGA_PUBLISHER."""
    return Action.REVIEW if settings.SHUDARGA_PUBLISHER == "reviewer" else Action.APPROVE


def review_roots(user: User) -> list[Organization]:
    """The nodes a user reviews from, in tree order: the nodes of their ReviewerAssignments,
    none for anyone else (one or two queries)."""
    paths = reviewed_nodes(user)
    if not paths:
        return []
    return list(Organization.objects.filter(path__in=paths).order_by("path"))


def reviews_something(user: User) -> bool:
    """A reviewer of some node."""
    return bool(reviewed_nodes(user))


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


def needs_second_factor(user: User) -> bool:
    """Whether ``user`` must prove a second factor (TOTP) after their password: heads (they
    sign off and publish), reviewers (they score and accept), staff and superusers (the
    admin). Officers and viewers need only their password. One query: the middleware asks
    it on every request of a user who has not proved one (officers and viewers never do)."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    head = Membership.objects.filter(user=user, role=Membership.Role.HEAD)
    reviewer = ReviewerAssignment.objects.filter(user=user)
    return get_user_model().objects.filter(Exists(head) | Exists(reviewer), pk=user.pk).exists()


def jobs_visible_to(user: User) -> QuerySet[Job]:
    """The jobs a user may follow and download: their own, nobody else's (a job's result
    holds what its asker may see, not what another may)."""
    if not user.is_authenticated or not user.is_active:
        return Job.objects.none()
    return Job.objects.filter(user=user)


def reviewers_of(organization: Organization) -> QuerySet:
    """The users who may REVIEW ``organization``: ``organizations_for(user, REVIEW)`` read
    from the other side (whom a submitted report is sent to), in one query. Assigned to the
    organization or a node above it; not to the parent of a unit office (that office is not
    reviewed by the node it serves); never a member of the organization; active."""
    step = Organization.steplen
    paths = [organization.path[:end] for end in range(step, len(organization.path) + 1, step)]
    if organization.is_unit_office:
        parent = organization.path[:-step]
        paths = [p for p in paths if p != parent]
    assigned = ReviewerAssignment.objects.filter(node__path__in=paths).values("user_id")
    members = Membership.objects.filter(organization=organization).values("user_id")
    return get_user_model().objects.filter(is_active=True, pk__in=assigned).exclude(pk__in=members)


def members_who_may(organization_id: int, action: Action) -> QuerySet:
    """The members of the organization whose role lets them take ``action`` there (heads and
    officers EDIT; every role VIEWs), active; one query."""
    return get_user_model().objects.filter(
        is_active=True,
        memberships__organization_id=organization_id,
        memberships__role__in=ROLES_FOR[action],
    )
