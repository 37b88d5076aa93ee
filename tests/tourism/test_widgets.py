"""Embed pages, the widget script, referrals, commission and the batched counters."""

import gzip
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.utils import timezone
from freezegun import freeze_time

from shop.basket.models import Basket
from shop.tourism.models import (
    BasketReferral,
    OrderReferral,
    PartnerLedgerEntry,
    TourismPartner,
    Widget,
    WidgetDailyStat,
)
from shop.tourism.services import (
    partner_commission_record,
    partner_commission_reverse,
    partner_referral_attach_to_order,
)
from shop.tourism.tasks import flush_widget_counters
from tests.factories import ProductFactory, placed_order
from tests.services import free_port
from tests.tourism.factories import TourismPartnerFactory, WidgetFactory
from vendors.fulfilment import fulfilment_cancel
from vendors.models import Fulfilment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]
WIDGET_JS = Path(__file__).resolve().parents[2] / "static" / "widget" / "v1.js"


@pytest.fixture
def widget(honey):
    return WidgetFactory(product_ids=[honey.pk])


def embed(client, widget, referer="https://khachsan.example/phong/", key=None):
    headers = {"HTTP_REFERER": referer} if referer else {}
    key = key or widget.partner.publishable_key
    return client.get(f"/embed/w/{widget.pk}/", {"key": key, "fid": "ocopw1-abc"}, **headers)


def test_embed_shows_cards_and_may_be_framed_only_by_the_partners_domains(client, widget, honey):
    response = embed(client, widget)

    text = response.content.decode().replace("\xa0", " ")
    assert response.status_code == 200
    assert (
        "frame-ancestors 'self' khachsan.example *.dulich.example;"
        in (response["Content-Security-Policy"])
    )
    assert "X-Frame-Options" not in response
    assert honey.title in text
    assert f'alt="{honey.title}"' in text
    assert "250.000 ₫" in text
    assert honey.vendor.legal_name in text
    assert "Bình Liêu, Quảng Ninh" in text
    assert f"?ref={widget.partner.ref}&amp;w={widget.pk}" in text
    assert 'target="_blank"' in text
    assert '"https://khachsan.example"' in text  # size messages go to the framing page only


def test_the_builders_preview_on_the_shop_itself_shows_the_cards(client, widget, honey):
    response = embed(client, widget, referer="http://testserver/partners/widgets/1/")

    assert honey.title in response.content.decode()


def test_other_pages_still_refuse_frames(client, honey):
    assert client.get(honey.get_absolute_url())["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("case", ["unknown key", "suspended", "other origin", "other widget"])
def test_no_cards_for_a_bad_key_a_suspended_partner_or_another_origin(client, widget, honey, case):
    key, referer = None, "https://khachsan.example/"
    if case == "unknown key":
        key = "pk_doesnotexist123"
    elif case == "suspended":
        TourismPartner.objects.filter(pk=widget.partner_id).update(status="suspended")
    elif case == "other origin":
        referer = "https://evil.example/page"
    else:
        key = TourismPartnerFactory().publishable_key

    response = embed(client, widget, referer=referer, key=key)

    assert response.status_code == 200
    assert honey.title not in response.content.decode()
    assert "frame-ancestors 'none';" in response["Content-Security-Policy"]


def test_widget_script_is_small_and_has_no_dependencies():
    source = WIDGET_JS.read_bytes()

    assert len(gzip.compress(source, compresslevel=9)) < 10 * 1024
    assert b"import " not in source and b"require(" not in source
    assert b"IntersectionObserver" in source


def test_impressions_are_counted_in_the_cache_and_flushed_in_a_batch(
    client, widget, django_assert_max_num_queries
):
    for _ in range(3):
        embed(client, widget)

    assert WidgetDailyStat.objects.count() == 0  # no write per view
    moved = flush_widget_counters()
    again = flush_widget_counters()

    stat = WidgetDailyStat.objects.get(widget=widget)
    assert (moved, again) == (3, 0)
    assert stat.impressions == 3 and stat.day == timezone.localdate()
    embed(client, widget)
    flush_widget_counters()
    stat.refresh_from_db()
    assert stat.impressions == 4


def test_following_the_link_keeps_the_partner_on_the_basket_and_counts_a_click(
    client, widget, honey
):
    response = client.get(honey.get_absolute_url(), {"ref": widget.partner.ref, "w": widget.pk})
    client.get(honey.get_absolute_url())  # later pages write nothing

    assert response.status_code == 200
    referral = BasketReferral.objects.get()
    assert referral.partner == widget.partner and referral.widget == widget
    assert "oscar_open_basket" in response.cookies
    flush_widget_counters()
    assert WidgetDailyStat.objects.get(widget=widget).clicks == 1


def test_the_last_partner_wins(client, widget, honey):
    other = WidgetFactory(product_ids=[honey.pk])

    client.get(honey.get_absolute_url(), {"ref": widget.partner.ref, "w": widget.pk})
    client.get(honey.get_absolute_url(), {"ref": other.partner.ref, "w": other.pk})
    client.get(honey.get_absolute_url(), {"ref": "ffffffff"})  # unknown: changes nothing

    assert BasketReferral.objects.get().partner == other.partner


def _order_from(basket, honey):
    order = placed_order([(honey, 2)])
    partner_referral_attach_to_order(order=order, basket=basket)
    return order


def test_a_referral_older_than_30_days_earns_nothing(widget, honey):
    basket = Basket.objects.create()
    with freeze_time(timezone.now() - timedelta(days=31)):
        BasketReferral.objects.create(
            basket=basket, partner=widget.partner, widget=widget, referred_at=timezone.now()
        )

    _order_from(basket, honey)

    assert not OrderReferral.objects.exists()


def test_a_referral_of_29_days_is_credited_with_the_rate_of_the_day(widget, honey):
    basket = Basket.objects.create()
    with freeze_time(timezone.now() - timedelta(days=29)):
        BasketReferral.objects.create(
            basket=basket, partner=widget.partner, widget=widget, referred_at=timezone.now()
        )

    order = _order_from(basket, honey)
    partner_referral_attach_to_order(order=order, basket=basket)  # twice: still one

    referral = OrderReferral.objects.get()
    assert referral.order == order and referral.widget == widget
    assert referral.goods_total == Decimal("500000")
    assert referral.commission_rate == Decimal("0.0500")


def test_commission_is_recorded_and_reversed_once(widget, honey):
    basket = Basket.objects.create()
    BasketReferral.objects.create(
        basket=basket, partner=widget.partner, widget=widget, referred_at=timezone.now()
    )
    order = _order_from(basket, honey)

    partner_commission_record(order=order)
    partner_commission_record(order=order)
    partner_commission_reverse(order=order)
    partner_commission_reverse(order=order)

    amounts = sorted(PartnerLedgerEntry.objects.values_list("kind", "amount"))
    assert amounts == [("commission", Decimal("25000")), ("reversal", Decimal("-25000"))]
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerLedgerEntry.objects.create(
            partner=widget.partner, order=order, kind="commission", amount=1, rate=0
        )


def test_an_order_without_a_referral_pays_no_commission(honey):
    order = placed_order([(honey, 1)])

    partner_commission_record(order=order)
    partner_commission_reverse(order=order)

    assert not PartnerLedgerEntry.objects.exists()


@pytest.fixture
def cache_down():
    """The cache (Redis in production) unreachable: nothing listens on the port. Restored
    before the autouse fixture clears the cache."""
    unreachable = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
    }
    with override_settings(CACHES={"default": unreachable}):
        yield


