from functools import wraps

from django.http import JsonResponse
from django.urls import path, re_path

from tiendo.api import docs, errors, views
from tiendo.api.api import api


def _json_not_allowed(view):
    """django-ninja answers a wrong method with a plain-text 405: answer JSON like every other
    API error."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
                "application/json"):
            allowed = response.get("Allow", "")
            response = JsonResponse({"detail": errors.message(request, "not_allowed"),
                                     "code": "not_allowed", "errors": []}, status=405,
                                    json_dumps_params={"ensure_ascii": False})
            response["Allow"] = allowed
        return response

    return wrapped


def not_found(request, rest=""):
    return JsonResponse({"detail": errors.message(request, "not_found"), "code": "not_found",
                         "errors": []}, status=404, json_dumps_params={"ensure_ascii": False})


ninja_patterns, ninja_app, ninja_namespace = api.urls
for pattern in ninja_patterns:
    pattern.callback = _json_not_allowed(pattern.callback)

app_name = "api"
urlpatterns = [
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/thu-hoi/", views.revoke, name="revoke"),
    path("docs-assets/<str:name>", docs.asset, name="asset"),
    path("", (ninja_patterns, ninja_app, ninja_namespace)),
    re_path(r"^(?P<rest>.*)$", not_found),  # unknown API paths: JSON, not an HTML page
]
