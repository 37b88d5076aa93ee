"""Links in mails, feeds and sitemaps name the site's address (SITE_URL), never example.com."""

import re

import pytest
from django.contrib.sites.models import Site as DjangoSite
from django.core import mail
from wagtail.models import Site as WagtailSite

from tests.factories import ProductFactory, UserFactory, VendorFactory, placed_order
from vendors.models import Fulfilment
from vendors.tasks import notify_vendor_new_order

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s\"'<>]+")


def _links(message) -> list[str]:
    return LINK.findall(message.body)


@pytest.fixture
def public_address(settings):
    """A production-like address: https, a real host name, no port."""
    from cms.services import site_address_sync

    settings.SITE_URL = "https://cho-ocop.vn"
    settings.OSCAR_URL_SCHEMA = "https"
    settings.WAGTAILADMIN_BASE_URL = settings.SITE_URL
    site_address_sync()
    yield settings.SITE_URL
    settings.SITE_URL = "http://127.0.0.1:8000"
    site_address_sync()


def test_migrate_writes_the_site_address_into_both_site_tables(settings):
    # The test database was built by migrate: its post_migrate receiver already ran.
    assert DjangoSite.objects.get(pk=settings.SITE_ID).domain == "127.0.0.1:8000"
    default = WagtailSite.objects.get(is_default_site=True)
    assert (default.hostname, default.port) == ("127.0.0.1", 8000)
    assert default.root_url == "http://127.0.0.1:8000"


def test_the_site_address_is_written_the_same_however_often_it_runs(public_address):
    from cms.services import site_address_sync

    site_address_sync()
    site_address_sync()

    assert list(DjangoSite.objects.values_list("domain", flat=True)) == ["cho-ocop.vn"]
    default = WagtailSite.objects.get(is_default_site=True)
    assert default.root_url == "https://cho-ocop.vn"


# The embedded default's SITE_URL, which the test settings keep.
DEFAULT = "http://127.0.0.1:8000/"


def test_the_password_reset_mail_links_to_the_default_site_address(client):
    UserFactory(email="lan@example.vn")
    mail.outbox.clear()

    client.post("/password-reset/", {"email": "lan@example.vn"})

    [message] = mail.outbox
    assert "example.com" not in message.body
    assert any(link.startswith(DEFAULT + "password-reset/confirm/") for link in _links(message))


def test_a_producers_new_order_mail_links_to_the_default_site_address():
    vendor = VendorFactory(legal_name="HTX Mật ong Điện Biên")
    order = placed_order([(ProductFactory(vendor=vendor, stock=(250000, 5)), 1)])
    parcel = Fulfilment.objects.get(order=order, vendor=vendor)
    mail.outbox.clear()

    notify_vendor_new_order(parcel.pk)

    [message] = mail.outbox
    assert f"{DEFAULT}dashboard/producer/orders/{parcel.pk}/" in _links(message)


def test_the_password_reset_mail_links_to_the_site_address(client, public_address):
    UserFactory(email="lan@example.vn")
    mail.outbox.clear()

    response = client.post("/password-reset/", {"email": "lan@example.vn"})

    assert response.status_code == 302
    [message] = mail.outbox
    links = _links(message)
    assert any(link.startswith("https://cho-ocop.vn/password-reset/confirm/") for link in links)
    assert "example.com" not in message.body
    assert all(link.startswith("https://cho-ocop.vn/") for link in links), links


def test_a_producers_new_order_mail_links_to_the_site_address(public_address):
    vendor = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
    order = placed_order([(ProductFactory(vendor=vendor, stock=(85000, 10)), 1)])
    parcel = Fulfilment.objects.get(order=order, vendor=vendor)
    mail.outbox.clear()

    assert notify_vendor_new_order(parcel.pk) is True

    [message] = mail.outbox
    assert f"https://cho-ocop.vn/dashboard/producer/orders/{parcel.pk}/" in _links(message)
    assert "example.com" not in message.body


def test_the_story_feed_and_the_sitemap_name_the_site_address(client, public_address):
    feed = client.get("/stories/feed/rss/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()

    assert "<atom:link" in feed and 'href="https://cho-ocop.vn/stories/feed/rss/"' in feed
    assert "<loc>https://cho-ocop.vn/sitemap-pages.xml</loc>" in sitemap
    assert "testserver" not in feed + sitemap


def _meta(page: str, prop: str) -> str:
    return re.search(rf'<meta property="{prop}" content="([^"]+)"', page).group(1)


def test_a_product_pages_shared_links_name_the_site_address_not_the_host_asked(
    client, public_address
):
    product = ProductFactory(title="Mật ong bạc hà Mèo Vạc", stock=(320000, 4))

    page = client.get(product.get_absolute_url(), HTTP_HOST="localhost").content.decode()

    assert _meta(page, "og:url") == f"https://cho-ocop.vn{product.get_absolute_url()}"
    assert f'"url": "https://cho-ocop.vn{product.get_absolute_url()}"' in page
    assert "http://localhost" not in page
