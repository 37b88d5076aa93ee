"""A signed-in buyer reaches the wish list from the header and keeps there products of any
producer."""

import re

import pytest
from oscar.test.factories import UserFactory

from tests.factories import ProductFactory, VendorFactory

pytestmark = pytest.mark.django_db


def test_products_of_two_producers_on_one_wish_list(vietnamese):
    client = vietnamese
    honey = ProductFactory(vendor=VendorFactory(), title="Mật ong hoa rừng")
    noodles = ProductFactory(vendor=VendorFactory(), title="Miến dong Bình Liêu")
    client.force_login(UserFactory())

    home = client.get(honey.get_absolute_url()).content.decode()
    assert 'id="wishlists_link"' in home and "Danh sách yêu thích" in home
    for product in (honey, noodles):
        assert client.post(f"/accounts/wishlists/add/{product.pk}/").status_code == 302

    lists = client.get("/accounts/wishlists/")
    assert lists.status_code == 200
    # The one list the adds made, opened from the list of lists.
    links = re.findall(r'href="(/accounts/wishlists/[A-Za-z0-9]+/)"', lists.content.decode())
    [detail_path] = set(links) - {"/accounts/wishlists/create/"}
    page = client.get(detail_path).content.decode()
    assert "Mật ong hoa rừng" in page
    assert "Miến dong Bình Liêu" in page


def test_guests_see_no_wish_list_link(client):
    product = ProductFactory(vendor=VendorFactory())
    assert 'id="wishlists_link"' not in client.get(product.get_absolute_url()).content.decode()
