"""Logging in: lockout after wrong passwords, the second factor of heads, reviewers and staff,
the idle timeout, and the password reset by e-mail — through the real login form."""

from __future__ import annotations

import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from shudarga.orgs.models import Membership

pytestmark = pytest.mark.django_db

PASSWORD = "Хужирт-2024-нууц"


def log_in(client: Client, username: str, password: str, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


@pytest.fixture
def officer_pw(officer):
    officer.set_password(PASSWORD)
    officer.email = "oyunchimeg@khujirt.gov.mn"
    officer.save()
    return officer


@pytest.fixture
def head_pw(head):
    head.set_password(PASSWORD)
    head.save()
    return head


def test_five_wrong_passwords_lock_the_username_for_this_address_even_for_the_right_one(
    officer_pw, settings
):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, officer_pw.username, "wrong").status_code == 200
    response = log_in(client, officer_pw.username, "wrong")
    assert response.status_code == 429
    # Locked: the right password does not get in either, and says why, in Mongolian first.
    response = log_in(client, officer_pw.username, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "15" in response.content.decode()
    # Every failure is recorded, with the address (never the password tried).
    assert AccessFailureLog.objects.filter(username=officer_pw.username).count() >= 5
    attempt = AccessAttempt.objects.get(username=officer_pw.username)
    assert attempt.ip_address == "127.0.0.1"
    assert "wrong" not in str(attempt.get_data) + str(attempt.post_data)
    # Another address is not locked out by this one's failures.
    other = log_in(Client(REMOTE_ADDR="10.0.0.9"), officer_pw.username, PASSWORD)
    assert other.status_code == 302


def test_behind_a_trusted_proxy_the_lockout_counts_by_the_client_address(officer_pw, settings):
    settings.AUDIT_TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(Client(**proxy), officer_pw.username, "wrong", HTTP_X_FORWARDED_FOR="203.0.113.7")
    locked = log_in(Client(**proxy), officer_pw.username, PASSWORD,
                    HTTP_X_FORWARDED_FOR="203.0.113.7")  # fmt: skip
    assert locked.status_code == 429
    # A colleague behind the same proxy is not locked out by the stranger's failures.
    other = log_in(Client(**proxy), officer_pw.username, PASSWORD,
                   HTTP_X_FORWARDED_FOR="198.51.100.20")  # fmt: skip
    assert other.status_code == 302


def test_a_successful_login_clears_the_count(officer_pw, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, officer_pw.username, "wrong")
    assert log_in(client, officer_pw.username, PASSWORD).status_code == 302
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, officer_pw.username, "wrong").status_code == 200


