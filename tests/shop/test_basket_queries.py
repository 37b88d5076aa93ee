"""The basket page and "add to basket" cost the same number of queries whether the basket
holds one line or several lines from several producers."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from catalogue.selectors import storefront_products

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_catalogue")]


def _one_per_producer(count: int) -> list:
    """Products of `count` different producers with stock to spare."""
    chosen, producers = [], set()
    for product in storefront_products().prefetch_related("stockrecords").order_by("id"):
        record = next(iter(product.stockrecords.all()), None)
        if record is None or record.num_in_stock - (record.num_allocated or 0) < 3:
            continue
        if product.vendor_id in producers:
            continue
        producers.add(product.vendor_id)
        chosen.append(product)
        if len(chosen) == count:
            break
    assert len(chosen) == count, "the demo catalogue has fewer producers with stock"
    return chosen


def _queries(client: Client, method: str, url: str, data=None) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data or {})
    return len(queries.captured_queries), response


def _basket_of(lines: list) -> Client:
    client = Client()
    for product in lines:
        response = client.post(f"/basket/add/{product.pk}/", {"quantity": 1})
        assert response.status_code == 302
    return client


def test_basket_page_queries_do_not_grow_with_its_lines():
    products = _one_per_producer(5)
    small, large = _basket_of(products[:1]), _basket_of(products[:4])
    # The first page a process serves fills its caches (site, menu, thumbnails): not counted.
    small.get("/basket/")
    large.get("/basket/")

    small_count, small_page = _queries(small, "get", "/basket/")
    large_count, large_page = _queries(large, "get", "/basket/")

    # Both pages show their lines: the larger one every product's title.
    for product in products[:4]:
        assert product.get_title() in large_page.content.decode()
    assert products[1].get_title() not in small_page.content.decode()
    assert large_count == small_count


def test_add_to_basket_queries_do_not_grow_with_the_basket():
    products = _one_per_producer(5)
    small, large = _basket_of(products[:1]), _basket_of(products[:4])
    extra = products[4]
    small.get("/basket/")
    large.get("/basket/")

    small_count, small_answer = _queries(small, "post", f"/basket/add/{extra.pk}/", {"quantity": 1})
    large_count, large_answer = _queries(large, "post", f"/basket/add/{extra.pk}/", {"quantity": 1})

    assert small_answer.status_code == large_answer.status_code == 302
    assert extra.get_title() in large.get("/basket/").content.decode()
    assert large_count == small_count


def test_a_first_addition_to_a_new_basket_gets_a_site_offer_at_once():
    """The first "add to basket" keeps the line it created instead of reading it back: the
    offers are still applied to it, and the buyer is told at once."""
    from oscar.core.loading import get_model

    Benefit = get_model("offer", "Benefit")
    Condition = get_model("offer", "Condition")
    ConditionalOffer = get_model("offer", "ConditionalOffer")
    Range = get_model("offer", "Range")
    everything = Range.objects.create(name="Mọi sản phẩm dịp Tết", includes_all_products=True)
    ConditionalOffer.objects.create(
        name="Giảm 10% mùa Tết",
        offer_type=ConditionalOffer.SITE,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=10),
    )
    product = _one_per_producer(1)[0]
    client = Client()

    answer = client.post(f"/basket/add/{product.pk}/", {"quantity": 1}, follow=True)

    told = " ".join(str(message) for message in answer.context["messages"])
    assert product.get_title() in told
    assert "Giảm 10% mùa Tết" in told
    page = client.get("/basket/").content.decode()
    assert product.get_title() in page
    assert "Giảm 10% mùa Tết" in page


def test_two_additions_to_a_new_basket_in_one_request_count_both_lines():
    """The line kept by a first addition never hides one added after it."""
    from oscar.core.loading import get_class, get_model

    Basket = get_model("basket", "Basket")
    Selector = get_class("partner.strategy", "Selector")
    first, second = _one_per_producer(2)
    basket = Basket()
    basket.strategy = Selector().strategy()
    basket.keep_added_line = True

    basket.add_product(first, 1)
    basket.add_product(second, 2)

    assert basket.num_lines == 2
    assert basket.num_items == 3
    basket.reset_offer_applications()  # as the view does before applying the offers
    assert {line.product_id for line in basket.all_lines()} == {first.pk, second.pk}
