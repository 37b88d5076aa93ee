"""Places: the 34 provincial units and their communes of the July 2025 map."""

import pytest

from catalogue.models import Commune, Province
from catalogue.services import places_sync

pytestmark = pytest.mark.django_db


def test_there_are_34_provincial_units_six_of_them_cities():
    assert Province.objects.count() == 34
    assert Province.objects.filter(is_city=True).count() == 6


def test_communes_number_about_3321_with_official_codes():
    assert Commune.objects.count() == 3321
    binh_lieu = Commune.objects.get(code="06838")
    assert binh_lieu.short_name == "Bình Liêu"
    assert binh_lieu.province.short_name == "Quảng Ninh"
    assert binh_lieu.province.code == "22"


def test_quang_ninh_and_dien_bien_were_not_merged():
    assert Province.objects.filter(short_name__in=["Quảng Ninh", "Điện Biên"]).count() == 2


def test_loading_places_again_changes_nothing():
    before = list(Commune.objects.order_by("code").values_list("code", "name", "province_id"))

    places_sync()

    after = list(Commune.objects.order_by("code").values_list("code", "name", "province_id"))
    assert after == before
    assert Province.objects.count() == 34
