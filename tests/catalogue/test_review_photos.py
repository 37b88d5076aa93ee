"""Photos with a review: up to three, checked like product photos (type, size, pixels, whole
decode), stored re-encoded without their metadata, shown with the review once approved; a bad
photo is named in the form and nothing is saved."""

import re
import struct
import zlib
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory
from PIL import Image

from tests.factories import ProductFactory, placed_order
from vendors.fulfilment import fulfilment_mark_delivered, fulfilment_mark_shipped

ProductReview = get_model("reviews", "ProductReview")
ProductReviewPhoto = get_model("reviews", "ProductReviewPhoto")

pytestmark = pytest.mark.django_db

REVIEW = {"title": "Miến dai, không nát", "score": "5", "body": "Nấu lẩu rất ngon."}
CAMERA_MAKER = 0x010F


def _photo(name: str = "IMG_2041.jpg", *, size=(640, 480), exif: bool = True):
    image = Image.new("RGB", size, (200, 160, 90))
    out = BytesIO()
    extra = {}
    if exif:
        data = Image.Exif()
        data[CAMERA_MAKER] = "Phone of Trần Thị Lan"
        extra["exif"] = data.tobytes()
    image.save(out, format="JPEG", **extra)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge picture (a decompression bomb's shape)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _gif() -> bytes:
    out = BytesIO()
    Image.new("P", (300, 300)).save(out, format="GIF")
    return out.getvalue()


@pytest.fixture
def noodles():
    return ProductFactory(title="Miến dong Bình Liêu")


@pytest.fixture
def buyer(noodles, english):
    person = UserFactory(first_name="Lan", last_name="Trần")
    parcel = placed_order([(noodles, 1)], user=person, email=person.email).fulfilments.get()
    fulfilment_mark_delivered(
        fulfilment=fulfilment_mark_shipped(
            fulfilment=parcel, carrier="ghn", tracking_code="GHN123456"
        )
    )
    english.force_login(person)
    return person


def _add_url(product) -> str:
    return f"{product.get_absolute_url()}reviews/add/"


def test_a_buyer_sends_photos_that_are_stored_without_metadata_and_shown_once_approved(
    english, noodles, buyer
):
    form = english.get(_add_url(noodles)).content.decode()
    assert 'enctype="multipart/form-data"' in form
    assert 'name="photos"' in form and "multiple" in form

    response = english.post(
        _add_url(noodles), {**REVIEW, "photos": [_photo(), _photo("IMG_2042.png")]}
    )

    assert response.status_code == 302
    review = ProductReview.objects.get()
    photos = list(review.photos.all())
    assert len(photos) == 2
    for photo in photos:
        # A name of ours, not the phone's; the metadata (camera, owner, place) is gone.
        assert "IMG_" not in photo.image.name
        with default_storage.open(photo.image.name) as stored, Image.open(stored) as image:
            assert image.format == "JPEG"
            assert CAMERA_MAKER not in image.getexif()
    held = english.get(noodles.get_absolute_url()).content.decode()
    assert photos[0].image.url not in held

    review.status = ProductReview.APPROVED
    review.save()
    english.logout()
    english.cookies["django_language"] = "en"
    page = english.get(noodles.get_absolute_url()).content.decode()

    gallery = re.search(r'<ul class="review-photos[^"]*">(.*?)</ul>', page, re.S).group(1)
    assert gallery.count("<img") == 2
    assert photos[0].image.url in gallery
    assert 'alt="Buyer\'s photo 1"' in gallery


@pytest.mark.parametrize(
    "upload, message",
    [
        (
            SimpleUploadedFile("hong.jpg", b"\xff\xd8\xff\xe0 not a photo", "image/jpeg"),
            "hong.jpg: This file is not a photo we can read, or it is damaged.",
        ),
        (
            SimpleUploadedFile("to.jpg", b"\xff\xd8" + b"0" * (10 * 1024 * 1024 + 1), "image/jpeg"),
            "to.jpg: The photo is 10.0 MB; the limit is 10 MB.",
        ),
        (
            SimpleUploadedFile("bom.png", _png_claiming(30_000, 30_000), "image/png"),
            "bom.png: This file is not a photo we can read, or it is damaged.",
        ),
        (
            SimpleUploadedFile("lon.png", _png_claiming(8_000, 6_000), "image/png"),
            "lon.png: The photo has 48 megapixels; at most 40 are accepted.",
        ),
        (
            SimpleUploadedFile("anh.gif", _gif(), "image/gif"),
            "anh.gif: Send the photo as JPEG, PNG or WebP.",
        ),
    ],
    ids=["broken", "over 10 MB", "decompression bomb", "too many pixels", "gif"],
)
def test_a_bad_photo_is_named_in_the_form_and_nothing_is_saved(
    english, noodles, buyer, upload, message
):
    response = english.post(_add_url(noodles), {**REVIEW, "photos": [_photo(), upload]})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProductReview.objects.exists()
    assert not ProductReviewPhoto.objects.exists()


def test_four_photos_are_refused(english, noodles, buyer):
    photos = [_photo(f"IMG_{n}.jpg") for n in range(4)]

    response = english.post(_add_url(noodles), {**REVIEW, "photos": photos})

    assert "Send at most 3 photos; you chose 4." in response.content.decode()
    assert not ProductReview.objects.exists()


def test_a_held_review_cannot_be_read_or_voted_on_by_its_address(english, noodles, buyer):
    english.post(_add_url(noodles), REVIEW)
    review = ProductReview.objects.get()
    address = f"{noodles.get_absolute_url()}reviews/{review.pk}/"
    english.force_login(UserFactory())

    assert english.get(address).status_code == 404
    assert english.post(f"{address}vote/", {"delta": "1"}).status_code == 404

    review.status = ProductReview.APPROVED
    review.save()
    assert REVIEW["title"] in english.get(address).content.decode()
    other = ProductFactory(title="Mật ong hoa Ban")
    assert english.get(f"{other.get_absolute_url()}reviews/{review.pk}/").status_code == 404
