"""The NinjaAPI object: token authentication, JSON with Decimal numbers, error answers.

Routes are in reads.py, writes.py and workflow.py; the docs (Swagger UI, assets served from
the "ninja" app's static files, no CDN) are at /api/docs and the description at
/api/openapi.json.
"""

from __future__ import annotations

from typing import Any

import simplejson
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.renderers import BaseRenderer
from ninja.security import HttpBearer

from shudarga.api.tokens import TokenReadOnlyError, token_user
from shudarga.plans.errors import (
    PlanActionRefused,
    ReasonRequiredError,
    ReportLockedError,
    ResultValueError,
    UnreviewedMeasuresError,
    UnscoredMeasuresError,
)

_django_default = DjangoJSONEncoder().default


def dumps(data: Any) -> str:
    """JSON with Decimals as numbers of the digits they have (91 stays 91, 90.5 stays 90.5)."""
    return simplejson.dumps(data, use_decimal=True, ensure_ascii=False, default=_django_default)


class DecimalJSONRenderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request, data: Any, *, response_status: int) -> str:
        return dumps(data)


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <key>``: the key's user, or 401."""

    write = False

    def authenticate(self, request, token: str):
        return token_user(key=token.strip(), write=self.write)


class WriteTokenAuth(TokenAuth):
    """The endpoints that change something: a token of scope "write" (else 403)."""

    write = True


class OptionalTokenAuth(TokenAuth):
    """No Authorization header: the public (an anonymous user). A header with a bad key: 401."""

    def __call__(self, request):
        if not request.headers.get(self.header):
            return AnonymousUser()
        return super().__call__(request)


class ShudargaAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> dict:
        """The read endpoints' token is optional: their security lists "none" ({}) too."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            read = operations.get("get")
            if read and read.get("security") and {} not in read["security"]:
                read["security"].append({})
        return schema


api = ShudargaAPI(
    title="Shudarga API",
    version="1",
    description=(
        "Anti-corruption action plans and reports of Mongolian public organizations. "
        "Without a token: published reports only. With `Authorization: Bearer <key>`: "
        "what the key's user may see on the web pages, too. See docs/api.md."
    ),
    urls_namespace="api",
    renderer=DecimalJSONRenderer(),
    auth=OptionalTokenAuth(),
)


def _error(request, status: int, code: str, detail: str, **extra: Any):
    return api.create_response(request, {"code": code, "detail": detail, **extra}, status=status)


@api.exception_handler(AuthenticationError)
def _unauthorized(request, exc):
    return _error(
        request, 401, "unauthorized", "Send a valid, unexpired key: Authorization: Bearer <key>."
    )


@api.exception_handler(TokenReadOnlyError)
def _read_only(request, exc):
    return _error(
        request, 403, "token_read_only", "This key may only read: make one of scope write."
    )


@api.exception_handler(Http404)
def _not_found(request, exc):
    return _error(request, 404, "not_found", "Not found, or not yours to see.")


@api.exception_handler(NinjaValidationError)
def _request_invalid(request, exc):
    detail = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors
    )
    return _error(request, 422, "invalid", detail)


@api.exception_handler(PermissionDenied)
def _denied(request, exc):
    return _error(request, 403, "forbidden", "You may not do this in this organization.")


@api.exception_handler(PlanActionRefused)
def _plan_refused(request, exc):
    return _error(request, 409, "locked", str(exc))


@api.exception_handler(ReportLockedError)
def _report_locked(request, exc):
    return _error(request, 409, "locked", f"The report is {exc.status}: it cannot be changed.")


@api.exception_handler(UnscoredMeasuresError)
def _unscored(request, exc):
    return _error(
        request,
        409,
        "unscored",
        "Every measure needs a score or “not yet due” before the report is submitted.",
        measures=exc.numbers,
    )


@api.exception_handler(UnreviewedMeasuresError)
def _unreviewed(request, exc):
    return _error(
        request,
        409,
        "unreviewed",
        "Every measure needs a reviewer's score before the report is accepted.",
        measures=exc.numbers,
    )


@api.exception_handler(ReasonRequiredError)
def _reason_required(request, exc):
    return _error(request, 422, "reason_required", "Say why: a reason (or a note) is required.")


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    detail = "; ".join(f"{k}: {' '.join(str(m) for m in v)}" for k, v in errors.items())
    return _error(request, 422, "invalid", detail)


@api.exception_handler(ResultValueError)
def _result_invalid(request, exc):
    return _error(request, 422, "invalid", f"{exc.field}: {exc.message}")


from shudarga.api import reads, workflow, writes  # noqa: E402  (routes register on ``api``)

api.add_router("", reads.router)
api.add_router("", writes.router)
api.add_router("", workflow.router)
