"""Shared pytest fixtures. App-specific fixtures live in each app's tests/conftest.py."""

import pytest

from tiendo.testing import make_cast


@pytest.fixture
def cast(db):
    """office, leader, inspector on the province; focal_a, focal_b on its units A and B;
    outsider on unit C of another tree; admin (superuser)."""
    return make_cast()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
