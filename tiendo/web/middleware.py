"""Vietnamese first: English only for who chose it with the VI/EN switch.

Django's LocaleMiddleware would also follow the browser's Accept-Language, so an office whose
computers say "en-US" would get English pages nobody asked for. This one reads only the
language cookie that `set_language` writes, and falls back to LANGUAGE_CODE (vi).
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if code not in dict(settings.LANGUAGES):
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = translation.get_language()
