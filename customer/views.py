"""Oscar's account views where this shop differs: a sign-up answers the same page whether or
not its address has an account; the link mailed to a new address confirms it; signing out
takes a POST."""

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import get_language
from django.views import View
from django.views.generic import TemplateView
from oscar.apps.customer import views as oscar_views

from customer.services import account_confirm, account_signup
from customer.tokens import signup_token

# The backend a confirmed account is signed in with (it logs in by e-mail).
EMAIL_BACKEND = "oscar.apps.customer.auth_backends.EmailBackend"


def _signup(request: HttpRequest, form) -> HttpResponse:
    account_signup(
        email=form.cleaned_data["email"],
        password=form.cleaned_data["password1"],
        next_url=form.cleaned_data.get("redirect_url") or "",
        language=get_language() or "",
    )
    return redirect("customer:signup-sent")


class AccountAuthView(oscar_views.AccountAuthView):
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
