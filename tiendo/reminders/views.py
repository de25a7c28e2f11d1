import json
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from icalendar import Calendar, Event

from tiendo.lib import clock
from tiendo.lib.clock import vn_day
from tiendo.orgs import access
from tiendo.reminders import queries, services, texts
from tiendo.reminders.channels import inapp, webpush
from tiendo.reminders.forms import PreferenceForm, UrgeForm
from tiendo.reminders.models import ICalToken
from tiendo.tasks.access import get_task_for_user


@login_required
def centre(request):
    items = queries.notifications_of(user=request.user)
    ctx = {"items": items, "unread": inapp.unread_count(request.user)}
    if not request.htmx:  # the page (not the list partial) also says what awaits approval
        ctx["awaiting"] = queries.awaiting_approval_count(request.user)
    template = "reminders/_list.html" if request.htmx else "reminders/centre.html"
    return render(request, template, ctx)


@login_required
@require_POST
def mark_read(request, pk=None):
    inapp.mark_read(user=request.user, pk=pk)
    if request.htmx:
        return render(request, "reminders/_list.html", {
            "items": queries.notifications_of(user=request.user),
            "unread": inapp.unread_count(request.user)})
    return redirect("reminders:centre")


@login_required
def preferences(request):
    pref = services.preference_of(request.user)
    hour = getattr(getattr(request.user, "profile", None), "digest_hour", 7)
    form = PreferenceForm(request.POST or None, instance=pref, initial={"digest_hour": hour})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.preference_set(actor=request.user, user=request.user,
                                        **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return redirect("reminders:preferences")
        status = 422
    token = services.ical_token_of(request.user)
    ical_url = request.build_absolute_uri(f"/nhac-viec/ical/{token.token}.ics")
    return render(request, "reminders/preferences.html",
                  {"form": form, "pref": pref, "ical_url": ical_url,
                   "vapid_key": webpush.application_server_key()}, status=status)


@login_required
@require_POST
def ical_reset(request):
    services.ical_token_reset(actor=request.user)
    return redirect("reminders:preferences")


def ical(request, token):
    """Private calendar of a person's deadlines, in their language; the token is the only
    credential."""
    row = ICalToken.objects.select_related("user__profile").filter(token=token).first()
    if row is None or not row.user.is_active:
        raise Http404
    profile = getattr(row.user, "profile", None)
    with translation.override(texts.language(profile.language if profile else None)):
        cal = _calendar(row.user)
    resp = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    resp["Cache-Control"] = "private, max-age=300"
    return resp


def _calendar(user) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//tiendo//nhac-viec//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("tiendo — hạn nhiệm vụ"))
    stamp = clock.now()
    since = clock.today() - timedelta(days=90)
    for task in queries.deadlines_for_calendar(user=user, since=since):
        due = task.deadline_in_force
        ev = Event()
        ev.add("uid", f"task-{task.pk}@tiendo")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", due)
        ev.add("dtend", due + timedelta(days=1))
        ev.add("summary", _("Hạn: %(title)s") % {"title": task.title})
        ev.add("description", _("Đơn vị chủ trì: %(unit)s. Hạn: %(deadline)s. "
                                "Tiến độ: %(progress)s%%.") % {
            "unit": task.lead_unit.name, "deadline": vn_day(due), "progress": task.progress})
        ev.add("url", settings.TIENDO_SITE_URL.rstrip("/") + f"/nhiem-vu/{task.pk}/")
        cal.add_component(ev)
    return cal


@login_required
@require_POST
def push_subscribe(request):
    try:
        data = json.loads(request.body or b"{}")
        keys = data.get("keys") or {}
        services.push_subscribe(actor=request.user, endpoint=str(data.get("endpoint", "")),
                                p256dh=str(keys.get("p256dh", "")),
                                auth=str(keys.get("auth", "")),
                                user_agent=request.headers.get("User-Agent", ""))
    except (ValueError, AttributeError, ValidationError):
        return JsonResponse({"error": services.MSG_PUSH_BAD}, status=422)
    return JsonResponse({"ok": True}, status=201)


@login_required
@require_POST
def push_unsubscribe(request):
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        data = {}
    n = services.push_unsubscribe(actor=request.user, endpoint=str(data.get("endpoint", "")))
    return JsonResponse({"removed": n})


def vapid_key(request):
    return HttpResponse(webpush.application_server_key(), content_type="text/plain")




@login_required
def urge(request, unit_pk):
    """Đôn đốc: the office picks recipients among the unit's focal points and head, adds a
    message, and sends (?task=<pk> urges on one task, ?period= on a period's figures)."""
    unit = access.get_unit_for_user(request.user, unit_pk)
    task = None
    task_pk = request.GET.get("task") or request.POST.get("task")
    if task_pk:
        task = get_task_for_user(request.user, task_pk)
    period_code = (request.POST.get("period") or request.GET.get("period") or "").strip()
    people = services.urge_recipients(unit)
    roles: dict = {}
    for role in ("focal", "head"):
        for u in people[role]:
            roles.setdefault(u, []).append(role)
    choices = [(u.pk, _person_label(u, rs)) for u, rs in roles.items()]
    form = UrgeForm(request.POST or None, recipients=choices)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.urge_send(actor=request.user, unit=unit, task=task,
                                   period=period_code,
                                   message=form.cleaned_data["message"],
                                   recipient_ids=[int(x) for x in
                                                  form.cleaned_data["recipients"]])
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Đã đôn đốc %(unit)s.") % {"unit": unit.name})
                return redirect(f"/nhiem-vu/{task.pk}/" if task else f"/don-vi/{unit.pk}/")
        status = 422
    return render(request, "reminders/urge.html", {
        "unit": unit, "task": task, "period_code": period_code, "form": form,
        "earlier": queries.urges_of(unit=unit, task=task, limit=5)}, status=status)


def _person_label(user, roles: list[str]) -> str:
    name = getattr(getattr(user, "profile", None), "full_name", "") or user.username
    words = {"focal": _("đầu mối"), "head": _("thủ trưởng")}
    return f"{name} — " + ", ".join(str(words[r]) for r in roles)
