"""Oscar's checkout app, forked: its views come from shop.checkout.views (Oscar finds those
named as its own), and its URLs gain the card pages and Stripe's webhook under /checkout/."""

from django.urls import path
from oscar.apps.checkout import apps
from oscar.core.loading import get_class


class CheckoutConfig(apps.CheckoutConfig):
    name = "shop.checkout"

    # pylint: disable=attribute-defined-outside-init
    def ready(self):
        super().ready()
        self.card_payment_view = get_class("checkout.views", "CardPaymentView")
        self.card_pay_view = get_class("checkout.views", "CardPayView")
        # Not a checkout step: the webhook stays with payments, at the address Stripe knows.
        from shop.payments.webhook import stripe_webhook

        self.stripe_webhook_view = stripe_webhook

    def get_urls(self):
        urls = [
            path("card/", self.card_payment_view.as_view(), name="card"),
            path("card/pay/", self.card_pay_view.as_view(), name="card-pay"),
            path("stripe/webhook/", self.stripe_webhook_view, name="stripe-webhook"),
        ]
        return super().get_urls() + self.post_process_urls(urls)

    def get_url_decorator(self, pattern):
        # Stripe signs its calls and never signs in, whatever the checkout asks of buyers.
        if pattern.name == "stripe-webhook":
            return None
        return super().get_url_decorator(pattern)
