"""Fixtures for the scoring browser test; Chromium's set-up is in the root conftest.py."""

import pytest


@pytest.fixture
def plain_static(settings):
    # live_server serves /static/ from the finders under un-hashed names.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
