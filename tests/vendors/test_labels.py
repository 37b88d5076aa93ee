"""Producers' batch pages and QR labels: their own products only, PNG and PDF that work."""

import re
from datetime import date
from io import BytesIO

import pytest
import segno
from PIL import Image

from catalogue.labels import LABELS_PER_PAGE
from catalogue.models import Batch, TraceCode
from tests.factories import BatchFactory, ProductFactory, UserFactory, VendorFactory, vendor_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def own():
    """A producer with one product and one batch, and a member signed in as `client`."""
    vendor = VendorFactory()
    product = ProductFactory(vendor=vendor, title="Mật ong hoa Ban")
    batch = BatchFactory(product=product, number="HB-01")
    return vendor, product, batch


@pytest.fixture
def member(client, own):
    client.force_login(vendor_user(own[0]))
    return client


def _matrix_from_png(data: bytes, *, scale: int, border: int) -> list[list[bool]]:
    image = Image.open(BytesIO(data)).convert("L")
    size = image.width // scale - 2 * border
    return [
        [
            image.getpixel(((border + x) * scale + scale // 2, (border + y) * scale + scale // 2))
            < 128
            for x in range(size)
        ]
        for y in range(size)
    ]


def test_product_qr_png_encodes_the_absolute_trace_url(member, own):
    _, product, _ = own
    code = TraceCode.objects.get(product=product).code

    response = member.get(f"/dashboard/producer/labels/product/{product.pk}.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    data = response.content
    assert data.startswith(b"\x89PNG")
    image = Image.open(BytesIO(data))
    assert 200 <= image.width == image.height <= 2000
    url = f"http://127.0.0.1:8000/trace/{code}/"
    expected = [[bool(v) for v in row] for row in segno.make(url, error="m", micro=False).matrix]
    assert _matrix_from_png(data, scale=10, border=4) == expected


def test_batch_qr_png_encodes_the_batch_code(member, own):
    _, _, batch = own
    code = TraceCode.objects.get(batch=batch).code

    data = member.get(f"/dashboard/producer/labels/batch/{batch.pk}.png").content

    url = f"http://127.0.0.1:8000/trace/{code}/"
    expected = [[bool(v) for v in row] for row in segno.make(url, error="m", micro=False).matrix]
    assert _matrix_from_png(data, scale=10, border=4) == expected


def _page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_label_sheet_of_products_is_an_a4_pdf_with_enough_pages(member, own):
    vendor = own[0]
    for n in range(LABELS_PER_PAGE):  # 19 products: two pages
        ProductFactory(vendor=vendor, title=f"Chè Shan tuyết {n}")

    response = member.get("/dashboard/producer/labels/products.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert _page_count(response.content) == 2
    assert b"/MediaBox [ 0 0 595" in response.content  # A4 width in points


def test_label_sheet_of_a_products_batches(member, own):
    _, product, _ = own
    BatchFactory(product=product, number="HB-02")

    response = member.get(f"/dashboard/producer/labels/product/{product.pk}/batches.pdf")

    assert response.content.startswith(b"%PDF")
    assert _page_count(response.content) == 1


def test_labels_page_lists_my_products_with_codes(member, own):
    _, product, batch = own
    ProductFactory(title="Sản phẩm nhà khác")

    page = member.get("/dashboard/producer/labels/").content.decode()

    assert "Mật ong hoa Ban" in page and TraceCode.objects.get(product=product).code in page
    assert "HB-01" in page
    assert "Sản phẩm nhà khác" not in page


def test_member_records_edits_and_deletes_a_batch(member, own):
    _, product, _ = own

    response = member.post(
        "/dashboard/producer/batches/add/",
        {
            "product": product.pk,
            "number": "HB-03",
            "produced_on": "2026-03-01",
            "expires_on": "2028-03-01",
            "quantity": "150",
        },
    )
    assert response.status_code == 302
    batch = Batch.objects.get(number="HB-03")
    assert TraceCode.objects.filter(batch=batch).exists()
    assert "HB-03" in member.get("/dashboard/producer/batches/").content.decode()

    response = member.post(
        f"/dashboard/producer/batches/{batch.pk}/",
        {"product": product.pk, "number": "HB-03b", "produced_on": "2026-03-02"},
    )
    assert response.status_code == 302
    batch.refresh_from_db()
    assert (batch.number, batch.produced_on, batch.expires_on) == ("HB-03b", date(2026, 3, 2), None)

    assert member.post(f"/dashboard/producer/batches/{batch.pk}/delete/").status_code == 302
    assert not Batch.objects.filter(pk=batch.pk).exists()


def test_bad_batch_input_gets_a_message_and_writes_nothing(member, own):
    _, product, _ = own
    before = Batch.objects.count()

    response = member.post(
        "/dashboard/producer/batches/add/",
        {
            "product": product.pk,
            "number": "HB-9",
            "produced_on": "2026-05-01",
            "expires_on": "2026-04-01",
        },
    )
    duplicate = member.post(
        "/dashboard/producer/batches/add/",
        {"product": product.pk, "number": "HB-01", "produced_on": "2026-05-01"},
    )

    assert response.status_code == 200
    assert "Hạn sử dụng phải sau ngày sản xuất." in response.content.decode()
    assert duplicate.status_code == 200
    assert Batch.objects.count() == before


def test_another_producers_batches_and_labels_answer_404(member, own):
    other_product = ProductFactory(title="Dầu sở nhà khác")
    other_batch = BatchFactory(product=other_product, number="X-1")
    before = (Batch.objects.count(), other_batch.number)

    urls = [
        f"/dashboard/producer/batches/{other_batch.pk}/",
        f"/dashboard/producer/batches/{other_batch.pk}/delete/",
        f"/dashboard/producer/labels/batch/{other_batch.pk}.png",
        f"/dashboard/producer/labels/product/{other_product.pk}.png",
        f"/dashboard/producer/labels/product/{other_product.pk}/batches.pdf",
        f"/dashboard/producer/batches/?product={other_product.pk}",
    ]
    for url in urls:
        assert member.get(url).status_code == 404, url
    assert member.post(f"/dashboard/producer/batches/{other_batch.pk}/delete/").status_code == 404
    assert (
        member.post(
            f"/dashboard/producer/batches/{other_batch.pk}/",
            {"product": other_product.pk, "number": "MINE", "produced_on": "2026-01-01"},
        ).status_code
        == 404
    )
    forged = member.post(
        "/dashboard/producer/batches/add/",
        {"product": other_product.pk, "number": "FORGED", "produced_on": "2026-01-01"},
    )
    assert forged.status_code == 200
    other_batch.refresh_from_db()
    assert (Batch.objects.count(), other_batch.number) == before


def test_batch_and_label_pages_are_for_producers_only(client, own):
    assert client.get("/dashboard/producer/batches/").status_code == 302  # to log in
    client.force_login(UserFactory())
    assert client.get("/dashboard/producer/batches/").status_code == 403
    assert client.get("/dashboard/producer/labels/products.pdf").status_code == 403
