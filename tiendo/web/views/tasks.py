"""Tasks: the filtered list with saved views, a task's page with its timeline, and every
action on it (progress from a phone, extension, completion, acceptance, directions)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tiendo.indicators.periods import pick_period
from tiendo.orgs import access
from tiendo.orgs.models import Role
from tiendo.programmes.models import Programme
from tiendo.reminders import queries as reminder_queries
from tiendo.tasks import services
from tiendo.tasks.access import get_task_for_user
from tiendo.tasks.queries import status_of
from tiendo.tasks.rules import TaskStatus
from tiendo.web import forms, queries, task_queries
from tiendo.web import services as web_services
from tiendo.web.models import SavedView
from tiendo.web.views.common import get_date, paginate, render_htmx, today, wants_xlsx
from tiendo.web.views.exports import tasks_xlsx

TASKS_PER_PAGE = 50  # a phone screen scrolls through 50 comfortably; the pager has the rest
IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


def _filters(request) -> queries.TaskFilters:
    g = request.GET
    unit = None
    if g.get("unit"):
        unit = access.get_unit_by_code_for_user(request.user, g["unit"].strip())
    period = None
    if g.get("period"):
        period, _error = pick_period(g["period"], [], today())
    status = g.get("status", "")
    return queries.TaskFilters(
        status=status if status in set(TaskStatus) else "", unit=unit,
        programme=g.get("programme", ""), period=period,
        deadline_from=get_date(g, "deadline_from"), deadline_to=get_date(g, "deadline_to"),
        text=g.get("q", "").strip(), key_only=g.get("key") == "1",
    )


@login_required
def task_list(request):
    filters = _filters(request)
    on = today()
    if wants_xlsx(request):
        return tasks_xlsx(queries.task_list(user=request.user, on=on, filters=filters))
    page = paginate(request, queries.task_list_qs(user=request.user, on=on, filters=filters),
                    TASKS_PER_PAGE)
    context = {
        "rows": queries.task_rows_of(page.object_list, on), "page": page,
        "total": page.paginator.count, "f": filters, "on": on,
        "statuses": [(s, queries.status_label(s)) for s in TaskStatus],
        "units": access.units_visible_to(request.user).filter(valid_to__isnull=True)
                 .only("pk", "code", "name"),
        "programmes": Programme.objects.order_by("code"),
        "saved_views": SavedView.objects.filter(user=request.user, page="tasks"),
        "can_create": access.has_role(request.user, Role.OFFICE),
        "query": web_services.clean_query(request.GET.urlencode()),
    }
    return render_htmx(request, "web/tasks.html", "web/_task_rows.html", context)


@login_required
@require_POST
def saved_view_save(request):
    form = forms.SavedViewForm(request.POST)
    if not form.is_valid():
        return redirect("web:tasks")
    view = web_services.saved_view_save(actor=request.user, page="tasks",
                                        name=form.cleaned_data["name"],
                                        query=form.cleaned_data["query"])
    return redirect(f"{reverse('web:tasks')}?{view.query}")


@login_required
@require_POST
def saved_view_delete(request, pk):
    if not web_services.saved_view_delete(actor=request.user, pk=pk):
        raise Http404
    return redirect("web:tasks")


def _context(request, task, **bound) -> dict:
    user = request.user
    on = today()
    can_update = access.can_write_unit(user, task.lead_unit_id) and task.state != "done"
    ctx = {
        "task": task, "status": status_of(task, on), "on": on,
        "coordinating": list(task.coordinating_units.all()),
        "timeline": task_queries.timeline(task),
        "can_update": can_update,
        "can_manage": access.can_manage_unit(user, task.lead_unit_id),
        "can_direct": access.has_role(user, Role.LEADER, Role.OFFICE),
        "urges": list(reminder_queries.urges_of(unit=task.lead_unit, task=task, limit=1)),
        "progress_form": forms.ProgressForm(initial={"percent": task.progress,
                                                     "version": task.version}),
        "extension_form": forms.ExtensionForm(),
        "done_form": forms.DoneForm(initial={"completed_on": on}),
        "return_form": forms.ReasonForm(),
        "direction_form": forms.DirectionForm(),
    }
    ctx["pending_extensions"] = [i["obj"] for i in ctx["timeline"]
                                 if i["kind"] == "extension" and i["obj"].state == "pending"]
    ctx.update(bound)
    return ctx


@login_required
def detail(request, pk):
    task = get_task_for_user(request.user, pk)
    return render(request, "web/task.html", _context(request, task))


DONE = {
    "task_progress": gettext_lazy("Đã cập nhật tiến độ."),
    "task_extension": gettext_lazy("Đã gửi đề nghị gia hạn."),
    "task_extension_decide": gettext_lazy("Đã quyết định đề nghị gia hạn."),
    "task_done": gettext_lazy("Đã báo cáo hoàn thành, chờ nghiệm thu."),
    "task_accept": gettext_lazy("Đã nghiệm thu nhiệm vụ."),
    "task_return": gettext_lazy("Đã trả lại nhiệm vụ cho đơn vị."),
    "task_direction": gettext_lazy("Đã gửi ý kiến chỉ đạo; đơn vị được báo ngay."),
}


def _respond(request, task, ok: bool, **bound):
    """After an action: the task body (HTMX) or a redirect, with a confirmation message; with
    errors, status 422."""
    done = DONE.get(getattr(request.resolver_match, "url_name", ""))
    if ok and done:
        messages.success(request, done)
    if ok and not request.htmx:
        return redirect("web:task", pk=task.pk)
    task.refresh_from_db()
    ctx = _context(request, task, **bound)
    return render_htmx(request, "web/task.html", "web/_task_body.html", ctx,
                       status=200 if ok else 422)


def _apply(form, call) -> bool:
    """Run a service call for a valid form; put its ValidationError on the form."""
    if not form.is_valid():
        return False
    try:
        call(form.cleaned_data)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for name, errors in exc.error_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        return False
    return True


@login_required
@require_POST
def progress(request, pk):
    task = get_task_for_user(request.user, pk, write=True)
    form = forms.ProgressForm(request.POST, request.FILES)
    ok = _apply(form, lambda d: services.progress_add(
        actor=request.user, task=task, percent=d["percent"], note=d["note"],
        files=[d["file"]] if d["file"] else [], expected_version=d["version"]))
    return _respond(request, task, ok, **({} if ok else {"progress_form": form}))


@login_required
@require_POST
def extension(request, pk):
    task = get_task_for_user(request.user, pk, write=True)
    form = forms.ExtensionForm(request.POST)
    ok = _apply(form, lambda d: services.extension_request(
        actor=request.user, task=task, new_deadline=d["new_deadline"], reason=d["reason"]))
    return _respond(request, task, ok, **({} if ok else {"extension_form": form}))


@login_required
@require_POST
def extension_decide(request, pk, ext_pk):
    task = get_task_for_user(request.user, pk)
    req = get_object_or_404(task.extensions, pk=ext_pk)
    form = forms.DecideForm(request.POST)
    ok = _apply(form, lambda d: services.extension_decide(
        actor=request.user, request=req, approve=d["approve"], note=d["note"]))
    return _respond(request, task, ok, **({} if ok else {"decide_error": form.errors}))


@login_required
@require_POST
def report_done(request, pk):
    task = get_task_for_user(request.user, pk, write=True)
    form = forms.DoneForm(request.POST, request.FILES)
    ok = _apply(form, lambda d: services.task_report_done(
        actor=request.user, task=task, completed_on=d["completed_on"], note=d["note"],
        files=[d["file"]] if d["file"] else []))
    return _respond(request, task, ok, **({} if ok else {"done_form": form}))


@login_required
@require_POST
def accept(request, pk):
    task = get_task_for_user(request.user, pk)
    try:
        services.task_accept(actor=request.user, task=task)
    except ValidationError as exc:
        return _respond(request, task, False, action_error=exc.messages)
    return _respond(request, task, True)


@login_required
@require_POST
def return_task(request, pk):
    task = get_task_for_user(request.user, pk)
    form = forms.ReasonForm(request.POST)
    ok = _apply(form, lambda d: services.task_return(actor=request.user, task=task,
                                                     reason=d["reason"]))
    return _respond(request, task, ok, **({} if ok else {"return_form": form}))


@login_required
@require_POST
def direction(request, pk):
    task = get_task_for_user(request.user, pk)
    form = forms.DirectionForm(request.POST)
    ok = _apply(form, lambda d: services.direction_add(actor=request.user, task=task,
                                                       text=d["text"]))
    return _respond(request, task, ok, **({} if ok else {"direction_form": form}))


@login_required
def task_file(request, pk, file_pk):
    task = get_task_for_user(request.user, pk)
    tf = get_object_or_404(task.files, pk=file_pk)
    return file_response(tf.file, tf.original_name)


def file_response(field_file, original_name: str):
    """Images open in the browser; other files download under their original name."""
    from pathlib import PurePath

    ext = PurePath(field_file.name).suffix.lower()
    inline = ext in IMAGE_TYPES
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=not inline, filename=original_name,
                        content_type=IMAGE_TYPES.get(ext))


@login_required
def create(request):
    user = request.user
    if not access.has_role(user, Role.OFFICE):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(services.MSG_NO_CREATE)
    kwargs = {
        "lead_units": task_queries.units_managed_by(user),
        "all_units": access.units_visible_to(user).filter(valid_to__isnull=True),
        "programmes": Programme.objects.order_by("code"),
    }
    form = forms.TaskCreateForm(request.POST or None, **kwargs)
    if request.method == "POST":
        holder = {}

        def call(d):
            holder["task"] = services.task_create(
                actor=user, title=d["title"], description=d["description"],
                lead_unit=d["lead_unit"], coordinating_units=list(d["coordinating_units"]),
                deadline=d["deadline"], expected_product=d["expected_product"],
                programme=d["programme"], period=d["period"], is_key=d["is_key"])

        if _apply(form, call):
            return redirect("web:task", pk=holder["task"].pk)
        return render(request, "web/task_create.html", {"form": form}, status=422)
    return render(request, "web/task_create.html", {"form": form})
