"""Placing an order: the one write that turns a basket into an order.

Every way an order is placed goes through `order_place`: Oscar's checkout pages (cash on
delivery, bank transfer) and the card payment's confirmation or webhook. In one transaction it
takes the stock under row locks, writes the order, one parcel per producer with its shipping
fee and the producers' ledger, and submits the basket; the e-mails leave after commit.
"""

import logging
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override
from oscar.core.loading import get_class, get_model

from shop.checkout.addresses import country_vietnam
from shop.gifts.selectors import (
    gift_box_is_sellable,
    gift_box_of_product,
    gift_box_stock_demand,
)
from shop.gifts.services import gift_box_order_lines_create, gift_order_complete
from shop.offer.selectors import voucher_refusal
from shop.orders.statuses import PaymentMethod
from shop.partner.selectors import product_sellable
from shop.shipping.selectors import method_parcels
from shop.tourism.services import partner_referral_attach_to_order
from shop.wholesale.services import invoice_details_attach_to_order
from vendors import preorders
from vendors.fulfilment import fulfilments_create_for_order
from vendors.models import PreorderTerms

logger = logging.getLogger(__name__)

Applicator = get_class("offer.applicator", "Applicator")
Basket = get_model("basket", "Basket")
BillingAddress = get_model("order", "BillingAddress")
Commune = get_model("catalogue", "Commune")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
PaymentSource = get_model("payment", "Source")
PaymentSourceType = get_model("payment", "SourceType")
Repository = get_class("shipping.repository", "Repository")
Selector = get_class("partner.strategy", "Selector")
ShippingAddress = get_model("order", "ShippingAddress")
StockRecord = get_model("partner", "StockRecord")
UserAddress = get_model("address", "UserAddress")
Voucher = get_model("voucher", "Voucher")


class _OrderCreator(OrderCreator):
    def __init__(self, *, preordered_product_ids=frozenset()):
        super().__init__()
        self.preordered_product_ids = preordered_product_ids

    def record_voucher_usage(self, order, voucher, user):
        # Oscar's voucher asks the user whether it is signed in; a guest's order has none.
        super().record_voucher_usage(order, voucher, user or AnonymousUser())

    def create_line_models(self, order, basket_line, extra_line_fields=None):
        # A gift box is ordered as its components, each on its producer's partner, so each
        # producer's parcel and ledger hold only its part (shop.gifts). Its own record tracks
        # no stock, so Oscar allocates nothing for it; gift_order_complete allocates the
        # components once every line is written.
        if gift_box_of_product(basket_line.product) is not None:
            status = (extra_line_fields or {}).get("status") or getattr(
                settings, "OSCAR_INITIAL_LINE_STATUS", ""
            )
            lines = gift_box_order_lines_create(order=order, basket_line=basket_line, status=status)
            return lines[0]
        if basket_line.product_id in self.preordered_product_ids:
            # A pre-order is sold from a harvest not yet in stock: its order line has
            # nothing allocated, so shipping it consumes no stock.
            extra_line_fields = {**(extra_line_fields or {}), "num_allocated": 0}
        return super().create_line_models(order, basket_line, extra_line_fields)

    def update_stock_records(self, line):
        # Oscar passes the basket line here; a pre-ordered one takes no stock now.
        if line.product_id in self.preordered_product_ids:
            return
        super().update_stock_records(line)


