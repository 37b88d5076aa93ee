"""The storefront strategy's rule for gift boxes (mixed into shop.partner.strategy.Default):
a box can be bought as many times as its scarcest component allows, and is sold out when
any component is."""

from oscar.apps.partner import availability

from shop.gifts.selectors import gift_box_boxes_available, gift_box_of_product


class GiftBoxAvailability:
    def availability_policy(self, product, stockrecord):
        policy = super().availability_policy(product, stockrecord)
        if not policy.is_available_to_buy:
            return policy
        box = gift_box_of_product(product)
        if box is None:
            return policy
        return availability.StockRequired(gift_box_boxes_available(box=box))
