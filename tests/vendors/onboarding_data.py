"""Form data of a producer's application, shared by the onboarding and review tests."""

import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from catalogue.models import Category
from tests.factories import commune

PDF_SCAN = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_scan(name: str = "chung-nhan.pdf", content: bytes = PDF_SCAN) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def photo_scan(name: str = "chung-nhan.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), "white").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def application_data(**overrides) -> dict:
    """A complete application of a new account, with one certificate dated 1 March 2025."""
    place = commune("Quảng Ninh", "Bình Liêu")
    data = {
        "account_email": "htx.mien@example.vn",
        "password": "mien-dong-2026!",
        "password_again": "mien-dong-2026!",
        "kind": "htx",
        "legal_name": "Hợp tác xã Miến dong Hoành Mô",
        "tax_code": "5701999001",
        "street_address": "Thôn Nà Ếch",
        "province": str(place.province_id),
        "commune": str(place.pk),
        "old_district": "huyện Bình Liêu",
        "contact_name": "Hoàng Văn Sáng",
        "phone": "0912345678",
        "email": "lienhe@mienhoanhmo.vn",
        "website": "",
        "story": "Miến dong làm từ củ dong riềng trồng trên đồi Hoành Mô.",
        "certificates-TOTAL_FORMS": "1",
        "certificates-INITIAL_FORMS": "0",
        "certificates-MIN_NUM_FORMS": "1",
        "certificates-MAX_NUM_FORMS": "10",
        "certificates-0-product_name": "Miến dong Hoành Mô",
        "certificates-0-category": str(Category.objects.get(ocop_code="I.3.b").pk),
        "certificates-0-stars": "4",
        "certificates-0-certificate_number": "OCOP-QN-2025-0117",
        "certificates-0-decision_number": "1234/QĐ-UBND",
        "certificates-0-issuer_kind": "province",
        "certificates-0-issuer_name": "UBND tỉnh Quảng Ninh",
        "certificates-0-issued_on": date(2025, 3, 1).isoformat(),
        "certificates-0-scan": pdf_scan(),
        "privacy_consent": "on",
    }
    data.update(overrides)
    return data