class OrderPlacementError(Exception):
    """A person-caused failure (sold out, basket emptied, price changed); .message is
    translated and shown to the buyer as is. Nothing was written."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class SoldOut(OrderPlacementError):
    """Some products ran out (or left the shop) while the buyer was checking out."""

    def __init__(self, titles: list[str]):
        self.titles = list(titles)
        names = ", ".join(f"“{title}”" for title in self.titles)
        super().__init__(
            ngettext(
                "Sorry, %(names)s has just sold out. Your basket is kept: lower the quantity "
                "or remove the product, then place the order again.",
                "Sorry, %(names)s have just sold out. Your basket is kept: lower the "
                "quantities or remove the products, then place the order again.",
                len(self.titles),
            )
            % {"names": names}
        )


class NoLongerSold(OrderPlacementError):
    """Products taken off sale (hidden by staff, unpublished, their producer suspended or
    under review) while they sat in the basket."""

    def __init__(self, titles: list[str]):
        self.titles = list(titles)
        names = ", ".join(f"“{title}”" for title in self.titles)
        super().__init__(
            ngettext(
                "Sorry, %(names)s is no longer sold. Your basket is kept: remove the product, "
                "then place the order again.",
                "Sorry, %(names)s are no longer sold. Your basket is kept: remove the "
                "products, then place the order again.",
                len(self.titles),
            )
            % {"names": names}
        )


class BasketEmpty(OrderPlacementError):
    def __init__(self):
        super().__init__(_("Your basket is empty: add products before placing an order."))


class PriceChanged(OrderPlacementError):
    """A price changed since the product went into the basket; the basket now shows the
    new price and the buyer confirms again."""

    def __init__(self, titles: list[str]):
        self.titles = list(titles)
        names = ", ".join(f"“{title}”" for title in self.titles)
        super().__init__(
            _(
                "The price of %(names)s changed since you added it to your basket. Check the "
                "new total, then place the order again."
            )
            % {"names": names}
        )


class OrderAlreadyPlaced(OrderPlacementError):
    """The basket was already turned into an order (a second click on "Place order")."""

    def __init__(self, order=None):
        self.order = order
        if order is not None:
            message = _(
                "Your order %(number)s has already been placed; it was not placed twice."
            ) % {"number": order.number}
        else:
            message = _("This basket has already been submitted; it was not ordered twice.")
        super().__init__(message)


class VoucherRefused(OrderPlacementError):
    """A code in the basket can no longer be used (its time ended, the buyer used it up in
    another order meanwhile): it is taken off the basket, and the buyer sees the new total."""

    def __init__(self, refusals: dict[int, str]):
        self.voucher_ids = list(refusals)
        super().__init__(
            " ".join(refusals.values())
            + " "
            + _(
                "The code was taken off your basket: check the new total, then place the "
                "order again."
            )
        )


class PreorderRefused(OrderPlacementError):
    """A pre-order that can no longer be placed as it stands: its pre-orders closed or
    changed, its cap reached meanwhile, or cash on delivery chosen for it."""


class GuestEmailMissing(OrderPlacementError):
    def __init__(self):
        super().__init__(_("Enter your e-mail address to order without an account."))


def order_place(
    *,
    basket,
    user,
    guest_email: str = "",
    shipping_address: dict,
    billing_address: dict | None = None,
    payment_method: str,
    order_number: str | None = None,
    status: str,
    request=None,
) -> "Order":
    """Place the basket's order, or return the order already placed under `order_number`.

    Raises an OrderPlacementError (NoLongerSold, SoldOut, PriceChanged, VoucherRefused,
    BasketEmpty, OrderAlreadyPlaced, GuestEmailMissing) with a message for the buyer; then
    nothing was written, except that a basket whose prices changed now holds the new prices
    and a refused code is off the basket.
    """
    if payment_method not in PaymentMethod.values:
        raise ValueError(f"Unknown payment method {payment_method!r}")
    if user is not None and not user.is_authenticated:
        user = None
    guest_email = (guest_email or "").strip()
    if user is None and not guest_email:
        raise GuestEmailMissing()
    if not order_number:
        order_number = str(OrderNumberGenerator().order_number(basket))
    existing = Order.objects.filter(number=order_number).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return _place(
                basket=basket,
                user=user,
                guest_email=guest_email,
                shipping_address=shipping_address,
                billing_address=billing_address,
                payment_method=payment_method,
                order_number=str(order_number),
                status=status,
                request=request,
            )
    except PriceChanged:
        # Outside the rolled back transaction: the basket takes the new prices, so the buyer
        # sees them and the next attempt passes.
        _basket_prices_refresh(basket)
        raise
    except VoucherRefused as refused:
        # Likewise the refused codes leave the basket, so the next attempt shows the total
        # without them.
        basket.vouchers.remove(*refused.voucher_ids)
        basket.reset_offer_applications()
        raise


def _place(
    *,
    basket,
    user,
    guest_email,
    shipping_address,
    billing_address,
    payment_method,
    order_number,
    status,
    request,
):
    # Two submissions of one basket (a double click, the webhook racing the browser) queue
    # here; the second then finds the order of the first.
    locked_basket = Basket._default_manager.select_for_update().filter(pk=basket.pk).first()
    existing = Order.objects.filter(number=order_number).first()
    if existing is not None:
        return existing
    if locked_basket is None:
        raise BasketEmpty()
    if locked_basket.status == Basket.SUBMITTED:
        raise OrderAlreadyPlaced(Order.objects.filter(basket_id=basket.pk).first())

    if not basket.has_strategy:
        basket.strategy = Selector().strategy(request=request, user=user)
    # The basket's codes are locked too, so two orders of one buyer cannot both use a code
    # limited per buyer; each is asked again now (its dates, the buyer's earlier uses).
    _vouchers_check(basket=basket, user=user)
    # Read the lines again now the basket is locked: another tab may have changed them.
    basket.reset_offer_applications()
    Applicator().apply(basket, user, request)
    if basket.is_empty:
        raise BasketEmpty()
    lines = list(basket.all_lines())

    _on_sale_check(lines)
    preordered = _preorders_check(lines, payment_method=payment_method)
    _stock_take_check(lines)
    _prices_check(lines)

    shipping_addr = _shipping_address_build(shipping_address)
    method = Repository().get_default_shipping_method(
        basket=basket, shipping_addr=shipping_addr, user=user, request=request
    )
    # The basket is split into parcels once here: the charge, the total and the producers'
    # parcels and ledger all come from this one split (shop.shipping.methods).
    charge = method.calculate(basket)
    parcels = method_parcels(method=method, basket=basket)
    total = OrderTotalCalculator(request).calculate(basket, charge)

    shipping_addr.save()
    billing_addr = None
    if billing_address:
        billing_addr = BillingAddress(**_address_fields(BillingAddress, billing_address))
        billing_addr.save()
    if user is not None:
        _address_book_update(user, shipping_addr)

    extra = {} if user is not None else {"guest_email": guest_email}
    order = _OrderCreator(preordered_product_ids=preordered).place_order(
        basket=basket,
        total=total,
        shipping_method=method,
        shipping_charge=charge,
        user=user,
        shipping_address=shipping_addr,
        billing_address=billing_addr,
        order_number=order_number,
        status=status,
        request=request,
        **extra,
    )
    _payment_method_record(order, payment_method)
    gift_order_complete(order=order, basket=basket)
    fulfilments_create_for_order(order=order, parcels=parcels)
    # A tourism partner's widget that brought the buyer is credited on the order.
    partner_referral_attach_to_order(order=order, basket=basket)
    # A tourism partner's invoice details, for each producer's VAT invoice.
    invoice_details_attach_to_order(order=order, basket=basket, user=user)
    basket.submit()

    order_id = order.pk
    # The language of the page that placed the order (the webhook has none: the site's).
    language = translation.get_language() or ""

    def buyer_confirmation():
        from shop.checkout.tasks import order_confirmation_send

        order_confirmation_send.delay(order_id, language=language)

    # The order is in: a queue that cannot be reached (Redis down) costs a mail, logged,
    # never an error page for a buyer whose order went through.
    transaction.on_commit(buyer_confirmation, robust=True)
    logger.info(
        "Order %s placed (%s, %s): %s ₫ in %d parcels",
        order.number,
        payment_method,
        status,
        order.total_incl_tax,
        len(parcels),
    )
    return order


def _vouchers_check(*, basket, user) -> None:
    ids = list(basket.vouchers.values_list("pk", flat=True))
    if not ids:
        return
    refusals = {}
    for voucher in Voucher._default_manager.select_for_update().filter(pk__in=ids).order_by("pk"):
        refusal = voucher_refusal(voucher=voucher, user=user, basket=basket)
        if refusal:
            refusals[voucher.pk] = refusal
    if refusals:
        raise VoucherRefused(refusals)


def _on_sale_check(lines) -> None:
    """Whatever strategy priced the basket, and however old its lines: each product, read
    again now, must still be one the shop sells (shop.partner.selectors.product_sellable)."""
    ids = {line.product_id for line in lines}
    fresh = Product.objects.select_related(
        "vendor", "parent__vendor", "product_class", "parent__product_class"
    ).in_bulk(ids)
    gone = []
    for line in lines:
        product = fresh.get(line.product_id)
        if product is None or not product_sellable(product=product, stockrecord=line.stockrecord):
            gone.append(line.product.get_title())
            continue
        # A gift box is sold as its components: each must still be on sale, and its packer
        # approved, or its order lines would sell what the shop no longer does.
        box = gift_box_of_product(product)
        if box is not None and not gift_box_is_sellable(box=box):
            gone.append(line.product.get_title())
    if gone:
        raise NoLongerSold(list(dict.fromkeys(gone)))


def _preorders_check(lines, *, payment_method: str) -> frozenset[int]:
    """The basket's pre-ordered products, checked under their terms' row locks: still open
    as the basket showed them, within their cap, and paid ahead (card or bank transfer).
    Returns their ids."""
    wanted: dict[int, int] = {}
    shown = {}
    for line in lines:
        terms = getattr(line.purchase_info.availability, "preorder", None)
        if terms is not None:
            wanted[line.product_id] = wanted.get(line.product_id, 0) + line.quantity
            shown[line.product_id] = (terms, line.product.get_title())
    if not wanted:
        return frozenset()
    if payment_method == PaymentMethod.COD:
        raise PreorderRefused(
            _(
                "A pre-order is paid ahead: choose card or bank transfer. The balance of a "
                "deposit is paid to the courier on delivery."
            )
        )
    today = preorders.preorder_today()
    locked = {
        terms.product_id: terms
        for terms in PreorderTerms.objects.select_for_update()
        .filter(product_id__in=wanted)
        .order_by("pk")
    }
    for product_id, quantity in wanted.items():
        seen, title = shown[product_id]
        terms = locked.get(product_id)
        if (
            terms is None
            or not terms.is_open
            or terms.ships_from <= today
            or terms.ships_from != seen.ships_from
            or terms.deposit_percent != seen.deposit_percent
        ):
            raise PreorderRefused(
                _(
                    "The pre-order terms of “%(title)s” changed while it was in your basket. "
                    "Check your basket, then place the order again."
                )
                % {"title": title}
            )
        left = preorders.preorder_cap_left(terms=terms)
        if left is not None and quantity > left:
            raise PreorderRefused(
                _(
                    "Only %(left)s more of “%(title)s” can be pre-ordered now. Lower the "
                    "quantity in your basket, then place the order again."
                )
                % {"left": left, "title": title}
            )
    return frozenset(wanted)


def _stock_take_check(lines) -> None:
    """Lock the basket's stock records (in key order, so two buyers never deadlock) and
    check every line is still there to buy. OrderCreator then allocates under these locks."""
    # A gift box takes its components' stock: those records are locked and checked too.
    gift_demand = gift_box_stock_demand(lines=lines)
    ids = sorted(
        {line.stockrecord_id for line in lines if line.stockrecord_id}
        | {demand.stockrecord_id for demand in gift_demand}
    )
    records = {
        record.pk: record
        for record in StockRecord.objects.select_for_update().filter(pk__in=ids).order_by("pk")
    }
    wanted: dict[int, int] = {}
    for line in lines:
        if line.stockrecord_id:
            wanted[line.stockrecord_id] = wanted.get(line.stockrecord_id, 0) + line.quantity
    for demand in gift_demand:
        wanted[demand.stockrecord_id] = wanted.get(demand.stockrecord_id, 0) + demand.quantity
    sold_out = []
    for line in lines:
        record = records.get(line.stockrecord_id)
        product = line.product
        if record is None or not line.purchase_info.availability.is_available_to_buy:
            sold_out.append(product.get_title())
            continue
        # Keep the line's record the locked, fresh one: allocation works on it.
        line.stockrecord = record
        preordered = getattr(line.purchase_info.availability, "preorder", None) is not None
        if product.get_product_class().track_stock and not preordered:
            left = record.num_in_stock - (record.num_allocated or 0)
            if wanted[record.pk] > left:
                sold_out.append(product.get_title())
    for demand in gift_demand:
        record = records.get(demand.stockrecord_id)
        if record is None or wanted[record.pk] > (record.num_in_stock or 0) - (
            record.num_allocated or 0
        ):
            sold_out.append(demand.title)
    if sold_out:
        raise SoldOut(list(dict.fromkeys(sold_out)))


def _prices_check(lines) -> None:
    changed = [
        line.product.get_title()
        for line in lines
        if line.price_incl_tax is not None
        and line.unit_price_incl_tax is not None
        and line.price_incl_tax != line.unit_price_incl_tax
    ]
    if changed:
        raise PriceChanged(changed)


def _basket_prices_refresh(basket) -> None:
    basket.reset_offer_applications()
    for line in basket.all_lines():
        price = line.unit_price_incl_tax
        if price is not None and line.price_incl_tax != price:
            line.price_incl_tax = price
            line.price_excl_tax = line.unit_price_excl_tax
            line.save(update_fields=["price_incl_tax", "price_excl_tax"])


def _address_fields(model, data: dict) -> dict:
    """Oscar's address fields from our address data: the commune and province (ids or
    objects) become the address's commune (line3) and province (line4) names."""
    data = dict(data)
    commune = data.pop("commune", None)
    data.pop("province", None)
    if commune is not None and not isinstance(commune, Commune):
        commune = Commune.objects.select_related("province").get(pk=commune)
    if commune is not None:
        data["line3"] = commune.name
        data["line4"] = commune.province.name
    if "phone" in data:
        data.setdefault("phone_number", data.pop("phone"))
    # The shop delivers in Việt Nam only.
    data.pop("country", None)
    data.pop("country_id", None)
    country = country_vietnam()
    names = {f.name for f in model._meta.concrete_fields} - {"id", "country", "search_text"}
    fields = {key: value for key, value in data.items() if key in names}
    fields["country"] = country
    return fields


