from django.urls import path

from tiendo.scoring import views

app_name = "scoring"
urlpatterns = [
    path("", views.ranking, name="ranking"),
    path("de-xuat/", views.propose, name="propose"),
    path("bo-tieu-chi/", views.frameworks, name="frameworks"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/gia-dinh/", views.what_if, name="what_if"),
    path("<int:pk>/ghi-nhan/", views.mark_add, name="mark_add"),
    path("<int:pk>/<slug:name>/", views.action, name="action"),
]