def test_the_locked_page_speaks_mongolian_first(officer_pw, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = log_in(client, officer_pw.username, "wrong")
    page = response.content.decode()
    assert response.status_code == 429
    assert 'lang="mn"' in page
    assert reverse("accounts:password_reset") in page


def code_now(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_head_adds_an_authenticator_then_proves_it_at_every_login(head_pw, plan, settings):
    settings.TWO_FACTOR_REQUIRED = True
    client = Client()
    response = log_in(client, head_pw.username, PASSWORD)
    assert response.status_code == 302
    # Past the password, every workspace page (and the admin) asks for the second factor.
    page = reverse("web:plan", args=[plan.pk])
    response = client.get(page)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    enrol = client.get(response["Location"])
    assert enrol.status_code == 200
    assert "<svg" in enrol.content.decode()
    device = TOTPDevice.objects.get(user=head_pw)
    assert not device.confirmed
    # A wrong code: a clear message, still not in.
    wrong = client.post(reverse("accounts:two_factor"), {"code": "000000", "next": page})
    assert wrong.status_code == 400
    assert "not right" in wrong.content.decode() or "буруу" in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the throttle of django-otp is tested by it
    device.throttling_failure_timestamp = None
    device.save()
    done = client.post(reverse("accounts:two_factor"), {"code": code_now(device), "next": page})
    assert done.status_code == 302 and done["Location"] == page
    assert client.get(page).status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    # The next login asks for the code of the same app, and shows no new key.
    device.last_t = -1
    device.save()
    client = Client()
    log_in(client, head_pw.username, PASSWORD)
    ask = client.get(reverse("accounts:two_factor"))
    assert "<svg" not in ask.content.decode()
    assert client.get(page).status_code == 302
    client.post(reverse("accounts:two_factor"), {"code": code_now(device)})
    assert client.get(page).status_code == 200


@pytest.mark.parametrize("who", ["national", "staff", "admin"])
def test_reviewers_and_staff_need_the_second_factor(who, request, settings, django_user_model):
    settings.TWO_FACTOR_REQUIRED = True
    user = request.getfixturevalue(who)
    client = Client()
    client.force_login(user)
    for path in (reverse("web:plan_list"), "/admin/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("accounts:two_factor"))


@pytest.mark.parametrize("role", [Membership.Role.OFFICER, Membership.Role.VIEWER])
def test_officers_and_viewers_need_only_their_password(role, khujirt, settings, django_user_model):
    from tests.personas import member

    settings.TWO_FACTOR_REQUIRED = True
    user = member(django_user_model, khujirt, f"u-{role}", "Хэрэглэгч", role)
    client = Client()
    client.force_login(user)
    assert client.get(reverse("web:plan_list")).status_code == 200


def test_the_portal_and_logging_out_need_no_second_factor(head, settings):
    settings.TWO_FACTOR_REQUIRED = True
    client = Client()
    client.force_login(head)
    assert client.get(reverse("portal:home")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_an_idle_session_ends(officer, settings):
    client = Client()
    client.force_login(officer)
    assert client.get(reverse("web:plan_list")).status_code == 200
    # The session's expiry is SESSION_IDLE_MINUTES after the last request: past it, the
    # same cookie is a visitor's.
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    Session.objects.update(expire_date=timezone.now())
    response = client.get(reverse("web:plan_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_MINUTES * 60 <= 8 * 3600


def test_a_request_moves_the_expiry_on(officer):
    from django.contrib.sessions.models import Session

    client = Client()
    client.force_login(officer)
    client.get(reverse("web:plan_list"))
    first = Session.objects.get().expire_date
    session = client.session
    session["seen"] = 0  # as if the last request was long ago
    session.save()
    client.get(reverse("web:plan_list"))
    assert Session.objects.get().expire_date > first


def test_a_password_is_reset_by_a_link_sent_by_e_mail(officer_pw):
    client = Client()
    assert reverse("accounts:password_reset") in client.get(reverse("login")).content.decode()
    response = client.post(reverse("accounts:password_reset"), {"email": officer_pw.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [officer_pw.email]
    link = re.search(r"https?://[^/]+(/account/password/reset/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    new = "Шинэ-нууц-үг-2025"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    officer_pw.refresh_from_db()
    assert officer_pw.check_password(new)
    # The link works once.
    assert "expired" in client.get(link, follow=True).content.decode() or "хугацаа" in (
        client.get(link, follow=True).content.decode()
    )


def test_an_unknown_address_sends_nothing_and_tells_nothing(officer_pw):
    response = Client().post(reverse("accounts:password_reset"), {"email": "nobody@x.mn"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_who_needs_the_second_factor_is_one_query(
    officer, head, national, django_user_model, django_assert_num_queries
):
    from shudarga.access import needs_second_factor

    reviewer_only = django_user_model.objects.create_user(username="r-only", password="x")
    from shudarga.orgs.models import Organization, ReviewerAssignment

    ReviewerAssignment.objects.create(user=reviewer_only, node=Organization.objects.get(depth=1))
    for user, needed in ((officer, False), (head, True), (reviewer_only, True)):
        with django_assert_num_queries(1):
            assert needs_second_factor(user) is needed
