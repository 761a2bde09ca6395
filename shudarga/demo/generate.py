"""Generated demo data: a hierarchy of aimags, soums and organizations with plans and reports.

Every plan copies the shape of the real Khujirt 2024 report (6 objectives, 11 measures, the
same texts lightly varied); scores come from the seed's scale, drawn by a seeded random
generator. Each (organization, year) has its own generator, seeded from the seed, the
organization's place in ``names.organization_specs()`` and the year, so the output for a
given seed never depends on what already exists or on how many organizations are asked for.

What happens to each plan is drawn first (``demo.story``), then taken through the services
a user triggers (``demo.enact``): the officer imports the plan and fills in the reports, the
head approves and submits, the reviewer above the organization scores, returns with a
reason or accepts, the publisher publishes. So the demo's reports carry their events, their
history and both scores, as in real use. The services stamp "now"; ``demo.backdate`` then
dates each step on the story's calendar. Each organization is one transaction.

Idempotent: an (organization, year) that already has a plan is left alone.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import random
from collections.abc import Iterator, Sequence

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from shudarga.demo import DEMO_REVIEWERS
from shudarga.demo.enact import Cast, plan_enact
from shudarga.demo.names import aimag_node, organization_specs, soum_node
from shudarga.demo.story import FORCED, calendar_dates, plan_story, vary
from shudarga.documents import model as doc
from shudarga.documents.readers import read_path
from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.orgs.services import organization_get_or_create_path
from shudarga.plans.models import Plan, Report, ReportingCalendar

COUNTRY = "Монгол Улс"
# The generated organizations' staff: (username prefix, role, first name). They do not log in.
STAFF = (
    ("demo.officer", Membership.Role.OFFICER, "Мэргэжилтэн"),
    ("demo.head", Membership.Role.HEAD, "Дарга"),
)

__all__ = ["calendar_dates", "calendar_ensure", "demo_generate", "reviewers_ensure"]


def calendar_ensure(years: Sequence[int]) -> int:
    added = 0
    for year in years:
        for period in Report.Period.values:
            end, deadline = calendar_dates(year, period)
            _, created = ReportingCalendar.objects.get_or_create(
                year=year, period=period, defaults={"period_end": end, "deadline": deadline}
            )
            added += created
    return added


def reviewers_ensure() -> dict[str, object]:
    """The demo reviewers, each assigned to their node; {username: user}."""
    users = get_user_model().objects
    found = {}
    for username, password, node_path, is_staff, full_name in DEMO_REVIEWERS:
        user = users.filter(username=username).first()
        if user is None:
            user = users.create_user(
                username=username, password=password, first_name=full_name, is_staff=is_staff
            )
        node = organization_get_or_create_path(path=node_path)
        ReviewerAssignment.objects.get_or_create(user=user, node=node)
        found[username] = user
    return found


def demo_generate(*, organizations: int, years: tuple[int, ...], seed: int) -> list[str]:
    """Generate ``organizations`` organizations with plans and reports for ``years``."""
    specs = organization_specs(max(0, organizations))
    lines: list[str] = []
    years = tuple(sorted(set(years)))
    with transaction.atomic():
        added = calendar_ensure(years)
        reviewers = reviewers_ensure()
        offices = _organizations_ensure(specs)
        staff = _staff_ensure(offices)
    seed_doc = read_path(_seed_path())
    existing = set(
        Plan.objects.filter(organization__in=offices, year__in=years).values_list(
            "organization_id", "year"
        )
    )
    with _workflow_log_quiet():
        plans, reports = _plans_generate(
            specs=specs,
            offices=offices,
            years=years,
            existing=existing,
            seed=seed,
            staff=staff,
            reviewers=reviewers,
            seed_doc=seed_doc,
        )
    lines.append(
        f"demo: {len(offices)} generated organizations, {added} calendar periods added, "
        f"{plans} plans and {reports} reports added (seed {seed})"
    )
    for username, password, node_path, _, _ in DEMO_REVIEWERS:
        lines.append(f"demo: reviewer of {node_path[-1][0]}: {username} / {password}")
    return lines


@contextlib.contextmanager
def _workflow_log_quiet() -> Iterator[None]:
    """No workflow log lines for the generated history: thousands of made-up steps would
    bury the command's own output and anything that collects the server's log."""
    logger = logging.getLogger("shudarga.workflow")
    before = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = before


def _plans_generate(
    *,
    specs: Sequence[tuple[str, str | None, str]],
    offices: Sequence[Organization],
    years: tuple[int, ...],
    existing: set[tuple[int, int]],
    seed: int,
    staff: dict[int, tuple[object, object]],
    reviewers: dict[str, object],
    seed_doc: doc.ReportDocument,
) -> tuple[int, int]:
    """Every (organization, year) without a plan; how many plans and reports were added."""
    plans = reports = 0
    for index, ((aimag, soum, _), office) in enumerate(zip(specs, offices, strict=True)):
        todo = [year for year in years if (office.pk, year) not in existing]
        if not todo:
            continue
        # The aimag's own governor's office is reviewed from above, not by its own reviewer.
        local = aimag == "Өвөрхангай" and not (soum is None and office.is_unit_office)
        reviewer = reviewers["uvurkhangai.reviewer" if local else "iaac.reviewer"]
        cast = Cast(officer=staff[office.pk][0], head=staff[office.pk][1], reviewer=reviewer)
        # One transaction per organization: a run stopped half-way leaves whole organizations.
        with transaction.atomic():
            for year in todo:
                reports += _plan_generate(
                    seed=seed,
                    index=index,
                    office=office,
                    place=soum or aimag,
                    year=year,
                    latest=year == years[-1],
                    cast=cast,
                    seed_doc=seed_doc,
                )
                plans += 1
    return plans, reports


def _plan_generate(
    *,
    seed: int,
    index: int,
    office: Organization,
    place: str,
    year: int,
    latest: bool,
    cast: Cast,
    seed_doc: doc.ReportDocument,
) -> int:
    """One (organization, year): its story drawn, then enacted. How many reports it has."""
    document = _plan_document(seed_doc, office=office, place=place, year=year)
    story = plan_story(
        rng=random.Random(f"{seed}:{index}:{year}"),
        year=year,
        latest=latest,
        forced=FORCED[index] if index < len(FORCED) else None,
        levels=[lvl.score for lvl in seed_doc.scale.levels],  # 100, 70, 30, 0
        seed_measures=[m for _, m in seed_doc.measures()],
        numbers=[m.number for _, m in document.measures()],
        place=place,
    )
    plan_enact(office=office, year=year, story=story, cast=cast, document=document)
    return len(story.reports)


def _plan_document(
    seed_doc: doc.ReportDocument, *, office: Organization, place: str, year: int
) -> doc.ReportDocument:
    """The plan the organization imports: the seed's objectives and measures, its own place
    and year in the texts, numbered 1, 1.1, …, without results."""
    objectives = [
        doc.ObjectiveEntry(
            number=str(i),
            title=vary(o.title, place=place, year=year),
            measures=[
                dataclasses.replace(
                    m,
                    number=f"{i}.{j}",
                    text=vary(m.text, place=place, year=year),
                    spent=None,
                    achieved="",
                    score=None,
                    not_due=False,
                    rating=None,
                    review=None,
                )
                for j, m in enumerate(o.measures, 1)
            ],
        )
        for i, o in enumerate(seed_doc.objectives, 1)
    ]
    return dataclasses.replace(
        seed_doc,
        title=f"{office.name}: авлигын эсрэг үйл ажиллагааны {year} оны төлөвлөгөө",
        organization=office.name,
        year=year,
        objectives=objectives,
        stated_total=None,
        warnings=[],
    )


def _seed_path():
    from shudarga.demo.load import SEED

    return SEED


def _organizations_ensure(specs: Sequence[tuple[str, str | None, str]]) -> list[Organization]:
    K = Organization.Kind
    found: list[Organization] = []
    for aimag, soum, name in specs:
        path = [(COUNTRY, str(K.COUNTRY)), (aimag_node(aimag), str(K.AIMAG))]
        if soum is not None:
            path.append((soum_node(soum), str(K.SOUM)))
        path.append((name, str(K.ORGANIZATION)))
        found.append(organization_get_or_create_path(path=path))
    return found


def _staff_ensure(offices: Sequence[Organization]) -> dict[int, tuple[object, object]]:
    """An officer and a head for each generated organization; {organization: (officer, head)}.

    No password: they do not log in, they only act in the generated history.
    """
    User = get_user_model()
    wanted = {f"{prefix}.{o.pk}": (o, role, name) for o in offices for prefix, role, name in STAFF}
    have = set(User.objects.filter(username__in=wanted).values_list("username", flat=True))
    unusable = make_password(None)
    User.objects.bulk_create(
        [
            User(username=n, password=unusable, first_name=name)
            for n, (_, _, name) in wanted.items()
            if n not in have
        ],
        batch_size=500,
    )
    users = {u.username: u for u in User.objects.filter(username__in=wanted)}
    Membership.objects.bulk_create(
        [
            Membership(user=users[n], organization=o, role=role)
            for n, (o, role, _) in wanted.items()
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    return {
        o.pk: tuple(users[f"{prefix}.{o.pk}"] for prefix, _, _ in STAFF)  # type: ignore[misc]
        for o in offices
    }
