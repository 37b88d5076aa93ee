"""Oscar's account views where this shop differs: a sign-up answers the same page whether or
not its address has an account; the link mailed to a new address confirms it; signing out
takes a POST; an order's page shows each producer's parcel with its timeline, and a guest
opens it with the signed link of the order's mails."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from oscar.apps.customer import views as oscar_views
from oscar.core.loading import get_model

from customer.services import account_confirm, account_signup
from customer.tokens import OrderLink, order_status_check, signup_token
from shop.checkout.selectors import order_summary
from shop.orders.statuses import OrderStatus
from shop.privacy.models import ConsentMethod, ConsentPurpose
from shop.privacy.selectors import erasure_refusals
from shop.privacy.services import ErasureRefused, account_erase, consent_give
from vendors.fulfilment_selectors import order_parcels
from vendors.selectors import vendor_for_user

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")

# The backend a confirmed account is signed in with (it logs in by e-mail).
EMAIL_BACKEND = "oscar.apps.customer.auth_backends.EmailBackend"


def _signup(request: HttpRequest, form) -> HttpResponse:
    user = account_signup(
        email=form.cleaned_data["email"],
        password=form.cleaned_data["password1"],
        next_url=form.cleaned_data.get("redirect_url") or "",
        language=get_language() or "",
    )
    # Only a new account records the consent: an address that has one gets nothing written.
    if user is not None:
        consent_give(purpose=ConsentPurpose.ACCOUNT, method=ConsentMethod.SIGNUP_FORM, user=user)
    return redirect("customer:signup-sent")


class AccountAuthView(oscar_views.AccountAuthView):
    def get_login_success_url(self, form):
        # Where the form was going, and staff to the dashboard, stay Oscar's; a producer's
        # member opens their console, where their work is; a buyer goes back to the shop.
        url = super().get_login_success_url(form)
        if url == settings.LOGIN_REDIRECT_URL and vendor_for_user(user=self.request.user):
            return reverse("dashboard:index")
        return url

    def validate_registration_form(self):
        form = self.get_registration_form(bind_data=True)
        if form.is_valid():
            return _signup(self.request, form)
        return self.render_to_response(self.get_context_data(registration_form=form))


class AccountRegistrationView(oscar_views.AccountRegistrationView):
    def form_valid(self, form):
        return _signup(self.request, form)


class SignupSentView(TemplateView):
    """What every sign-up form answers, whatever the address: look in your inbox."""

    template_name = "customer/signup_sent.html"


class SignupConfirmView(View):
    """The link mailed to a new address: a page with a button (a mail scanner opening the
    link confirms nothing), then the account is confirmed and signed in."""

    template_name = "customer/signup_confirm.html"

    def _user(self, uidb64: str, token: str):
        try:
            uid = force_str(urlsafe_base64_decode(uidb64))
        except (TypeError, ValueError):
            return None
        if not (uid.isascii() and uid.isdigit() and len(uid) < 19):
            return None
        user = get_user_model().objects.filter(pk=int(uid)).first()
        if user is None or not signup_token.check_token(user, token):
            return None
        return user

    def _next(self, request: HttpRequest) -> str:
        url = request.GET.get("next", "")
        if url and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return url
        return settings.LOGIN_REDIRECT_URL

    def get(self, request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
        user = self._user(uidb64, token)
        return TemplateResponse(
            request, self.template_name, {"valid": user is not None}, status=200 if user else 400
        )

    def post(self, request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
        user = self._user(uidb64, token)
        if user is None:
            return TemplateResponse(request, self.template_name, {"valid": False}, status=400)
        account_confirm(user=user)
        login(request, user, backend=EMAIL_BACKEND)
        return redirect(self._next(request))


class LogoutView(oscar_views.LogoutView):
    """GET shows a button; only its POST (with the CSRF token) signs out, so a link or an
    image on another site cannot."""

    template_name = "customer/logout.html"

    def get(self, request, *args, **kwargs):
        return TemplateResponse(request, self.template_name, {})

    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class ProfileDeleteView(oscar_views.ProfileDeleteView):
    """ "Delete my account": the password again, then the account's personal data erased and
    its orders kept anonymised (shop.privacy.services.account_erase), instead of Oscar's
    plain delete, which left the buyer's name and address on every order. Refused, with the
    reason, while an order is still on its way or the account manages a business."""

    template_name = "privacy/account_delete.html"
    page_title = gettext_lazy("Delete my account")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("erasure_refusals", erasure_refusals(user=self.request.user))
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        try:
            account_erase(user=self.request.user)
        except ErasureRefused as refused:
            return self.render_to_response(
                self.get_context_data(form=form, erasure_refusals=refused.reasons), status=409
            )
        logout(self.request)
        messages.success(
            self.request,
            _(
                "Your account and its personal data are deleted. Your orders are kept, "
                "without your name, for the shop's accounts."
            ),
        )
        return redirect(self.get_success_url())


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """What every login form answers while its name and address are locked out (django-axes
    calls it in place of the form's own answer, whatever the password was)."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return TemplateResponse(
        request,
        "customer/locked_out.html",
        {"cooloff_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    ).render()


def _order_status_label(order) -> str:
    return str(dict(OrderStatus.choices).get(order.status, order.status))


class OrderDetailView(oscar_views.OrderDetailView):
    """Oscar's page of an order of the signed-in buyer (another buyer's number answers 404),
    with each producer's parcel and its timeline above Oscar's lines and totals."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            parcels=order_parcels(order=self.object),
            order_status_label=_order_status_label(self.object),
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class AnonymousOrderDetailView(View):
    """A guest's order page, opened by the signed link of the order's mails
    (customer.tokens): the parcels with their timelines, the address and the totals.

    A link that was not signed for this guest order, or is too old, gets a page that says
    so and shows nothing of any order (403). The page is never cached and sends no
    Referer, since its address is the key to it."""

    template_name = "customer/order_status.html"
    refused_template_name = "customer/order_link_refused.html"

    def get(self, request, order_number: str, hash: str):
        order = (
            Order.objects.filter(number=order_number)
            .select_related("shipping_address__country")
            .first()
        )
        verdict = order_status_check(order=order, token=hash)
        if verdict != OrderLink.VALID:
            logger.info("Order link refused (%s) for order number %r", verdict, order_number[:32])
            response = TemplateResponse(
                request,
                self.refused_template_name,
                {
                    "expired": verdict == OrderLink.EXPIRED,
                    "max_age_days": settings.ORDER_STATUS_LINK_MAX_AGE_DAYS,
                    "contact_email": settings.OCOP_CONTACT_EMAIL,
                },
                status=403,
            )
        else:
            response = TemplateResponse(
                request,
                self.template_name,
                {
                    "order": order,
                    "order_status_label": _order_status_label(order),
                    "parcels": order_parcels(order=order),
                    "summary": order_summary(order=order),
                    "address": order.shipping_address,
                    "contact_email": settings.OCOP_CONTACT_EMAIL,
                },
            )
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class AnonymousOrderFormView(View):
    """Oscar asked a guest for their e-mail address before showing the order; the signed
    link already names it, so this address leads to the same check."""

    def get(self, request, order_number: str, hash: str):
        return redirect("customer:anon-order", order_number=order_number, hash=hash)

    post = get
