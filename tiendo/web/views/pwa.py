"""The installable app: web app manifest, the service worker (served from the site root so
that its scope is the whole site) and the page shown offline."""

import json

from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control

# Bump when the shell changes: the service worker drops caches of other versions.
SHELL_VERSION = "tiendo-shell-1"


@cache_control(max_age=3600, public=True)
def manifest(request):
    icons = [
        {"src": static(f"icons/icon-{n}.png"), "sizes": f"{n}x{n}", "type": "image/png",
         "purpose": "any"} for n in (192, 512)
    ] + [{"src": static("icons/icon-maskable-512.png"), "sizes": "512x512",
          "type": "image/png", "purpose": "maskable"}]
    data = {
        "name": "tiendo — theo dõi tiến độ chỉ tiêu, nhiệm vụ",
        "short_name": "tiendo",
        "lang": "vi",
        "start_url": reverse("web:home"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#f6f8fb",
        "theme_color": "#206bc4",
        "icons": icons,
    }
    return JsonResponse(data, content_type="application/manifest+json",
                        json_dumps_params={"ensure_ascii": False})


@cache_control(no_cache=True)
def service_worker(request):
    shell = [static(p) for p in ("vendor/tabler.min.css", "css/tiendo.css",
                                 "vendor/htmx.min.js", "vendor/tabler.min.js", "js/app.js",
                                 "icons/icon-192.png")]
    offline_url = reverse("web:offline")
    # Our own static URLs only (no user input), as JSON for the script.
    response = render(request, "web/sw.js", {
        "version": SHELL_VERSION, "shell_json": json.dumps([*shell, offline_url]),
        "offline_json": json.dumps(offline_url),
    }, content_type="application/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response


def offline(request):
    return render(request, "web/offline.html")
