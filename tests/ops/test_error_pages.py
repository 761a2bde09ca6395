"""With DEBUG off a visitor gets the site's own error pages, in Mongolian, never Django's."""

from __future__ import annotations

import io
import json
import logging

import pytest
from django.template import loader
from django.test import Client
from django.utils import translation

from shudarga.logs import JsonFormatter

DJANGO_DEBUG_PAGE = "Using the URLconf defined in"


@pytest.mark.django_db
def test_an_unknown_address_is_the_mongolian_404_page():
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<title>Хуудас олдсонгүй · Шударга</title>" in html
    assert "Нүүр хуудас руу очих" in html
    assert DJANGO_DEBUG_PAGE not in html
    assert "404.html" in [t.name for t in response.templates]


@pytest.mark.django_db
def test_the_404_page_is_in_english_for_who_chose_english():
    client = Client()
    client.cookies["django_language"] = "en"
    html = client.get("/no/such/page/").content.decode()
    assert "<h1>Page not found</h1>" in html


@pytest.mark.django_db
def test_a_form_sent_without_its_csrf_token_is_the_mongolian_expired_form_page():
    response = Client(enforce_csrf_checks=True).post("/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Маягтын хугацаа дууссан</h1>" in html
    assert "CSRF verification failed" not in html  # not Django's own English page


@pytest.mark.django_db
@pytest.mark.urls("tests.ops.urls")
def test_a_refusal_is_the_mongolian_403_page():
    response = Client().get("/tests/forbidden")
    assert response.status_code == 403
    assert "<h1>Хандах эрхгүй</h1>" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("tests.ops.urls")
def test_a_bug_is_the_mongolian_500_page_and_one_log_line_with_its_traceback():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = Client(raise_request_exception=False).get("/tests/broken")
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Серверийн алдаа</h1>" in html
    assert "a bug in a view" not in html and "Traceback" not in html
    [line] = stream.getvalue().splitlines()
    record = json.loads(line)
    assert (record["level"], record["path"], record["status_code"]) == (
        "ERROR",
        "/tests/broken",
        500,
    )
    assert "Traceback" in record["exc"] and "RuntimeError: a bug in a view" in record["exc"]


def test_the_500_page_renders_without_a_request_or_the_database():
    # No django_db mark: any query here would fail the test.
    with translation.override("mn"):
        html = loader.get_template("500.html").render()
    assert "<h1>Серверийн алдаа</h1>" in html
    assert 'href="/static/web/site.css"' in html
