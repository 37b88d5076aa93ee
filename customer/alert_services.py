"""Product alerts: "tell me when it is back" (mailed once the product can be bought again)
and "tell me when the season opens" (mailed by a daily task once its harvest season opens)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from catalogue.seasons import product_season_state
from catalogue.selectors import product_is_on_sale
from shop.mail.services import mail_send

logger = logging.getLogger(__name__)

ProductAlert = get_model("customer", "ProductAlert")
Product = get_model("catalogue", "Product")


def _alert_mail_once(
    *,
    alert_id: int,
    product: Product,
    template: str,
    once_key: str,
    ready: Callable[[ProductAlert], bool] | None = None,
) -> bool:
    """Mail one alert and close it, if it is still active and `ready` (asked once the alert
    is locked) agrees; returns whether a mail went out. The lock keeps two workers from
    mailing the same alert; the once key keeps a run repeated after a crash from mailing it
    twice."""
    with transaction.atomic():
        alert = (
            ProductAlert.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=alert_id, status=ProductAlert.ACTIVE)
            .first()
        )
        if alert is None or (ready is not None and not ready(alert)):
            return False
        address = alert.get_email_address()
        sent = bool(address) and mail_send(
            template=template,
            context={
                "shop_name": settings.OSCAR_SHOP_NAME,
                "product_title": product.get_title(),
                "product_url": settings.SITE_URL + product.get_absolute_url(),
                "alerts_url": settings.SITE_URL + reverse("customer:alerts-list"),
                "signed_in": alert.user_id is not None,
            },
            to=[address],
            once_key=once_key,
            language=alert.language,
        )
        alert.close()
    return sent


def product_alert_once_key(*, alert_id: int) -> str:
    return f"product-alert:{alert_id}"


def product_alerts_send(*, product_id: int) -> int:
    """Mail each active alert of the product (or of its parent) whose buyer can now buy it,
    and close it; returns how many mails went out. Safe to run twice: each alert's mail has
    its own once key, and a closed alert is not read again."""
    product = Product.objects.filter(pk=product_id).first()
    if product is None:
        return 0
    Selector = get_class("partner.strategy", "Selector")
    ids = ProductAlert.objects.filter(
        product_id__in=[product.pk, product.parent_id or product.pk],
        status=ProductAlert.ACTIVE,
        kind=ProductAlert.STOCK,
    ).values_list("pk", flat=True)

    def can_buy(alert) -> bool:
        info = Selector().strategy(user=alert.user).fetch_for_product(product)
        return info.availability.is_available_to_buy

    sent = 0
    for alert_id in list(ids):
        sent += _alert_mail_once(
            alert_id=alert_id,
            product=product,
            template="customer/emails/product_alert",
            once_key=product_alert_once_key(alert_id=alert_id),
            ready=can_buy,
        )
    logger.info("Product %s back in stock: %d alert mails", product_id, sent)
    return sent


def season_alert_once_key(*, alert_id: int) -> str:
    return f"season-alert:{alert_id}"


def season_alerts_send(*, today: date | None = None) -> int:
    """Mail each active "season opens" alert whose product is in season today and on sale,
    and close it; returns how many mails went out. Run daily; safe to run twice (the once
    key, and a closed alert is not read again). An alert whose product is still out of
    season, hidden or from a suspended producer waits for a later day."""
    day = today or timezone.localdate()
    waiting = list(
        ProductAlert.objects.filter(
            kind=ProductAlert.SEASON, status=ProductAlert.ACTIVE
        ).values_list("pk", "product_id")
    )
    products = Product.objects.select_related(
        "season", "parent__season", "vendor", "parent__vendor"
    ).in_bulk({product_id for _pk, product_id in waiting})
    sent = 0
    for alert_id, product_id in waiting:
        product = products.get(product_id)
        if product is None:
            continue
        state = product_season_state(product=product, day=day)
        listed = product.parent if product.is_child else product
        if state is None or not state.in_season or not product_is_on_sale(product=listed):
            continue
        sent += _alert_mail_once(
            alert_id=alert_id,
            product=product,
            template="customer/emails/season_alert",
            once_key=season_alert_once_key(alert_id=alert_id),
        )
    logger.info("Seasons open on %s: %d alert mails", day.isoformat(), sent)
    return sent
