from django.urls import path

from tiendo.api import docs, views
from tiendo.api.api import api

app_name = "api"
urlpatterns = [
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/thu-hoi/", views.revoke, name="revoke"),
    path("docs-assets/<str:name>", docs.asset, name="asset"),
    path("", api.urls),
]
