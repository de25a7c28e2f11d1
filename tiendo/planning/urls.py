from django.urls import path

from tiendo.planning import views

app_name = "planning"
urlpatterns = [
    path("nhiem-ky/", views.term_panel, name="terms"),
    path("luoi/", views.grid, name="grid"),
]
