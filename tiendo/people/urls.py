from django.urls import path

from tiendo.people import views

app_name = "people"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("dang-ky/", views.declare, name="declare"),
    path("tu-danh-gia/", views.self_assess, name="self_assess"),
    path("san-pham/<int:pk>/<slug:name>/", views.item_action, name="item_action"),
    path("danh-gia/<int:pk>/", views.evaluation, name="evaluation"),
    path("danh-gia/<int:pk>/<slug:name>/", views.evaluation_step, name="evaluation_step"),
    path("don-vi/<int:unit_pk>/", views.unit_list, name="unit"),
]
