from django.urls import path

from tiendo.transfer import views

app_name = "transfer"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("mau.xlsx", views.template_download, name="template"),
    path("xuat.xlsx", views.export_download, name="export"),
    path("<int:pk>/", views.job_detail, name="job"),
    path("<int:pk>/xac-nhan/", views.job_confirm, name="confirm"),
    path("<int:pk>/tien-do/", views.job_progress, name="progress"),
]
