"""The import page: upload a workbook, see its errors or a preview, confirm, follow the
progress bar while the worker writes it, read the result. Office and administrators only."""

from contextlib import suppress

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from tiendo.transfer import jobs
from tiendo.transfer.exporting import export_workbook, template_workbook
from tiendo.transfer.models import ImportJob, JobState

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Sổ tính (.xlsx)"))


def _office(request):
    if not jobs.may_import(request.user):
        raise PermissionDenied


def _job_for(request, pk) -> ImportJob:
    """A job is seen only by the person who uploaded it."""
    _office(request)
    job = ImportJob.objects.filter(pk=pk, created_by=request.user).first()
    if job is None:
        raise Http404
    return job


@login_required
def upload(request):
    _office(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = jobs.job_upload(actor=request.user, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            form.add_error("file", exc.messages)
        else:
            return redirect("transfer:job", pk=job.pk)
    recent = ImportJob.objects.filter(created_by=request.user)[:20]
    return render(request, "transfer/upload.html", {"form": form, "jobs": recent},
                  status=422 if request.method == "POST" else 200)


@login_required
def job_detail(request, pk):
    job = _job_for(request, pk)
    done, total = jobs.job_progress(job)
    return render(request, "transfer/job.html", {
        "job": job, "done": done, "total": total, "check": job.checked,
        "States": JobState, "percent": 100 * done // total if total else 0})


@login_required
@require_POST
def job_confirm(request, pk):
    job = _job_for(request, pk)
    with suppress(ValidationError):  # already confirmed (a second click): the page shows it
        jobs.job_confirm(actor=request.user, job=job)
    return redirect("transfer:job", pk=job.pk)


@login_required
def job_progress(request, pk):
    job = _job_for(request, pk)
    done, total = jobs.job_progress(job)
    response = render(request, "transfer/_progress.html", {
        "job": job, "done": done, "total": total, "States": JobState,
        "percent": 100 * done // total if total else 0})
    if job.state not in (JobState.CHECKING, JobState.QUEUED, JobState.RUNNING):
        response["HX-Refresh"] = "true"  # show the check's errors or preview, or the result
    return response


@login_required
def template_download(request):
    _office(request)
    response = HttpResponse(template_workbook(user=request.user), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-tiendo.xlsx"'
    return response


@login_required
def export_download(request):
    _office(request)
    response = HttpResponse(export_workbook(user=request.user), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="tiendo-so-tinh.xlsx"'
    return response
