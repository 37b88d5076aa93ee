"""A gift box composed of several producers' products, and the gift details of a basket and
of an order (the message to the recipient, which parcel lines came from which box)."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# A card's worth of text: long enough for wishes, short enough to print on a slip.
GIFT_MESSAGE_MAX_LENGTH = 300


class GiftBox(models.Model):
    """What staff compose: components, a box price and who packs it. The storefront sells it
    as a catalogue product of the "gift box" class (`product`), kept in step by
    shop.gifts.services.gift_box_publish."""

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    image = models.ImageField(_("picture"), upload_to="gifts/", blank=True)
    price = models.DecimalField(
        _("box price"),
        max_digits=12,
        decimal_places=0,
        validators=[MinValueValidator(Decimal("1000"))],
        help_text=_("What the buyer pays for one box, in đồng; shared among the producers."),
    )
    packing_vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="packed_gift_boxes",
        verbose_name=_("packing producer"),
        help_text=_(
            "Leave empty to have each producer send its own parcel. A packing producer "
            "receives the other producers' goods and sends the box as one parcel."
        ),
    )
    is_public = models.BooleanField(_("on sale"), default=False)
    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="gift_box",
        verbose_name=_("storefront product"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("gift box")
        verbose_name_plural = _("gift boxes")

    def __str__(self) -> str:
        return self.title


class GiftBoxItem(models.Model):
    """One producer's product in a box, with how many of it one box holds."""

    box = models.ForeignKey(
        GiftBox, on_delete=models.CASCADE, related_name="items", verbose_name=_("gift box")
    )
    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.PROTECT,
        related_name="in_gift_boxes",
        verbose_name=_("product"),
    )
    quantity = models.PositiveSmallIntegerField(
        _("quantity"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("gift box item")
        verbose_name_plural = _("gift box items")
        constraints = [
            models.UniqueConstraint(fields=["box", "product"], name="gift_box_item_once"),
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1), name="gift_box_item_quantity_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.product}"


class BasketGift(models.Model):
    """The gift message a buyer writes while the basket is open; placed orders keep it in
    OrderGift. Kept on the basket (not the session) so every way of placing an order, the
    card webhook included, finds it."""

    basket = models.OneToOneField(
        "basket.Basket", on_delete=models.CASCADE, related_name="gift", verbose_name=_("basket")
    )
    message = models.TextField(_("gift message"), max_length=GIFT_MESSAGE_MAX_LENGTH)

    class Meta:
        verbose_name = _("basket gift message")
        verbose_name_plural = _("basket gift messages")

    def __str__(self) -> str:
        return self.message[:40]


class OrderGift(models.Model):
    """An order sent as a gift: the message printed on each parcel's packing slip."""

    order = models.OneToOneField(
        "order.Order", on_delete=models.CASCADE, related_name="gift", verbose_name=_("order")
    )
    message = models.TextField(_("gift message"), max_length=GIFT_MESSAGE_MAX_LENGTH)

    class Meta:
        verbose_name = _("order gift message")
        verbose_name_plural = _("order gift messages")

    def __str__(self) -> str:
        return self.message[:40]


class GiftOrderLine(models.Model):
    """An order line that is a component of a gift box the buyer bought: the box it came
    from, and the box's title as it was sold."""

    line = models.OneToOneField(
        "order.Line", on_delete=models.CASCADE, related_name="gift_box_part", verbose_name=_("line")
    )
    box = models.ForeignKey(
        GiftBox,
        on_delete=models.SET_NULL,
        null=True,
        related_name="order_lines",
        verbose_name=_("gift box"),
    )
    box_title = models.CharField(_("gift box"), max_length=255)
    boxes = models.PositiveIntegerField(_("boxes"), default=1)

    class Meta:
        verbose_name = _("gift box order line")
        verbose_name_plural = _("gift box order lines")

    def __str__(self) -> str:
        return f"{self.box_title}: {self.line_id}"
