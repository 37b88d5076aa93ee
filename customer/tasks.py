"""Mails of the sign-up: the confirmation link of a new account, the notice to the holder of
an address someone signed up with."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_encode
from oscar.apps.customer.utils import get_password_reset_url

from customer.tokens import signup_token
from shop.mail.services import mail_send

KINDS = ("confirm", "account_exists")


@shared_task(name="customer.account_signup_mail", ignore_result=True)
def account_signup_mail(user_id: int, kind: str, *, next_url: str = "", language: str = "") -> bool:
    """Safe to run twice: a second confirmation link works like the first."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or kind not in KINDS or not user.email:
        return False
    site = settings.SITE_URL
    context = {
        "shop_name": settings.OSCAR_SHOP_NAME,
        "login_url": site + reverse("customer:login"),
        # An account never confirmed is confirmed by choosing its password with this link.
        "reset_url": site + get_password_reset_url(user),
        "contact_email": settings.OCOP_CONTACT_EMAIL,
        "active": user.is_active,
    }
    if kind == "confirm":
        path = reverse(
            "customer:signup-confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": signup_token.make_token(user),
            },
        )
        query = f"?{urlencode({'next': next_url})}" if next_url else ""
        context["confirm_url"] = site + path + query
    # No once key: a second run sends a second link, which works like the first.
    return mail_send(
        template=f"customer/emails/{kind}", context=context, to=[user.email], language=language
    )


@shared_task(name="customer.product_alerts_send", ignore_result=True)
def product_alerts_send(product_id: int) -> int:
    """Queued by a restock; safe to run twice (each alert is mailed once)."""
    from customer.alert_services import product_alerts_send as send

    return send(product_id=product_id)


@shared_task(name="customer.season_alerts_send", ignore_result=True)
def season_alerts_send() -> int:
    """Daily (beat): mails the "season opens" alerts of products whose season opened; safe
    to run twice (each alert is mailed once)."""
    from customer.alert_services import season_alerts_send as send

    return send()
