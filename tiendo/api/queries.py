"""Reads of personal API tokens: a person sees only their own."""

from django.http import Http404

from tiendo.api.models import ApiToken


def tokens_of(*, user):
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk")


def get_token_for_user(user, pk) -> ApiToken:
    token = ApiToken.objects.filter(user=user, pk=pk).first()
    if token is None:
        raise Http404
    return token
