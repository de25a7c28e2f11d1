from django.urls import path

from tiendo.reminders import views

app_name = "reminders"
urlpatterns = [
    path("", views.centre, name="centre"),
    path("da-doc/", views.mark_read, name="mark_all_read"),
    path("<int:pk>/da-doc/", views.mark_read, name="mark_read"),
    path("cai-dat/", views.preferences, name="preferences"),
    path("cai-dat/lich-moi/", views.ical_reset, name="ical_reset"),
    path("ical/<str:token>.ics", views.ical, name="ical"),
    path("push/", views.push_subscribe, name="push_subscribe"),
    path("push/huy/", views.push_unsubscribe, name="push_unsubscribe"),
    path("push/khoa/", views.vapid_key, name="vapid_key"),
    path("don-doc/<int:unit_pk>/", views.urge, name="urge"),
]
