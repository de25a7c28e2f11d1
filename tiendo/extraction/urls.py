from django.urls import path

from tiendo.extraction import views

app_name = "extraction"
urlpatterns = [
    path("", views.run_list, name="list"),
    path("<int:pk>/", views.run_review, name="review"),
    path("<int:pk>/trang-thai/", views.run_status, name="status"),
    path("nhiem-vu/", views.propose, name="propose"),
    path("nhiem-vu/tao/", views.propose_create, name="propose_create"),
    path("<int:pk>/nhan-tat-ca/", views.run_accept_all, name="accept_all"),
    path("<int:pk>/tim-chi-tieu/", views.indicator_options, name="indicator_options"),
]
