"""The API's docs page, served with Swagger UI's files from the django-ninja package itself:
no CDN, no other host (django-ninja only uses its bundled files when "ninja" is an installed
app; otherwise it loads them from a CDN, which a government network may block)."""

from pathlib import Path

import ninja
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from ninja.openapi.docs import DocsBase

ASSET_DIR = Path(ninja.__file__).resolve().parent / "static" / "ninja"
ASSETS = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-init.js": "text/javascript",
    "favicon.png": "image/png",
}


class LocalSwagger(DocsBase):
    # validatorUrl None: Swagger UI would otherwise load a badge from validator.swagger.io.
    settings = {"layout": "BaseLayout", "deepLinking": True, "persistAuthorization": False,
                "validatorUrl": None}

    def render_page(self, request, api, **kwargs):
        import json

        swagger = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        return render(request, "api/docs.html",
                      {"api": api, "swagger_settings": json.dumps(swagger)})


@require_GET
@cache_control(max_age=86400, public=True)
def asset(request, name: str):
    if name not in ASSETS:
        raise Http404
    return FileResponse((ASSET_DIR / name).open("rb"), content_type=ASSETS[name])
