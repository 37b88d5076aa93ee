"""OCOP groups as catalogue categories (Decision 148/QĐ-TTg)."""

import pytest
from django.utils import translation

from catalogue.models import Category
from catalogue.ocop_groups import count_product_sets
from catalogue.services import ocop_categories_sync

pytestmark = pytest.mark.django_db


def test_six_ocop_groups_are_the_top_categories():
    roots = [c.ocop_code for c in Category.get_root_nodes()]

    assert roots == ["I", "II", "III", "IV", "V", "VI"]


def test_the_classification_has_26_product_sets():
    leaves = [c for c in Category.objects.all() if c.is_leaf()]

    assert count_product_sets() == 26
    assert len(leaves) == 26


def test_arrowroot_noodles_sit_under_processed_food_from_cereals():
    noodles = Category.objects.get(ocop_code="I.3.b")

    assert [a.ocop_code for a in noodles.get_ancestors()] == ["I", "I.3"]
    assert noodles.slug.isascii()


def test_category_names_follow_the_reader_language():
    honey = Category.objects.get(ocop_code="I.2.b")

    with translation.override("vi"):
        assert honey.display_name.startswith("Mật ong")
    with translation.override("en"):
        assert honey.display_name.startswith("Honey")


def test_loading_categories_again_creates_no_duplicates():
    before = Category.objects.count()

    ocop_categories_sync()

    assert Category.objects.count() == before == 38
