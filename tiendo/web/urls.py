from django.urls import path

from tiendo.web.views import (
    dashboard,
    figures,
    indicators,
    mywork,
    pwa,
    tasks,
    units,
)

app_name = "web"
urlpatterns = [
    path("", dashboard.home, name="home"),
    path("so-lieu/", dashboard.figures, name="figures"),
    path("viec-cua-toi/", mywork.mywork, name="mywork"),
    # indicators
    path("chi-tieu/", indicators.catalogue, name="indicators"),
    path("chi-tieu/<int:pk>/", indicators.detail, name="indicator"),
    path("so-lieu/<int:pk>/minh-chung/<int:ev_pk>/", indicators.evidence_file,
         name="evidence_file"),
    # figures: entry by focal points, approval by the office
    path("so-lieu/nhap/", figures.entry, name="figure_entry"),
    path("so-lieu/nhap/gui-tat-ca/", figures.submit_all, name="figure_submit_all"),
    path("so-lieu/nhap/<int:unit_pk>/<str:period>/<int:indicator_pk>/", figures.save_draft,
         name="figure_save"),
    path("so-lieu/<int:pk>/gui/", figures.submit, name="figure_submit"),
    path("so-lieu/<int:pk>/minh-chung/", figures.evidence_upload, name="figure_evidence"),
    path("so-lieu/duyet/", figures.approvals, name="approvals"),
    path("so-lieu/<int:pk>/duyet/", figures.approve, name="figure_approve"),
    path("so-lieu/<int:pk>/tra-lai/", figures.return_figure, name="figure_return"),
    # tasks
    path("nhiem-vu/", tasks.task_list, name="tasks"),
    path("nhiem-vu/moi/", tasks.create, name="task_create"),
    path("nhiem-vu/bo-loc/", tasks.saved_view_save, name="saved_view_save"),
    path("nhiem-vu/bo-loc/<int:pk>/xoa/", tasks.saved_view_delete, name="saved_view_delete"),
    path("nhiem-vu/<int:pk>/", tasks.detail, name="task"),
    path("nhiem-vu/<int:pk>/cap-nhat/", tasks.progress, name="task_progress"),
    path("nhiem-vu/<int:pk>/gia-han/", tasks.extension, name="task_extension"),
    path("nhiem-vu/<int:pk>/gia-han/<int:ext_pk>/", tasks.extension_decide,
         name="task_extension_decide"),
    path("nhiem-vu/<int:pk>/hoan-thanh/", tasks.report_done, name="task_done"),
    path("nhiem-vu/<int:pk>/nghiem-thu/", tasks.accept, name="task_accept"),
    path("nhiem-vu/<int:pk>/tra-lai/", tasks.return_task, name="task_return"),
    path("nhiem-vu/<int:pk>/chi-dao/", tasks.direction, name="task_direction"),
    path("nhiem-vu/<int:pk>/tep/<int:file_pk>/", tasks.task_file, name="task_file"),
    # units
    path("don-vi/", units.unit_list, name="units"),
    path("don-vi/<int:pk>/", units.detail, name="unit"),
    # installable app
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("ngoai-tuyen/", pwa.offline, name="offline"),
]
