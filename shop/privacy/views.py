"""The privacy policy page, and the account's "your personal data" page: a copy of
everything the shop holds about the signed-in buyer, after their password."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from shop.privacy import exports
from shop.privacy.forms import DataExportForm
from shop.privacy.selectors import erasure_refusals, personal_data
from shop.privacy.services import data_export_audit


def policy(request: HttpRequest) -> HttpResponse:
    """The privacy policy in the reader's language (Vietnamese unless English was chosen)."""
    language = "en" if (get_language() or "").startswith("en") else "vi"
    return TemplateResponse(
        request,
        "privacy/policy.html",
        {
            "policy_template": f"privacy/policy_{language}.html",
            "privacy_policy_version": settings.PRIVACY_POLICY_VERSION,
            "contact_email": settings.OCOP_CONTACT_EMAIL,
        },
    )


def data_download(*, user, data_format: str) -> HttpResponse:
    """The account's data as a file to save, never kept by a cache."""
    data = personal_data(user=user)
    stamp = timezone.localtime().strftime("%Y%m%d")
    if data_format == "csv":
        body, content_type, name = exports.as_csv_zip(data), "application/zip", "zip"
    else:
        body, content_type, name = exports.as_json(data), "application/json", "json"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="cho-ocop-my-data-{stamp}.{name}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def personal_data_page(request: HttpRequest) -> HttpResponse:
    """What the account can do with its data: download a copy (password asked again), read
    the policy, delete the account. Only ever the signed-in account's own data: the page
    takes no id."""
    form = DataExportForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data_format = form.cleaned_data["data_format"]
        response = data_download(user=request.user, data_format=data_format)
        data_export_audit(user=request.user, data_format=data_format)
        return response
    return TemplateResponse(
        request,
        "privacy/personal_data.html",
        {
            "form": form,
            "page_title": gettext("Your personal data"),
            "active_tab": "personal-data",
            "erasure_refusals": erasure_refusals(user=request.user),
        },
        status=400 if form.is_bound else 200,
    )
