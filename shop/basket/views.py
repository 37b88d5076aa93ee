"""Oscar's basket views; a voucher code refused in the basket says why, in the buyer's words,
and is not added (shop.offer.selectors.voucher_refusal)."""

from django.contrib import messages
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
