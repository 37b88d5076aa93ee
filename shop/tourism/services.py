"""Writes of the tourism app: accounts, keys, widgets, referrals, commission and the batched
widget counters."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from decimal import Decimal

from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from shop.money import round_dong
from shop.tourism.models import (
    BasketReferral,
    OrderReferral,
    PartnerLedgerEntry,
    TourismPartner,
    Widget,
    WidgetDailyStat,
    publishable_key_new,
)
from vendors.models import Fulfilment

logger = logging.getLogger(__name__)

REFERRAL_DAYS = 30
# Counters live a few days in the cache: the flush runs every few minutes, so only a long
# outage of the beat scheduler loses counts, and then only the oldest.
COUNTER_TIMEOUT = 60 * 60 * 24 * 4
COUNTER_KINDS = ("impressions", "clicks")


def partner_apply(*, user, **fields) -> TourismPartner:
    """A new partner account waiting for staff review, with `user` as its first member."""
    partner = TourismPartner.objects.create(status=TourismPartner.Status.PENDING, **fields)
    partner.members.add(user)
    return partner


def partner_review(*, partner: TourismPartner, status: str, by, commission_rate=None) -> None:
    """Staff decision: approve, suspend or put back to pending; optionally a new rate."""
    partner.status = status
    partner.reviewed_at = timezone.now()
    partner.reviewed_by = by
    fields = ["status", "reviewed_at", "reviewed_by"]
    if commission_rate is not None:
        partner.commission_rate = commission_rate
        fields.append("commission_rate")
    partner.save(update_fields=fields)


def partner_key_rotate(*, partner: TourismPartner) -> str:
    """A new publishable key; snippets with the old one stop showing cards at once."""
    partner.publishable_key = publishable_key_new()
    partner.save(update_fields=["publishable_key"])
    return partner.publishable_key


def partner_domains_set(*, partner: TourismPartner, domains: list[str]) -> None:
    partner.allowed_domains = "\n".join(domains)
    partner.save(update_fields=["allowed_domains"])


def widget_save(*, partner: TourismPartner, widget: Widget | None = None, **fields) -> Widget:
    widget = widget or Widget(partner=partner)
    if widget.partner_id != partner.pk:
        raise ValueError("widget of another partner")
    for name, value in fields.items():
        setattr(widget, name, value)
    widget.save()
    return widget


# Referrals ------------------------------------------------------------------------------


def basket_referral_record(
    *, basket, partner: TourismPartner, widget: Widget | None = None
) -> BasketReferral:
    """The last partner wins: a later link replaces an earlier one on the same basket."""
    if basket.id is None:
        basket.save()
    referral, _ = BasketReferral.objects.update_or_create(
        basket=basket,
        defaults={"partner": partner, "widget": widget, "referred_at": timezone.now()},
    )
    return referral


def partner_referral_attach_to_order(*, order, basket) -> None:
    """Copy the basket's referral (last partner, less than 30 days old, partner approved) to
    the order. Safe to call twice: the order keeps its first referral."""
    if OrderReferral.objects.filter(order=order).exists() or basket is None or not basket.id:
        return
    referral = BasketReferral.objects.filter(basket_id=basket.id).select_related("partner").first()
    if referral is None:
        return
    if referral.referred_at < timezone.now() - timedelta(days=REFERRAL_DAYS):
        return
    if not referral.partner.is_approved:
        return
    OrderReferral.objects.get_or_create(
        order=order,
        defaults={
            "partner": referral.partner,
            "widget_id": referral.widget_id,
            "referred_at": referral.referred_at,
            "commission_rate": referral.partner.commission_rate,
            "goods_total": round_dong(order.basket_total_incl_tax),
        },
    )


def _goods_not_cancelled(*, order, referral: OrderReferral) -> Decimal:
    """The goods of the order's parcels that were not cancelled: cash on delivery is paid
    once the last remaining parcel arrives, and a cancelled producer's goods were never paid
    for. Never more than the goods total at placement; an order without parcels keeps it."""
    parcels = Fulfilment.objects.filter(order=order)
    if not parcels.exists():
        return referral.goods_total
    live = parcels.exclude(status=Fulfilment.Status.CANCELLED).values("vendor__partner_id")
    goods = order.lines.filter(partner_id__in=live).aggregate(total=Sum("line_price_incl_tax"))
    return min(referral.goods_total, round_dong(goods["total"] or 0))


def partner_commission_record(*, order) -> None:
    """The partner's commission enters its ledger once the order is paid, on the goods of
    the parcels not cancelled by then. Idempotent: the (order, kind) constraint keeps a
    second call (webhook and browser racing) from paying twice."""
    referral = OrderReferral.objects.filter(order=order).first()
    if referral is None:
        return
    goods = _goods_not_cancelled(order=order, referral=referral)
    amount = round_dong(goods * referral.commission_rate)
    with transaction.atomic():
        PartnerLedgerEntry.objects.get_or_create(
            order=order,
            kind=PartnerLedgerEntry.Kind.COMMISSION,
            defaults={
                "partner_id": referral.partner_id,
                "widget_id": referral.widget_id,
                "amount": amount,
                "rate": referral.commission_rate,
            },
        )


def partner_commission_reverse(*, order) -> None:
    """On refund or cancellation: one reversal of the commission, if one was recorded."""
    commission = PartnerLedgerEntry.objects.filter(
        order=order, kind=PartnerLedgerEntry.Kind.COMMISSION
    ).first()
    if commission is None:
        return
    with transaction.atomic():
        PartnerLedgerEntry.objects.get_or_create(
            order=order,
            kind=PartnerLedgerEntry.Kind.REVERSAL,
            defaults={
                "partner_id": commission.partner_id,
                "widget_id": commission.widget_id,
                "amount": -commission.amount,
                "rate": commission.rate,
            },
        )


# Batched counters -------------------------------------------------------------------------


def _counter_key(kind: str, widget_id: int, day: date) -> str:
    return f"partners:{kind}:{widget_id}:{day:%Y%m%d}"


def widget_event_count(*, widget_id: int, kind: str) -> None:
    """One impression or click, counted in the cache only: no database write per view. With
    the cache down the event is lost, not the page that shows the cards or the product."""
    key = _counter_key(kind, widget_id, timezone.localdate())
    try:
        cache.add(key, 0, COUNTER_TIMEOUT)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, COUNTER_TIMEOUT)
    except Exception:  # noqa: BLE001 - any backend's connection error
        logger.warning("Widget %s: %s not counted, the cache is unreachable", widget_id, kind)


def widget_counters_flush(*, days: list[date] | None = None) -> int:
    """Move the cached counters to WidgetDailyStat; returns the number of events moved.

    Each counter is read, then decremented by what was read, so views counted meanwhile stay
    for the next flush. A lock keeps two flushes from moving the same counts.
    """
    try:
        if not cache.add("partners:flush-lock", 1, 300):
            return 0
    except Exception:  # noqa: BLE001 - any backend's connection error
        # The counters live in the cache: nothing to move until it is back. The next run
        # (every few minutes) moves what survived.
        logger.warning("Widget counters not flushed: the cache is unreachable")
        return 0
    try:
        today = timezone.localdate()
        days = days or [today - timedelta(days=2), today - timedelta(days=1), today]
        widget_ids = list(Widget.objects.values_list("id", flat=True))
        moved = 0
        for day in days:
            keys = {
                _counter_key(kind, wid, day): (kind, wid)
                for wid in widget_ids
                for kind in COUNTER_KINDS
            }
            for key, value in cache.get_many(list(keys)).items():
                count = int(value or 0)
                if count <= 0:
                    continue
                cache.decr(key, count)
                kind, widget_id = keys[key]
                with transaction.atomic():
                    stat, _ = WidgetDailyStat.objects.get_or_create(widget_id=widget_id, day=day)
                    WidgetDailyStat.objects.filter(pk=stat.pk).update(**{kind: F(kind) + count})
                moved += count
        return moved
    finally:
        cache.delete("partners:flush-lock")
