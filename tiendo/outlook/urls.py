from django.urls import path

from tiendo.outlook import views

app_name = "outlook"
urlpatterns = [
    path("", views.page, name="page"),
]
