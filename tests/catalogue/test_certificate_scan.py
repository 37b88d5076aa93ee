"""The certificate scan check: content, not the file name, decides what is accepted."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from catalogue import validators
from catalogue.validators import validate_certificate_scan


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (800, 600)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 180, 40)).save(buffer, format=fmt)
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("chung-nhan.pdf", PDF),
        ("chung-nhan.png", image_bytes("PNG")),
        ("chung-nhan.JPG", image_bytes("JPEG")),
        ("chung-nhan.webp", image_bytes("WEBP")),
    ],
)
def test_real_pdfs_and_photos_pass_and_can_be_read_again(name, content):
    upload = SimpleUploadedFile(name, content)

    validate_certificate_scan(upload)

    assert upload.read() == content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("chung-nhan.pdf", b"<html>not a pdf</html>", "not a PDF"),
        ("chung-nhan.png", b"\x89PNG\r\n\x1a\n broken", "not a readable photo"),
        ("chung-nhan.jpg", image_bytes("PNG"), "not a readable photo"),
        ("chung-nhan.png", image_bytes("PNG")[:200], "not a readable photo"),
        ("chung-nhan.exe", PDF, "PDF or a photo"),
        ("chung-nhan.pdf", b"", "empty"),
        ("chung-nhan.png", image_bytes("PNG", (120, 80)), "too small"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(name, content, message):
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        validate_certificate_scan(SimpleUploadedFile(name, content))

    assert message in " ".join(excinfo.value.messages)


def test_a_scan_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(validators, "SCAN_MAX_BYTES", 1000)

    with pytest.raises(ValidationError) as excinfo:
        validate_certificate_scan(SimpleUploadedFile("scan.pdf", PDF + b" " * 1000))

    assert excinfo.value.code == "scan_too_large"


def test_a_photo_over_the_pixel_limit_is_refused(monkeypatch):
    monkeypatch.setattr(validators, "SCAN_MAX_PIXELS", 100_000)

    with pytest.raises(ValidationError) as excinfo:
        validate_certificate_scan(SimpleUploadedFile("scan.png", image_bytes("PNG", (800, 600))))

    assert excinfo.value.code == "scan_too_many_pixels"
