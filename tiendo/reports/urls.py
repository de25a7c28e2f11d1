from django.urls import path

from tiendo.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("tai-ve/<str:fmt>/", views.download, name="download"),
    path("trinh-ky/", views.signoff_list, name="signoffs"),
    path("trinh-ky/<int:pk>/", views.signoff_detail, name="signoff"),
    path("trinh-ky/<int:pk>/<str:action>/", views.signoff_act, name="signoff_act"),
    path("trinh-ky/<int:pk>/tep.<str:fmt>", views.signoff_file, name="signoff_file"),
]
