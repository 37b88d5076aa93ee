"""Oscar's checkout views, forked for the payment steps: choosing a method, placing a
cash-on-delivery or bank-transfer order from the preview, paying by card with Stripe.js, and
the confirmation. Oscar's CheckoutConfig finds the views named as its own here; the card pages
are added in shop.checkout.apps."""

import logging
from functools import wraps

from csp.constants import SELF
from csp.decorators import csp_update
from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import generic
from django.views.decorators.cache import never_cache
from oscar.apps.checkout import views
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.core.loading import get_class

from shop.checkout.addresses import address_data
from shop.checkout.selectors import order_summary
from shop.csp import origin_of
from shop.orders.statuses import PaymentMethod, status_at_placement
from shop.payments import gateway as stripe_gateway
from shop.payments import services
from shop.payments.forms import PaymentMethodForm
from shop.payments.models import PaymentAttempt
from shop.payments.selectors import order_payment_summary
from shop.privacy.forms import CONSENT_REFUSAL, CheckoutConsentForm
from shop.privacy.models import ConsentMethod, ConsentPurpose
from shop.privacy.selectors import checkout_consent_given, checkout_consent_needed
from shop.privacy.services import consent_give
from shop.shipping.selectors import (
    basket_due_now,
    basket_has_preorders,
    basket_parcels,
    method_parcels,
)
from shop.wholesale.forms import invoice_form_for, invoice_form_save

logger = logging.getLogger(__name__)

OrderPlacementMixin = get_class("checkout.mixins", "OrderPlacementMixin")

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


class PaymentMethodView(views.PaymentMethodView):
    template_name = "oscar/checkout/payment_method.html"
    # Every order chooses how it is paid, even a free one.
    skip_conditions = []

    def get(self, request, *args, **kwargs):
        form = PaymentMethodForm(
            initial={"method": self.checkout_session.payment_method()},
            preorder=self.basket_has_preorders(),
        )
        invoice_form = invoice_form_for(request=request)
        return self.render_to_response(self.get_context_data(form=form, invoice_form=invoice_form))

    def basket_has_preorders(self) -> bool:
        # Asked by the form and by the page: the basket is split into parcels once.
        if not hasattr(self, "_has_preorders"):
            self._has_preorders = basket_has_preorders(
                parcels=basket_parcels(basket=self.request.basket)
            )
        return self._has_preorders

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["has_preorders"] = self.basket_has_preorders()
        return context

    def post(self, request, *args, **kwargs):
        form = PaymentMethodForm(request.POST, preorder=self.basket_has_preorders())
        # A tourism partner's optional invoice details; None (and ignored) for anyone else.
        invoice_form = invoice_form_for(request=request, data=request.POST)
        if not form.is_valid() or (invoice_form is not None and not invoice_form.is_valid()):
            context = self.get_context_data(form=form, invoice_form=invoice_form)
            return self.render_to_response(context)
        self.checkout_session.pay_by(form.cleaned_data["method"])
        if invoice_form is not None:
            invoice_form_save(request=request, form=invoice_form)
        return redirect("checkout:preview")


class PaymentDetailsView(views.PaymentDetailsView):
    """Oscar's preview and "Place order": cash on delivery and bank transfer place the order
    here; a card goes on to the card page, where the order is placed once Stripe has the
    money."""

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
        context["methods"] = PaymentMethod
        if checkout_consent_needed(user=self.request.user):
            context.setdefault("consent_form", CheckoutConsentForm())
        return context

    def handle_place_order_submission(self, request):
        # Every way to pay starts from this "Place order": the consent is asked here, of a
        # guest each time, of an account once per version of the privacy policy.
        if checkout_consent_needed(user=request.user):
            form = CheckoutConsentForm(request.POST)
            if not form.is_valid():
                return self.render_preview(request, consent_form=form)
            signed_in = request.user.is_authenticated
            consent_give(
                purpose=ConsentPurpose.ORDERS,
                method=ConsentMethod.CHECKOUT_FORM,
                user=request.user if signed_in else None,
                email="" if signed_in else (self.checkout_session.get_guest_email() or ""),
                # The number the order will be placed under, whichever way it is paid.
                order_number=str(self.generate_order_number(request.basket)),
            )
        return super().handle_place_order_submission(request)

    def get_payment_method(self) -> str:
        return self.checkout_session.payment_method()

    def get_initial_order_status(self, basket):
        return status_at_placement(self.get_payment_method())

    def submit(self, user, basket, *args, **kwargs):
        if self.get_payment_method() == PaymentMethod.CARD:
            # The order is placed once Stripe has the money, from the card page.
            return redirect("checkout:card")
        # Cash on delivery and bank transfer: Oscar's submission, through order_place.
        return super().submit(user, basket, *args, **kwargs)


