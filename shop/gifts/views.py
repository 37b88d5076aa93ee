"""Pages of gift boxes: the buyer's gift message, and a parcel's packing slip for its
producer (items and message, no prices)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shop.gifts.forms import GiftMessageForm
from shop.gifts.selectors import fulfilment_for_producer, gift_message_of_order
from shop.gifts.services import basket_gift_message_set
from vendors.selectors import vendor_for_user


@require_POST
def gift_message_save(request):
    """Keep (or clear) the basket's gift message, then go back to the page that sent it."""
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("checkout:shipping-address")
    basket = request.basket
    if basket.id is None or basket.is_empty:
        messages.error(request, _("Your basket is empty: add products before a gift message."))
        return redirect(reverse("basket:summary"))
    form = GiftMessageForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("message", []):
            messages.error(request, error)
        return redirect(back)
    gift = basket_gift_message_set(basket=basket, message=form.cleaned_data["message"])
    messages.success(
        request,
        _("Your gift message is saved.") if gift else _("The gift message was removed."),
    )
    return redirect(back)


@login_required
def packing_slip(request, pk: int):
    """The parcel's packing slip, printable; only its own producer opens it (another
    producer's parcel answers 404, as if it did not exist)."""
    vendor = vendor_for_user(user=request.user)
    if vendor is None:
        raise PermissionDenied
    fulfilment = fulfilment_for_producer(vendor=vendor, pk=pk)
    if fulfilment is None:
        raise Http404
    lines = list(fulfilment.lines.select_related("gift_box_part"))
    return render(
        request,
        "gifts/packing_slip.html",
        {
            "fulfilment": fulfilment,
            "order": fulfilment.order,
            "address": fulfilment.order.shipping_address,
            "lines": lines,
            "gift_message": gift_message_of_order(order=fulfilment.order),
        },
    )