def test_with_the_cache_down_cards_and_links_still_work_and_the_flush_waits(
    client, widget, honey, cache_down
):
    shown = embed(client, widget)
    followed = client.get(honey.get_absolute_url(), {"ref": widget.partner.ref, "w": widget.pk})

    assert shown.status_code == 200 and honey.title in shown.content.decode()
    assert followed.status_code == 200
    assert BasketReferral.objects.get().widget == widget  # the referral is in the database
    assert flush_widget_counters() == 0
    assert not WidgetDailyStat.objects.exists()


def test_a_cancelled_parcel_earns_no_commission(widget):
    # Cash on delivery: the order is paid when its remaining parcel arrives; the partner
    # earns on what the buyer paid for, not on the cancelled producer's goods.
    noodles = ProductFactory(stock=(Decimal("85000"), 10))
    honey = ProductFactory(stock=(Decimal("120000"), 10))
    basket = Basket.objects.create()
    BasketReferral.objects.create(
        basket=basket, partner=widget.partner, widget=widget, referred_at=timezone.now()
    )
    order = placed_order([(noodles, 1), (honey, 1)])
    partner_referral_attach_to_order(order=order, basket=basket)
    fulfilment_cancel(
        fulfilment=Fulfilment.objects.get(order=order, vendor=noodles.vendor),
        reason="Hết hàng trong kho",
    )

    partner_commission_record(order=order)

    assert OrderReferral.objects.get().goods_total == Decimal("205000")
    assert PartnerLedgerEntry.objects.get().amount == Decimal("6000")  # 5% of 120.000 ₫


@pytest.mark.parametrize("gone", ["products", "category"])
def test_a_widget_whose_choice_was_deleted_shows_no_cards(client, widget, honey, gone):
    if gone == "products":
        honey.delete()
    else:
        # What SET_NULL leaves when the product group is deleted.
        widget.source, widget.category = "category", None
        widget.save()

    response = embed(client, widget)

    assert response.status_code == 200
    assert 'class="card"' not in response.content.decode()


# Seven characters at most, as the column holds: enough to close the rule and open another.
@pytest.mark.parametrize("accent", ["0;}*{x", "red", "#12345g"])
def test_a_widget_accent_that_is_not_a_colour_is_refused_and_never_reaches_the_stylesheet(
    client, widget, accent
):
    widget.accent = accent
    with pytest.raises(ValidationError):
        widget.full_clean()
    # A row written around the model's check (an import, an old row) still styles safely.
    Widget.objects.filter(pk=widget.pk).update(accent=accent)

    text = embed(client, widget).content.decode()

    assert "--accent: #1f7a4d;" in text
    assert f"--accent: {accent}" not in text
