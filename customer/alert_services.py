"""Stock alerts ("tell me when it is back"): mailing the alerts of a product once it can be
bought again."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from shop.mail.services import mail_send

logger = logging.getLogger(__name__)

ProductAlert = get_model("customer", "ProductAlert")
Product = get_model("catalogue", "Product")


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
    ).values_list("pk", flat=True)
    sent = 0
    for alert_id in list(ids):
        with transaction.atomic():
            alert = (
                ProductAlert.objects.select_for_update(of=("self",))
                .select_related("user")
                .filter(pk=alert_id, status=ProductAlert.ACTIVE)
                .first()
            )
            if alert is None:
                continue
            info = Selector().strategy(user=alert.user).fetch_for_product(product)
            if not info.availability.is_available_to_buy:
                continue
            address = alert.get_email_address()
            if address and mail_send(
                template="customer/emails/product_alert",
                context={
                    "shop_name": settings.OSCAR_SHOP_NAME,
                    "product_title": product.get_title(),
                    "product_url": settings.SITE_URL + product.get_absolute_url(),
                    "alerts_url": settings.SITE_URL + reverse("customer:alerts-list"),
                    "signed_in": alert.user_id is not None,
                },
                to=[address],
                once_key=product_alert_once_key(alert_id=alert.pk),
                language=alert.language,
            ):
                sent += 1
            alert.close()
    logger.info("Product %s back in stock: %d alert mails", product_id, sent)
    return sent
