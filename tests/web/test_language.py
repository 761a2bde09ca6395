"""Mongolian first: a browser set to English still gets Mongolian until the visitor chooses."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_english_browser_gets_mongolian_until_it_chooses():
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="mn">' in client.get(reverse("web:home")).content.decode()
    client.post(reverse("accounts:language"), {"language": "en", "next": "/"})
    assert '<html lang="en">' in client.get(reverse("web:home")).content.decode()


def test_a_signed_in_users_choice_is_remembered_on_another_browser(outsider):
    first = Client()
    first.force_login(outsider)
    first.post(reverse("accounts:language"), {"language": "en", "next": "/"})
    second = Client()  # no cookie: the profile decides
    second.force_login(outsider)
    assert '<html lang="en">' in second.get(reverse("web:report_list")).content.decode()


def test_the_language_switch_refuses_to_redirect_elsewhere():
    response = Client().post(
        reverse("accounts:language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
