from django.urls import path

from tiendo.security import views

app_name = "security"
urlpatterns = [
    path("xac-thuc-hai-lop/", views.two_factor, name="two_factor"),
]
