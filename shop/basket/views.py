"""Oscar's basket views; a voucher code refused in the basket says why, in the buyer's words,
and is not added (shop.offer.selectors.voucher_refusal). "Add to basket" loads the product with
what pricing and the form read."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from oscar.apps.basket import views
from oscar.apps.basket.views import *  # noqa: F403

from shop.offer.selectors import voucher_refusal


class VoucherAddView(views.VoucherAddView):
    def apply_voucher_to_basket(self, voucher):
        refusal = voucher_refusal(
            voucher=voucher, user=self.request.user, basket=self.request.basket
        )
        if refusal:
            messages.error(self.request, refusal)
            return
        super().apply_voucher_to_basket(voucher)


class BasketAddView(views.BasketAddView):
    def post(self, request, *args, **kwargs):
        # Any product, as Oscar looks it up (the form refuses what cannot be bought), but with
        # what the strategy and the form read on it loaded in the same query: its class and
        # whether it has options (Oscar's annotations), its producer and parent, and its stock
        # records, read by the form and again when the line is added.
        products = (
            self.product_model.objects.base_queryset()
            .prefetch_related(None)
            .select_related("vendor", "parent")
            .prefetch_related("stockrecords")
        )
        self.product = get_object_or_404(products, pk=kwargs["pk"])
        request.basket.keep_added_line = True
        return super(views.BasketAddView, self).post(request, *args, **kwargs)
