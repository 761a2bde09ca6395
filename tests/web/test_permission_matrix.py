"""Every route of the site and of the API × every persona → what they get (docs/permissions.md).

The routes are read from the URL configuration; a route without a row here fails
``test_every_route_has_a_row``, so a page added later is decided here before it ships.
Each request runs in a transaction that is rolled back: what one persona changes is never
seen by the next.

What a persona gets is one of: "ok" (past every permission check: the page, or the form's
own answer to empty data), 403 (sees it, may not do it), 404 (not theirs to see), "login"
(a visitor sent to log in), 401 (the API without a token).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse

from shudarga.api.tokens import token_create
from shudarga.documents import jsonform
from shudarga.jobs.models import Job
from shudarga.orgs.models import ReviewerAssignment
from shudarga.plans.analytics.summaries import summary_refresh
from shudarga.plans.models import Report, ReportPublication
from shudarga.plans.reports.documents import report_document
from shudarga.plans.reports.filling import evidence_add_file, report_start
from tests.personas import PDF, build_plan, make_plan
from tests.web.test_every_view_is_guarded import named_patterns

pytestmark = pytest.mark.django_db

PERSONAS = ("outsider", "rival", "viewer", "officer", "head", "reviewer", "national", "staff")
SIGNED_IN = frozenset(PERSONAS)
VIEW = frozenset({"viewer", "officer", "head", "reviewer", "national"})
EDIT = frozenset({"officer", "head"})
APPROVE = frozenset({"head"})
REVIEW = frozenset({"reviewer", "national"})
EVERYONE = SIGNED_IN | {"anonymous"}


@dataclass(frozen=True)
class Row:
    """``may`` get through; ``sees`` get 403; every other signed-in persona 404; a visitor
    gets ``anonymous``."""

    method: str
    path: str  # formatted with the scene: "{draft.pk}"
    may: frozenset[str]
    sees: frozenset[str] = field(default_factory=frozenset)
    anonymous: str | int = "login"
    everyone: str | int | None = None  # the same answer for every persona
    data: dict | None = None  # what the request sends: valid, so that access is what decides

    def expected(self, persona: str) -> str | int:
        if self.everyone is not None:
            return self.everyone
        if persona == "anonymous":
            return "ok" if "anonymous" in self.may else self.anonymous
        if persona in self.may:
            return "ok"
        return 403 if persona in self.sees else 404


def web(name: str, *args: str) -> str:
    """The path of a named route with scene placeholders ("{draft.pk}") as its arguments:
    reversed with stand-in numbers, which are then replaced by the placeholders."""
    stand_ins = [str(90001 + i) for i in range(len(args))]
    path = reverse(name, args=stand_ins)
    for stand_in, arg in zip(stand_ins, args, strict=True):
        path = path.replace(stand_in, arg, 1)
    return path


def P(name: str, *args: str, method: str = "get", **kwargs) -> tuple[str, Row]:
    return name, Row(method, web(name, *args), **kwargs)


SEEN_EDIT = {"sees": VIEW - EDIT}
SEEN_APPROVE = {"sees": VIEW - APPROVE}
# A report is not the reviewer's page of anyone else: its own organization gets 404 there.
SEEN_REVIEW: dict = {}
SEEN_ALL = {"sees": SIGNED_IN - REVIEW}  # pages of reviewers only: everyone else 403

ROWS: dict[str, Row] = dict(
    [
        # The site's own pages.
        P("healthz", may=EVERYONE),
        P("login", may=EVERYONE),
        # Logging out ends on the login page, whoever asks.
        P("logout", method="post", may=EVERYONE, everyone="login"),
        P("accounts:language", method="post", may=EVERYONE),
        # The portal's language links: a cookie, for anyone.
        P("accounts:language_link", "en", may=EVERYONE),
        P("accounts:password_change", may=SIGNED_IN),
        # The second factor: whoever is signed in (those who need none are sent on).
        P("accounts:two_factor", may=SIGNED_IN),
        # The password reset by e-mail: for people who cannot log in, so for everyone.
        P("accounts:password_reset", may=EVERYONE),
        P("accounts:password_reset_done", may=EVERYONE),
        P("accounts:password_reset_confirm", "MQ", "not-a-token", may=EVERYONE),
        P("accounts:password_reset_complete", may=EVERYONE),
        # The workspace: lists show each persona what is theirs.
        P("web:home", may=EVERYONE),
        P("web:report_list", may=SIGNED_IN),
        P("web:plan_list", may=SIGNED_IN),
        # A plan is created by an officer or head, for their own organization.
        P("web:plan_create", may=EDIT | {"rival"}, sees=SIGNED_IN - EDIT - {"rival"}),
        # A preview lives in its uploader's session: anyone else's token is unknown, and
        # sends them back to the form.
        P("web:plan_import_preview", "not-mine", may=SIGNED_IN),
        # A plan and its editing (the draft).
        P("web:plan", "{draft.pk}", may=VIEW),
        P("web:plan_history", "{draft.pk}", may=VIEW),
        P("web:plan_download", "{draft.pk}", "docx", may=VIEW),
        P("web:plan_approve", "{draft.pk}", method="post", may=APPROVE, **SEEN_APPROVE),
        P("web:plan_reopen", "{approved.pk}", method="post", may=APPROVE, **SEEN_APPROVE),
        P("web:plan_objective_add", "{draft.pk}", method="post", may=EDIT, **SEEN_EDIT),
        P(
            "web:plan_objective_edit",
            "{draft.pk}",
            "{objective.pk}",
            method="post",
            may=EDIT,
            **SEEN_EDIT,
        ),
        P(
            "web:plan_objective_delete",
            "{draft.pk}",
            "{objective.pk}",
            method="post",
            may=EDIT,
            **SEEN_EDIT,
        ),
        P(
            "web:plan_objective_move",
            "{draft.pk}",
            "{objective.pk}",
            method="post",
            may=EDIT,
            **SEEN_EDIT,
            data={"direction": "down"},
        ),
        P(
            "web:plan_measure_add",
            "{draft.pk}",
            "{objective.pk}",
            method="post",
            may=EDIT,
            **SEEN_EDIT,
        ),
        P(
            "web:plan_measure_edit",
            "{draft.pk}",
            "{measure.pk}",
            method="post",
            may=EDIT,
            **SEEN_EDIT,
        ),
        P(
            "web:plan_measure_delete",
            "{draft.pk}",
            "{measure.pk}",
            method="post",
            may=EDIT,
            **SEEN_EDIT,
        ),
        P(
            "web:plan_measure_move",
            "{draft.pk}",
            "{measure.pk}",
            method="post",
            may=EDIT,
            **SEEN_EDIT,
            data={"direction": "down"},
        ),
        # A report being filled in.
        P("web:report_start", "{approved.pk}", "annual", method="post", may=EDIT, **SEEN_EDIT),
        P("web:report", "{filling.pk}", may=VIEW),
        P("web:report_print", "{filling.pk}", may=VIEW),
        P("web:report_download", "{filling.pk}", "xlsx", may=VIEW),
        P("web:report_history", "{filling.pk}", may=VIEW),
        # The sheet: read-only for those who may not edit.
        P("web:report_edit", "{filling.pk}", may=VIEW),
        P("web:report_result", "{filling.pk}", "{result.pk}", method="post", may=EDIT, **SEEN_EDIT),
        P(
            "web:evidence_upload",
            "{filling.pk}",
            "{result.pk}",
            method="post",
            may=EDIT,
            **SEEN_EDIT,
        ),
        P("web:evidence_link", "{filling.pk}", "{result.pk}", method="post", may=EDIT, **SEEN_EDIT),
        P("web:evidence_manage", "{filling.pk}", "{result.pk}", may=EDIT, **SEEN_EDIT),
        P("web:evidence_download", "{evidence.pk}", may=VIEW),
        P("web:evidence_remove", "{evidence.pk}", method="post", may=EDIT, **SEEN_EDIT),
        P("web:report_submit", "{filling.pk}", method="post", may=APPROVE, **SEEN_APPROVE),
        # Review: the reviewers of the unit above, never the organization itself.
        P("web:review_inbox", may=REVIEW, **SEEN_ALL),
        P("web:review_reminders", may=REVIEW, **SEEN_ALL),
        P("web:review_remind", may=REVIEW, **SEEN_ALL),
        # Notifications: each signed-in user their own; nobody another's (a number that is
        # nobody's is 404 for all; tests/notifications/test_pages.py tries another's).
        P("notifications:list", may=SIGNED_IN),
        P("notifications:read", "999999", method="post", may=frozenset()),
        P("notifications:read_all", method="post", may=SIGNED_IN),
        P("notifications:preferences", may=SIGNED_IN),
        P("web:dashboard", may=REVIEW, **SEEN_ALL),
        P("web:dashboard_trend", "{khujirt.pk}", may=REVIEW, **SEEN_ALL),
        P("web:review_report", "{submitted.pk}", may=REVIEW, **SEEN_REVIEW),
        P(
            "web:review_score",
            "{submitted.pk}",
            "{submitted_result.pk}",
            method="post",
            may=REVIEW,
            **SEEN_REVIEW,
        ),
        P(
            "web:review_agree",
            "{submitted.pk}",
            "{submitted_result.pk}",
            method="post",
            may=REVIEW,
            **SEEN_REVIEW,
        ),
        P("web:review_agree_all", "{submitted.pk}", method="post", may=REVIEW, **SEEN_REVIEW),
        P("web:review_accept", "{submitted.pk}", method="post", may=REVIEW, **SEEN_REVIEW),
        P("web:review_return", "{submitted.pk}", method="post", may=REVIEW, **SEEN_REVIEW),
        # Publishing (SHUDARGA_PUBLISHER=head, the default): the head.
        P("web:report_publish", "{accepted.pk}", method="post", may=APPROVE, **SEEN_APPROVE),
        P("web:report_publications", "{published.pk}", may=VIEW),
        P("web:publication_correct", "{published.pk}", method="post", may=APPROVE, **SEEN_APPROVE),
        P("web:report_reopen", "{published.pk}", method="post", may=APPROVE, **SEEN_APPROVE),
        # Background jobs: anyone signed in asks for a ZIP of what they see, or a report's
        # PDF; a job and its result are its owner's alone; imports are the reviewers'.
        P("web:job_list", may=SIGNED_IN),
        P("web:zip_new", may=SIGNED_IN),
        P("web:report_pdf_job", "{filling.pk}", method="post", may=VIEW),
        P("web:job", "{job.pk}", may=frozenset({"reviewer"})),
        P("web:job_download", "{job.pk}", may=frozenset({"reviewer"})),
        P("web:import_new", may=REVIEW),
        # The portal: what is published, to everyone; nothing else, to anyone.
        P("portal:home", may=EVERYONE),
        P("portal:search", may=EVERYONE),
        ("portal:node", Row("get", "/open/org/{khujirt.pk}/", EVERYONE)),
        ("portal:report", Row("get", "/open/reports/{published.pk}/", EVERYONE)),
        ("portal:report_version", Row("get", "/open/reports/{published.pk}/v1/", EVERYONE)),
        ("portal:report_file", Row("get", "/open/reports/{published.pk}.csv", EVERYONE)),
        (
            "portal:report_version_file",
            Row("get", "/open/reports/{published.pk}/v1.json", EVERYONE),
        ),
        ("portal:summary", Row("get", "/open/2029/", EVERYONE)),
        ("portal:summary_aimag", Row("get", "/open/2029/aimag/{aimag.pk}/", EVERYONE)),
        ("portal:year_measures", Row("get", "/open/2029/measures.csv", EVERYONE)),
        # The API: reads show what is public or the caller's; writes need the role.
        # The API's root is only the prefix of its routes.
        ("api:api-root", Row("get", "/api/", EVERYONE, everyone=404)),
        ("api:openapi-json", Row("get", "/api/openapi.json", EVERYONE)),
        ("api:openapi-view", Row("get", "/api/docs", EVERYONE)),
        ("api:organization_list", Row("get", "/api/organizations", EVERYONE)),
        ("api:organization_detail", Row("get", "/api/organizations/{khujirt.pk}", EVERYONE)),
        ("api:plan_list", Row("get", "/api/plans", EVERYONE)),
        ("api:plan_detail", Row("get", "/api/plans/{draft.pk}", VIEW, anonymous=404)),
        ("api:report_list", Row("get", "/api/reports", EVERYONE)),
        ("api:report_detail", Row("get", "/api/reports/{filling.pk}", VIEW, anonymous=404)),
        (
            "api:report_results",
            Row("get", "/api/reports/{filling.pk}/results", VIEW, anonymous=404),
        ),
        (
            "api:report_checks",
            Row("get", "/api/reports/{filling.pk}/checks", VIEW, anonymous=404),
        ),
        ("api:summary_list", Row("get", "/api/summaries", EVERYONE)),
        (
            "api:measure_create",
            Row(
                "post",
                "/api/objectives/{objective.pk}/measures",
                EDIT,
                VIEW - EDIT,
                401,
                data={"text": "Шинэ арга хэмжээ"},
            ),
        ),
        (
            "api:measure_change",
            Row(
                "put",
                "/api/measures/{measure.pk}",
                EDIT,
                VIEW - EDIT,
                401,
                data={"text": "Засвар", "expected_version": 1},
            ),
        ),
        (
            "api:result_change",
            Row(
                "put",
                "/api/results/{result.pk}",
                EDIT,
                VIEW - EDIT,
                401,
                data={"expected_version": 1, "achieved": "хийсэн"},
            ),
        ),
        (
            "api:submit",
            Row("post", "/api/reports/{filling.pk}/submit", APPROVE, VIEW - APPROVE, 401),
        ),
        (
            "api:give_back",
            Row(
                "post",
                "/api/reports/{submitted.pk}/return",
                REVIEW,
                VIEW - REVIEW,
                401,
                data={"reason": "Нотолгоо дутуу"},
            ),
        ),
        (
            "api:accept",
            Row("post", "/api/reports/{submitted.pk}/accept", REVIEW, VIEW - REVIEW, 401),
        ),
        (
            "api:review",
            Row(
                "put",
                "/api/results/{submitted_result.pk}/review",
                REVIEW,
                VIEW - REVIEW,
                401,
                data={"score": 70},
            ),
        ),
        (
            "api:publish",
            Row("post", "/api/reports/{accepted.pk}/publish", APPROVE, VIEW - APPROVE, 401),
        ),
        (
            "api:correct",
            Row(
                "post",
                "/api/reports/{published.pk}/corrections",
                APPROVE,
                VIEW - APPROVE,
                401,
                data={"note": "Алдаа засав"},
            ),
        ),
        (
            "api:reopen",
            Row(
                "post",
                "/api/reports/{published.pk}/reopen",
                APPROVE,
                VIEW - APPROVE,
                401,
                data={"reason": "Засна"},
            ),
        ),
    ]
)


def test_every_route_has_a_row():
    routes = {name for name, _ in named_patterns()}
    assert routes - set(ROWS) == set(), "decide who may use these routes (add rows)"
    assert set(ROWS) - routes == set(), "rows of routes that no longer exist"


def _status(client: Client, row: Row, path: str) -> str | int:
    send = getattr(client, row.method)
    if path.startswith("/api/") and row.method != "get":
        kwargs = {"content_type": "application/json", "data": json.dumps(row.data or {})}
    else:
        kwargs = {"data": row.data} if row.data else {}
    response = send(path, **kwargs)
    if response.status_code == 302 and response["Location"].startswith(reverse("login")):
        return "login"
    # 405: the row names the wrong method, a mismatch like any other.
    return response.status_code if response.status_code in (401, 403, 404, 405) else "ok"


def _published(plan, officer, admin) -> Report:
    report = report_start(user=officer, plan=plan, period="half_year")
    Report.objects.filter(pk=report.pk).update(status=Report.Status.PUBLISHED)
    document = json.loads(jsonform.dumps(report_document(report=report)))
    ReportPublication.objects.create(
        report=report, version=1, document=document, published_by=admin
    )
    summary_refresh(report_id=report.pk)
    return report


def _in_state(plan, officer, status: str) -> Report:
    report = report_start(user=officer, plan=plan, period="half_year")
    Report.objects.filter(pk=report.pk).update(status=status)
    summary_refresh(report_id=report.pk)
    return report


def _finished_job(user, node) -> Job:
    """A ZIP job of ``user``, done, its result in the generated storage."""
    name = storages["generated"].save("jobs/matrix.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18))
    return Job.objects.create(
        kind=Job.Kind.ZIP, user=user, organization=node, year=2029, state=Job.State.DONE,
        result=name, result_name="matrix.zip",
    )  # fmt: skip


@pytest.fixture
def scene(
    generated_root,
    evidence_root,
    khujirt,
    officer,
    head,
    viewer,
    rival,
    national,
    staff,
    outsider,
    admin,
    django_user_model,
):
    from shudarga.orgs.models import Organization

    aimag = Organization.objects.get(name="Өвөрхангай")
    reviewer = django_user_model.objects.create_user(username="tuyaa", password="x")
    ReviewerAssignment.objects.create(user=reviewer, node=aimag)
    draft = build_plan(khujirt)
    approved = make_plan(khujirt, year=2026)
    filling = report_start(user=officer, plan=approved, period="half_year")
    result = filling.results.order_by("pk").first()
    submitted = _in_state(make_plan(khujirt, year=2027), officer, Report.Status.SUBMITTED)
    accepted = _in_state(make_plan(khujirt, year=2028), officer, Report.Status.ACCEPTED)
    published = _published(make_plan(khujirt, year=2029), officer, admin)
    objects = SimpleNamespace(
        khujirt=khujirt,
        aimag=aimag,
        draft=draft,
        objective=draft.objectives.order_by("order").first(),
        measure=draft.objectives.order_by("order").first().measures.order_by("order").first(),
        approved=approved,
        filling=filling,
        result=result,
        evidence=evidence_add_file(
            user=officer,
            result=result,
            upload=SimpleUploadedFile("тайлан.pdf", PDF, content_type="application/pdf"),
        ),
        submitted=submitted,
        submitted_result=submitted.results.order_by("pk").first(),
        accepted=accepted,
        published=published,
        job=_finished_job(reviewer, aimag),
    )
    people = {
        "outsider": outsider,
        "rival": rival,
        "viewer": viewer,
        "officer": officer,
        "head": head,
        "reviewer": reviewer,
        "national": national,
        "staff": staff,
    }
    return objects, people


def test_every_persona_gets_what_the_matrix_says(scene):
    objects, people = scene
    web_clients = {"anonymous": Client()}
    api_clients = {"anonymous": Client()}
    for name, user in people.items():
        web_clients[name] = Client()
        web_clients[name].force_login(user)
        _token, key = token_create(user=user, name="matrix", scope="write")
        api_clients[name] = Client(headers={"Authorization": f"Bearer {key}"})
    wrong = []
    for route, row in ROWS.items():
        path = row.path.format(**vars(objects))
        clients = api_clients if path.startswith("/api/") else web_clients
        for persona in ("anonymous", *PERSONAS):
            client = clients[persona]
            cookies = copy.deepcopy(client.cookies)  # logging out must not last either
            with transaction.atomic():
                got = _status(client, row, path)
                transaction.set_rollback(True)
            client.cookies = cookies
            if got != row.expected(persona):
                wrong.append(f"{route} {row.method.upper()} {path} {persona}: "
                             f"got {got}, expected {row.expected(persona)}")  # fmt: skip
    assert wrong == [], "\n".join(wrong)
