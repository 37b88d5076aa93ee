"""The payment steps of the checkout: choosing a method, placing a cash-on-delivery or
bank-transfer order, paying by card with Stripe.js, the confirmation and Stripe's webhook."""

import logging
from functools import wraps

from csp.constants import SELF
from csp.decorators import csp_update
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.core.loading import get_class

from shop.csp import origin_of
from shop.orders.statuses import PaymentMethod, status_at_placement
from shop.payments import gateway as stripe_gateway
from shop.payments import services
from shop.payments.forms import PaymentMethodForm
from shop.payments.models import PaymentAttempt
from shop.payments.selectors import order_payment_summary

logger = logging.getLogger(__name__)

OscarPaymentMethodView = get_class("checkout.views", "PaymentMethodView")
OscarPaymentDetailsView = get_class("checkout.views", "PaymentDetailsView")
OscarThankYouView = get_class("checkout.views", "ThankYouView")
CheckoutSessionData = get_class("checkout.utils", "CheckoutSessionData")

SESSION_ATTEMPT = "payments_attempt_id"

# Real Stripe.js calls its API and shows 3-D Secure in frames from these hosts; a fake
# (localstripe) serves everything from the origin of STRIPE_JS_URL.
STRIPE_HOSTED_SOURCES = {
    "https://js.stripe.com": {
        "connect-src": ["https://api.stripe.com"],
        "frame-src": ["https://hooks.stripe.com"],
        "img-src": ["https://*.stripe.com"],
    }
}


def stripe_csp_sources() -> dict[str, list[str]]:
    """What the card page adds to the site's policy, from the Stripe.js address in settings."""
    origin = origin_of(settings.STRIPE_JS_URL)
    if not origin:
        return {}
    # connect-src and frame-src are new directives on the page: they keep our own origin,
    # which default-src gave them (the card page posts to /checkout/card/pay/).
    sources = {
        "script-src": [origin],
        "connect-src": [SELF, origin],
        "frame-src": [SELF, origin],
    }
    for directive, extra in STRIPE_HOSTED_SOURCES.get(origin, {}).items():
        sources.setdefault(directive, []).extend(extra)
    return sources


