"""The indexed word table behind text searches, and price sorts that agree on every database."""

from decimal import Decimal

import pytest

from search.models import ProductIndexWord
from search.query import SearchQuery
from search.service import search_products
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


def found(**params) -> list[str]:
    return [hit.title for hit in search_products(query=SearchQuery(**params)).hits]


def test_a_renamed_product_is_found_by_its_new_words_only(django_capture_on_commit_callbacks):
    product = ProductFactory(title="Chè Shan tuyết Suối Giàng")

    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Trà hoa vàng Ba Chẽ"
        product.save()

    assert found(q="tra hoa vang") == ["Trà hoa vàng Ba Chẽ"]
    assert found(q="shan tuyet") == []
    words = set(ProductIndexWord.objects.filter(entry_id=product.pk).values_list("word", flat=True))
    assert {"tra", "hoa", "vang", "ba", "che"} <= words
    assert "shan" not in words


def test_typed_words_match_word_starts_in_any_order():
    ProductFactory(title="Mật ong hoa Ban Điện Biên")
    ProductFactory(title="Nước khoáng Kim Bôi")

    assert found(q="ban me") == []
    assert found(q="bi ong") == ["Mật ong hoa Ban Điện Biên"]
    assert found(q="ong") == ["Mật ong hoa Ban Điện Biên"]  # not "khoáng"


def test_deleting_a_product_removes_its_words(django_capture_on_commit_callbacks):
    product = ProductFactory(title="Rượu men lá Bắc Sơn")
    pk = product.pk

    with django_capture_on_commit_callbacks(execute=True):
        product.delete()

    assert not ProductIndexWord.objects.filter(entry_id=pk).exists()
    assert found(q="ruou men la") == []


@pytest.mark.parametrize("text", ["", "gao"])
@pytest.mark.parametrize("sort", ["price", "-price"])
def test_products_without_a_price_come_last_in_both_price_sorts(
    sort, text, django_capture_on_commit_callbacks
):
    for title, price in (("Gạo nếp 1", "90000"), ("Gạo nếp 2", "50000"), ("Gạo nếp 3", "70000")):
        ProductFactory(title=title, stock=(Decimal(price), 5))
    unpriced = ProductFactory(title="Gạo nếp chưa có giá")
    record = unpriced.stockrecords.get()
    record.price = None
    with django_capture_on_commit_callbacks(execute=True):
        record.save()

    hits = search_products(query=SearchQuery(q=text, sort=sort), facets=False).hits

    prices = [hit.price for hit in hits]
    expected = [50000, 70000, 90000] if sort == "price" else [90000, 70000, 50000]
    assert prices == [*expected, None]
