"""Fixtures of the web tests: logged-in clients for the cast, tiny real image files."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client


@pytest.fixture
def as_user(cast):
    """as_user("focal_a") -> a Client logged in as that member of the cast."""
    clients = {}

    def get(name):
        if name not in clients:
            c = Client()
            c.force_login(getattr(cast, name))
            clients[name] = c
        return clients[name]

    return get


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A real, valid PNG (red pixels), built by hand."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                            0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.fixture
def photo():
    return SimpleUploadedFile("anh-hien-truong.png", png_bytes(), content_type="image/png")


@pytest.fixture
def fake_pdf():
    """Named .pdf but not a PDF inside: the upload check must refuse it."""
    return SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 not a pdf",
                              content_type="application/pdf")


def xlsx_rows(response) -> list[tuple]:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(response.content))
    return list(wb.active.iter_rows(values_only=True))