def stripe_page(view):
    """Lets a card page load Stripe.js and its frames, read from settings on each request so
    tests pointing STRIPE_JS_URL at localstripe get the same rule as production."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return csp_update(stripe_csp_sources())(view)(request, *args, **kwargs)

    return wrapped


def checkout_data(*, view, basket, shipping_address, billing_address) -> dict:
    """What order placement needs from the checkout session, as JSON, so a card payment's
    order can be placed later without the session (by the webhook)."""

    def fields(address):
        if address is None:
            return None
        data = {}
        for field in address._meta.concrete_fields:
            if field.primary_key or field.name in ("search_text",):
                continue
            value = getattr(address, field.attname)
            data[field.attname] = value if value is None else str(value)
        return data

    return {
        "guest_email": view.checkout_session.get_guest_email() or "",
        "shipping_address": fields(shipping_address),
        "billing_address": fields(billing_address),
    }


class PaymentMethodView(OscarPaymentMethodView):
    template_name = "payments/payment_method.html"
    # Every order chooses how it is paid, even a free one.
    skip_conditions = []

    def get(self, request, *args, **kwargs):
        form = PaymentMethodForm(initial={"method": self.checkout_session.payment_method()})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = PaymentMethodForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        self.checkout_session.pay_by(form.cleaned_data["method"])
        return redirect("checkout:preview")


class PaymentDetailsView(OscarPaymentDetailsView):
    """Oscar's preview and "Place order": cash on delivery and bank transfer place the order
    here; a card goes on to the card page, where the order is placed once Stripe has the
    money."""

    template_name_preview = "payments/preview.html"

    def get(self, request, *args, **kwargs):
        if not self.preview:
            # Payment details are the method choice here; the card itself has its own page.
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def check_payment_data_is_captured(self, request):
        if self.checkout_session.payment_method() not in PaymentMethod.values:
            raise FailedPreCondition(
                url=reverse("checkout:payment-method"),
                message=_("Please choose how you would like to pay."),
            )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["payment_method"] = self.checkout_session.payment_method()
        return context

    def get_payment_method(self) -> str:
        return self.checkout_session.payment_method()

    def get_initial_order_status(self, basket):
        return status_at_placement(self.get_payment_method())

    def submit(self, user, basket, *args, **kwargs):
        if self.get_payment_method() == PaymentMethod.CARD:
            # The order is placed once Stripe has the money, from the card page.
            return redirect("payments:card")
        # Cash on delivery and bank transfer: Oscar's submission, through order_place.
        return super().submit(user, basket, *args, **kwargs)


def order_placed_response(view, order):
    view.checkout_session.flush()
    view.request.session["checkout_order_id"] = order.id
    view.request.session.pop(SESSION_ATTEMPT, None)
    response = redirect("checkout:thank-you")
    view.send_signal(view.request, response, order)
    return response


@method_decorator(stripe_page, name="dispatch")
class CardPaymentView(OscarPaymentDetailsView):
    """The card form: a PaymentIntent for the order total, created (or reused) here."""

    template_name = "payments/card.html"
    template_name_preview = "payments/card.html"

    def check_payment_data_is_captured(self, request):
        if self.checkout_session.payment_method() != PaymentMethod.CARD:
            raise FailedPreCondition(url=reverse("checkout:payment-method"))

    def get(self, request, *args, **kwargs):
        submission = self.build_submission()
        basket = submission["basket"]
        try:
            attempt = services.card_attempt_for_basket(
                basket=basket,
                user=request.user,
                amount=submission["order_total"].incl_tax,
                order_number=str(self.generate_order_number(basket)),
                checkout_data=checkout_data(
                    view=self,
                    basket=basket,
                    shipping_address=submission["shipping_address"],
                    billing_address=submission["billing_address"],
                ),
            )
        except (stripe_gateway.StripeError, stripe_gateway.GatewayNotConfigured, ValueError):
            logger.exception("No PaymentIntent for basket %s", basket.pk)
            messages.error(
                request,
                _("Card payments are unavailable right now. Please choose another method."),
            )
            return redirect("checkout:payment-method")
        request.session[SESSION_ATTEMPT] = attempt.pk
        context = self.get_context_data()
        context.update(
            attempt=attempt,
            stripe_publishable_key=settings.STRIPE_PUBLISHABLE_KEY,
            stripe_js_url=settings.STRIPE_JS_URL,
        )
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        return redirect("payments:card")


@require_POST
def card_pay(request):
    """Called by the card page's script: confirms the card and, once Stripe says the money
    is taken, places the order. Answers JSON: an error, a 3-D Secure step, or where to go."""
    attempt = PaymentAttempt.objects.filter(pk=request.session.get(SESSION_ATTEMPT)).first()
    if attempt is None:
        return JsonResponse(
            {"error": _("This payment page has expired. Please go back to your basket.")},
            status=400,
        )
    token = request.POST.get("token", "").strip()
    try:
        if token:
            intent = services.card_payment_confirm(attempt=attempt, card_token=token)
            if intent.status == "requires_action":
                return JsonResponse({"authenticate": intent.client_secret})
        order = services.card_payment_complete(attempt=attempt, request=request)
    except services.PaymentError as error:
        return JsonResponse({"error": error.message})
    except (stripe_gateway.StripeError, stripe_gateway.GatewayNotConfigured):
        logger.exception("Stripe unreachable for %s", attempt.intent_id)
        return JsonResponse(
            {"error": _("We could not reach the card network. Please try again in a moment.")}
        )

    # The session clean-up and Oscar's post-checkout signal belong to a checkout view.
    view = OscarPaymentDetailsView()
    view.setup(request)
    view.checkout_session = CheckoutSessionData(request)
    response = order_placed_response(view, order)
    return JsonResponse({"redirect": response.url})


class ThankYouView(OscarThankYouView):
    template_name = "payments/thank_you.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["payment"] = order_payment_summary(order=self.object)
        return context


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        outcome = services.stripe_event_handle(
            payload=request.body, signature=request.headers.get("Stripe-Signature", "")
        )
    except (stripe_gateway.SignatureVerificationError, ValueError):
        logger.warning("Stripe webhook with a bad signature or body refused")
        return HttpResponse(status=400)
    except stripe_gateway.GatewayNotConfigured:
        return HttpResponse(status=503)
    except stripe_gateway.StripeError:
        # Stripe will deliver the event again later; it was not recorded as handled.
        logger.exception("Stripe unreachable while handling a webhook event")
        return HttpResponse(status=503)
    return HttpResponse(outcome, content_type="text/plain")
