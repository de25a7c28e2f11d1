"""Errors as JSON with a clear message: Vietnamese by default, English when the client asks
for it (Accept-Language: en). Every error body is {"detail", "code", "errors"}."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from tiendo.reports.builds import BuildError

MESSAGES = {
    "not_found": ("Không tìm thấy, hoặc bạn không có quyền xem.",
                  "Not found, or you may not see it."),
    "forbidden": ("Bạn không có quyền thực hiện thao tác này.", "You may not do this."),
    "unauthorized": ("Cần một khóa API hợp lệ: Authorization: Bearer <khóa>.",
                     "A valid API token is required: Authorization: Bearer <token>."),
    "invalid": ("Dữ liệu gửi lên không hợp lệ.", "The request is not valid."),
    "rejected": ("Không thực hiện được: {reason}", "Could not be done: see errors."),
    "rate_limited": ("Quá nhiều yêu cầu: tối đa {limit} yêu cầu mỗi phút. Hãy thử lại sau "
                     "{retry} giây.",
                     "Too many requests: at most {limit} a minute. Retry in {retry} s."),
    "error": ("Yêu cầu không thực hiện được.", "The request could not be done."),
    "version_required": (
        "Thiếu phiên bản đang sửa: gửi expected_version (0 khi tạo mới) hoặc tiêu đề If-Match, "
        "để không ghi đè thay đổi của người khác.",
        "The version being edited is required: send expected_version (0 for a new record) or "
        "an If-Match header, so that no one else's change is overwritten."),
    "not_allowed": ("Phương thức HTTP này không dùng được ở địa chỉ này.",
                    "This HTTP method is not allowed here."),
}


class VersionRequired(Exception):
    """A write sent without the version it edits (optimistic locking is required)."""


class RateLimited(Exception):
    def __init__(self, limit: int, retry: int) -> None:
        super().__init__("rate limited")
        self.limit, self.retry = limit, retry


def wants_english(request) -> bool:
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    first = header.split(",")[0].strip().lower()
    return first.startswith("en")


def message(request, code: str, **kw) -> str:
    vi, en = MESSAGES[code]
    return (en if wants_english(request) else vi).format(**kw)


def _body(request, code: str, errors=None, **kw) -> dict:
    return {"detail": message(request, code, **kw), "code": code, "errors": errors or []}


def _django_errors(exc: DjangoValidationError) -> list[dict]:
    if hasattr(exc, "error_dict"):
        return [{"field": field, "message": str(m)}
                for field, msgs in exc.message_dict.items() for m in msgs]
    return [{"field": None, "message": str(m)} for m in exc.messages]


def install(api) -> None:
    """Register the handlers on a NinjaAPI."""

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, _body(request, "not_found"), status=404)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        errors = [{"field": None, "message": str(exc)}] if str(exc) else []
        return api.create_response(request, _body(request, "forbidden", errors), status=403)

    @api.exception_handler(AuthenticationError)
    def unauthorized(request, exc):
        response = api.create_response(request, _body(request, "unauthorized"), status=401)
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(NinjaValidationError)
    def invalid(request, exc):
        errors = [{"field": ".".join(str(p) for p in e.get("loc", [])[1:]) or None,
                   "message": e.get("msg", "")} for e in exc.errors]
        return api.create_response(request, _body(request, "invalid", errors), status=422)

    @api.exception_handler(DjangoValidationError)
    def rejected(request, exc):
        errors = _django_errors(exc)
        reason = "; ".join(e["message"] for e in errors)
        return api.create_response(request, _body(request, "rejected", errors, reason=reason),
                                   status=422)

    @api.exception_handler(BuildError)
    def bad_build(request, exc):
        errors = [{"field": None, "message": str(exc)}]
        return api.create_response(request, _body(request, "rejected", errors,
                                                  reason=str(exc)), status=400)

    @api.exception_handler(RateLimited)
    def rate_limited(request, exc):
        response = api.create_response(
            request, _body(request, "rate_limited", limit=exc.limit, retry=exc.retry),
            status=429)
        response["Retry-After"] = str(exc.retry)
        return response

    @api.exception_handler(VersionRequired)
    def version_required(request, exc):
        return api.create_response(request, _body(request, "version_required"), status=428)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        code = {404: "not_found", 403: "forbidden", 401: "unauthorized"}.get(
            exc.status_code, "error")
        return api.create_response(request, _body(request, code), status=exc.status_code)
