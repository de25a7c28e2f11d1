from django.urls import path

from tiendo.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("tai-ve/<str:fmt>/", views.download, name="download"),
]