def _shipping_address_build(data: dict):
    return ShippingAddress(**_address_fields(ShippingAddress, data))


def _address_book_update(user, address) -> None:
    """Keep the signed-in buyer's address for next time, as Oscar's checkout does."""
    user_address = user.addresses.filter(hash=address.generate_hash()).first()
    if user_address is None:
        user_address = UserAddress(user=user)
        address.populate_alternative_model(user_address)
    user_address.num_orders_as_shipping_address += 1
    user_address.save()


def _payment_method_record(order, payment_method: str) -> None:
    """The chosen way to pay, as an Oscar payment source with nothing taken yet: the payment
    service fills in the amounts when the money arrives."""
    # The name is kept in English on the source type, and translated where a page or mail
    # shows it (shop.checkout.selectors).
    with override("en"):
        name = str(PaymentMethod(payment_method).label)
    source_type, _created = PaymentSourceType.objects.get_or_create(
        code=payment_method, defaults={"name": name}
    )
    PaymentSource.objects.create(
        order=order,
        source_type=source_type,
        currency=order.currency,
        amount_allocated=Decimal("0"),
    )


__all__ = [
    "BasketEmpty",
    "GuestEmailMissing",
    "NoLongerSold",
    "OrderAlreadyPlaced",
    "OrderPlacementError",
    "PreorderRefused",
    "PriceChanged",
    "SoldOut",
    "VoucherRefused",
    "order_place",
]
