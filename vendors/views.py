"""Public pages of producers: the application to sell here, its receipt and its status, and
/vendors/<slug>/ with a producer's story, place, certificates and products."""

import logging

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from catalogue.models import Commune
from catalogue.numbers import id_parse, page_parse
from catalogue.text import vietnamese_sorted
from shop.privacy.models import ConsentMethod, ConsentPurpose
from shop.privacy.services import consent_give
from vendors.forms import ApplicationForm, CertificateFormSet
from vendors.selectors import (
    application_for_user,
    latest_status_change,
    producer_marks,
    producer_products,
    producer_public,
    producer_public_certificates,
    vendor_for_user,
)
from vendors.services import vendor_apply

logger = logging.getLogger(__name__)

CERTIFICATE_PREFIX = "certificates"


def _already_known(request: HttpRequest) -> bool:
    user = request.user
    return bool(
        application_for_user(user=user) is not None or vendor_for_user(user=user) is not None
    )


def sell(request: HttpRequest) -> HttpResponse:
    """What producers get, who may apply, and the application form."""
    if _already_known(request):
        return redirect("vendors:application")
    if request.method == "POST":
        form = ApplicationForm(request.POST, user=request.user)
        certificates = CertificateFormSet(request.POST, request.FILES, prefix=CERTIFICATE_PREFIX)
        if form.is_valid() and certificates.is_valid():
            answer = _apply(request, form, certificates)
            if answer is not None:
                return answer
    else:
        form = ApplicationForm(user=request.user)
        certificates = CertificateFormSet(prefix=CERTIFICATE_PREFIX)
    return render(request, "vendors/sell.html", {"form": form, "certificates": certificates})


def _apply(
    request: HttpRequest, form: ApplicationForm, certificates: CertificateFormSet
) -> HttpResponse | None:
    data = form.cleaned_data
    applicant = request.user if request.user.is_authenticated else None
    try:
        with transaction.atomic():
            vendor = vendor_apply(
                applicant=applicant,
                account_email=data.get("account_email", ""),
                password=data.get("password", ""),
                legal_name=data["legal_name"],
                kind=data["kind"],
                tax_code=data["tax_code"],
                commune=data["commune"],
                street_address=data["street_address"],
                old_district=data["old_district"],
                contact_name=data["contact_name"],
                phone=data["phone"],
                email=data["email"],
                website=data["website"],
                story=data["story"],
                certificates=[f.application() for f in certificates.forms],
                language=get_language() or "",
            )
            # Only an application filed records the consent: an address that already had an
            # account files nothing and gets the same answer.
            if vendor is not None:
                consent_give(
                    purpose=ConsentPurpose.APPLICATION,
                    method=ConsentMethod.PRODUCER_FORM,
                    user=vendor.applicant,
                )
    except ValidationError as error:
        logger.info("Application refused: %s", error)
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            form.add_error(None, error.messages)
        return None
    if applicant is None:
        # Filed under a new account or not filed at all (the address had an account): the
        # answer is the same, and the rest is said by mail to the address.
        return redirect("customer:signup-sent")
    return redirect("vendors:received")


@login_required
def received(request: HttpRequest) -> HttpResponse:
    vendor = application_for_user(user=request.user)
    if vendor is None:
        return redirect("vendors:sell")
    return render(request, "vendors/received.html", {"vendor": vendor})


@login_required
def application(request: HttpRequest) -> HttpResponse:
    """Where an applicant stands: under review, approved, rejected (why) or suspended (why)."""
    vendor = application_for_user(user=request.user) or vendor_for_user(user=request.user)
    if vendor is None:
        return redirect("vendors:sell")
    return render(
        request,
        "vendors/application.html",
        {"vendor": vendor, "decision": latest_status_change(vendor=vendor)},
    )


@require_GET
def communes(request: HttpRequest) -> JsonResponse:
    """The communes of a province, for the application form's dependent select."""
    province = id_parse(request.GET.get("province"))
    if province is None:
        return JsonResponse({"error": _("Choose a province.")}, status=400)
    rows = Commune.objects.filter(province_id=province).values_list("pk", "name", "short_name")
    rows = vietnamese_sorted(rows, key=lambda row: row[2])
    return JsonResponse({"communes": [{"id": pk, "name": name} for pk, name, _short in rows]})


PRODUCTS_PER_PAGE = 24


def producer_page(request: HttpRequest, slug: str) -> HttpResponse:
    vendor = producer_public(slug=slug)
    if vendor is None:
        raise Http404("No approved producer has this address.")
    paginator = Paginator(producer_products(vendor=vendor), PRODUCTS_PER_PAGE)
    page = paginator.get_page(page_parse(request.GET.get("page")))
    context = {
        "vendor": vendor,
        "certificates": producer_public_certificates(vendor=vendor),
        "marks": producer_marks(vendor=vendor),
        "products": page.object_list,
        "page_obj": page,
        "paginator": paginator,
    }
    return render(request, "vendors/producer_page.html", context)
