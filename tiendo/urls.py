from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.static import serve

urlpatterns = [
    path("dang-nhap/", auth_views.LoginView.as_view(template_name="web/login.html"),
         name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("quan-tri/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("extraction/", include("tiendo.extraction.urls")),
    path("nhap-so-tinh/", include("tiendo.transfer.urls")),
    path("ke-hoach/", include("tiendo.planning.urls")),
    path("xep-loai/", include("tiendo.scoring.urls")),
    path("ca-nhan/", include("tiendo.people.urls")),
    path("canh-bao/", include("tiendo.outlook.urls")),
    path("nhac-viec/", include("tiendo.reminders.urls")),
    path("bao-cao/", include("tiendo.reports.urls")),
    path("nhat-ky/", include("tiendo.audit.urls")),
    path("bao-mat/", include("tiendo.security.urls")),
    path("api/", include("tiendo.api.urls")),
    path("", include("tiendo.web.urls")),
]

if settings.DEBUG:
    urlpatterns.append(path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}))
