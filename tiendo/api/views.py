"""/api/tokens/: each person creates, sees and revokes their own API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from tiendo.api.queries import get_token_for_user, tokens_of
from tiendo.api.services import token_create, token_revoke
from tiendo.security.twofactor import verified_session_required

MSG_REVOKED = _("Đã thu hồi khóa {name}.")


@login_required
@verified_session_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    context = {"new_token": None, "error": None, "name": ""}
    status = 200
    if request.method == "POST":
        context["name"] = request.POST.get("name", "")
        try:
            token, raw = token_create(actor=request.user, name=context["name"])
            context.update(new_token=raw, new_name=token.name, name="")
        except ValidationError as exc:
            context["error"] = " ".join(exc.messages)
            status = 422
    context["tokens"] = tokens_of(user=request.user)
    return render(request, "api/tokens.html", context, status=status)


@login_required
@verified_session_required
@require_POST
def revoke(request, pk: int):
    token = get_token_for_user(request.user, pk)
    token_revoke(actor=request.user, token=token)
    messages.success(request, MSG_REVOKED.format(name=token.name))
    return redirect("api:tokens")
