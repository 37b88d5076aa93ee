"""The storefront strategy's rule for gift boxes (mixed into shop.partner.strategy.Default):
a box can be bought as many times as its scarcest component allows, and is sold out when
any component is."""

from oscar.apps.partner import availability

from shop.gifts.selectors import gift_boxes_available_by_product, is_gift_box_product


class GiftBoxAvailability:
    def availability_policy(self, product, stockrecord):
        # Read for any product, not only for a box, so a page costs the same queries whether
        # a box card is among its cards or not.
        available = self.gift_boxes_available()
        policy = super().availability_policy(product, stockrecord)
        if not policy.is_available_to_buy or not is_gift_box_product(product):
            return policy
        return availability.StockRequired(available.get(product.pk, 0))

    def gift_boxes_available(self) -> dict[int, int]:
        """Every box's availability, read once per strategy (once a request) in one query."""
        if getattr(self, "_gift_boxes_available", None) is None:
            self._gift_boxes_available = gift_boxes_available_by_product()
        return self._gift_boxes_available