@method_decorator(stripe_page, name="dispatch")
# The page carries the intent's client secret: no cache or proxy may keep a copy.
@method_decorator(never_cache, name="dispatch")
class CardPaymentView(views.PaymentDetailsView):
    """The card form: a PaymentIntent for the order total, created (or reused) here."""

    template_name = "oscar/checkout/card.html"
    template_name_preview = "oscar/checkout/card.html"

    def get_pre_conditions(self, request):
        # Oscar runs the payment step's check on its preview only; this page is not one.
        return self.pre_conditions + ["check_payment_data_is_captured"]

    def check_payment_data_is_captured(self, request):
        if self.checkout_session.payment_method() != PaymentMethod.CARD:
            raise FailedPreCondition(url=reverse("checkout:payment-method"))
        # The preview's "Place order" asks the consent; this address can be opened without
        # passing there, so no card is taken until the consent is on record.
        order_number = str(self.generate_order_number(request.basket))
        if not checkout_consent_given(user=request.user, order_number=order_number):
            raise FailedPreCondition(url=reverse("checkout:preview"), message=CONSENT_REFUSAL)

    def get(self, request, *args, **kwargs):
        submission = self.build_submission()
        basket = submission["basket"]
        try:
            attempt = services.card_attempt_for_basket(
                basket=basket,
                user=request.user,
                amount=basket_due_now(
                    parcels=method_parcels(method=submission["shipping_method"], basket=basket)
                ),
                order_number=str(self.generate_order_number(basket)),
                checkout_data=self.checkout_data(submission),
            )
            flow = settings.STRIPE_CARD_FLOW
            # Only the flow where Stripe.js confirms needs the intent's secret on the page.
            client_secret = (
                services.card_client_secret(attempt=attempt)
                if flow == stripe_gateway.FLOW_PAYMENT_METHOD
                else ""
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
            card_flow=flow,
            client_secret=client_secret,
            stripe_publishable_key=settings.STRIPE_PUBLISHABLE_KEY,
            stripe_js_url=settings.STRIPE_JS_URL,
        )
        return self.render_to_response(context)

    def checkout_data(self, submission: dict) -> dict:
        """What placing the order needs from the checkout session, kept with the payment so
        that Stripe's webhook can place it without the session."""
        return {
            "guest_email": self.checkout_session.get_guest_email() or "",
            "shipping_address": address_data(submission["shipping_address"]),
            "billing_address": address_data(submission["billing_address"]),
        }

    def post(self, request, *args, **kwargs):
        return redirect("checkout:card")


class CardPayView(OrderPlacementMixin, generic.View):
    """Called by the card page's script once Stripe.js has confirmed the intent (`payment_intent`,
    the flow where the browser confirms), or with a card token for the server to confirm (the
    token flow). Places the order once Stripe itself says the money is taken. Answers JSON: an
    error, a 3-D Secure step (token flow), or where to go."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        attempt = PaymentAttempt.objects.filter(pk=request.session.get(SESSION_ATTEMPT)).first()
        if attempt is None:
            return JsonResponse(
                {"error": _("This payment page has expired. Please go back to your basket.")},
                status=400,
            )
        token = request.POST.get("token", "").strip()
        intent_id = request.POST.get("payment_intent", "").strip()
        try:
            if token and settings.STRIPE_CARD_FLOW == stripe_gateway.FLOW_TOKEN:
                intent = services.card_payment_confirm(attempt=attempt, card_token=token)
                if intent.status == "requires_action":
                    return JsonResponse({"authenticate": intent.client_secret})
            if intent_id:
                order = services.card_payment_finish(
                    attempt=attempt, intent_id=intent_id, request=request
                )
            else:
                order = services.card_payment_complete(attempt=attempt, request=request)
        except services.PaymentError as error:
            return JsonResponse({"error": error.message})
        except (stripe_gateway.StripeError, stripe_gateway.GatewayNotConfigured):
            logger.exception("Stripe unreachable for %s", attempt.intent_id)
            return JsonResponse(
                {"error": _("We could not reach the card network. Please try again in a moment.")}
            )
        request.session.pop(SESSION_ATTEMPT, None)
        # Oscar's ending of a checkout: the session flushed, the order kept for the thank-you
        # page and its post-checkout signal sent; the script follows the redirect it returns.
        response = self.handle_successful_order(order)
        return JsonResponse({"redirect": response.url})


class ThankYouView(views.ThankYouView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["payment"] = order_payment_summary(order=self.object)
        context["summary"] = order_summary(order=self.object)
        return context
