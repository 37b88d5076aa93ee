"""Demo orders for `seed_demo`: guest orders across producers, so every demo producer has
parcels. Each is placed by the checkout's own `order_place` (cash on delivery), so its parcels,
shipping fees, ledger entries and totals are those a buyer's order would get; then its parcels
are moved through the producers' services to every status, and one payout is recorded.
Orders carry fixed numbers: loading twice creates nothing new."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Sum
from oscar.core.loading import get_class, get_model

from shop.checkout.placement import order_place
from shop.checkout.tasks import order_confirmation_key
from shop.mail.services import mail_mark_sent
from shop.orders.statuses import PaymentMethod, status_at_placement
from shop.shipping.models import ProducerShippingRule
from shop.shipping.services import producer_shipping_rule_set
from vendors.fulfilment import (
    fulfilment_cancel,
    fulfilment_mark_delivered,
    fulfilment_mark_packed,
    fulfilment_mark_shipped,
    payout_record,
)
from vendors.models import Fulfilment, LedgerEntry, Vendor
from vendors.tasks import parcel_mail_keys

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
Selector = get_class("partner.strategy", "Selector")
StockRecord = get_model("partner", "StockRecord")

Status = Fulfilment.Status


@dataclass(frozen=True)
class DemoOrder:
    number: str
    buyer: tuple[str, str, str]  # last name, first name, e-mail
    street: str
    city: str
    phone: str
    items: tuple[tuple[str, int], ...]  # (UPC, quantity)
    # Status each producer's parcel is brought to, by producer slug (default: new).
    statuses: dict[str, str] = field(default_factory=dict)


NOODLES = "htx-mien-dong-binh-lieu"
HONEY = "htx-ong-mat-luc-hon"
CAMELLIA = "tht-dau-so-hoanh-mo"
OILS = "cong-ty-tinh-dau-hoi-que-binh-lieu"

ORDERS = (
    DemoOrder(
        "OCOP-DEMO-0001",
        ("Trần Thị", "Lan", "lan.tran@example.vn"),
        "12 Phố Hàng Bạc, phường Hoàn Kiếm",
        "Hà Nội",
        "+84912000001",
        (("OCOP-BL-0001", 3), ("OCOP-BL-0003", 1)),
        {NOODLES: Status.DELIVERED, HONEY: Status.DELIVERED},
    ),
    DemoOrder(
        "OCOP-DEMO-0002",
        ("Nguyễn Văn", "Minh", "minh.nguyen@example.vn"),
        "45 Đường Lê Lợi, phường Bến Thành",
        "TP. Hồ Chí Minh",
        "+84903000002",
        (("OCOP-BL-0002", 1), ("OCOP-BL-0005", 2), ("OCOP-BL-0007", 1)),
        {NOODLES: Status.SHIPPED, CAMELLIA: Status.PACKED},
    ),
    DemoOrder(
        "OCOP-DEMO-0003",
        ("Phạm Thu", "Hà", "ha.pham@example.vn"),
        "8 Đường Trần Phú, phường Hạ Long",
        "Quảng Ninh",
        "+84986000003",
        (("OCOP-BL-0001", 2), ("OCOP-BL-0004", 2)),
        {NOODLES: Status.PACKED},
    ),
    DemoOrder(
        "OCOP-DEMO-0004",
        ("Lê Hoàng", "Nam", "nam.le@example.vn"),
        "101 Đường Nguyễn Văn Linh, phường Hải Châu",
        "Đà Nẵng",
        "+84935000004",
        (("OCOP-BL-0002", 2), ("OCOP-BL-0006", 3), ("OCOP-BL-0008", 1)),
        {NOODLES: Status.CANCELLED, OILS: Status.SHIPPED},
    ),
    DemoOrder(
        "OCOP-DEMO-0005",
        ("Đỗ Minh", "Anh", "anh.do@example.vn"),
        "27 Phố Huế, phường Hai Bà Trưng",
        "Hà Nội",
        "+84977000005",
        (("OCOP-BL-0001", 5), ("OCOP-BL-0003", 2)),
    ),
)

BUYERS = (
    (
        "Vũ Thị",
        "Hoa",
        "hoa.vu@example.vn",
        "19 Đường Hùng Vương, phường Điện Biên Phủ",
        "Điện Biên",
    ),
    ("Bùi Quang", "Huy", "huy.bui@example.vn", "3 Phố Cầu Gỗ, phường Hoàn Kiếm", "Hà Nội"),
    ("Hoàng Mai", "Linh", "linh.hoang@example.vn", "66 Đường 3/2, phường Ninh Kiều", "Cần Thơ"),
    (
        "Ngô Đức",
        "Thắng",
        "thang.ngo@example.vn",
        "5 Đường Trần Hưng Đạo, phường Hạ Long",
        "Quảng Ninh",
    ),
)
SPREAD_STATUSES = (Status.NEW, Status.PACKED, Status.SHIPPED, Status.DELIVERED)


def _spread_orders() -> list[DemoOrder]:
    """Orders for the producers the hand-written ones leave out, three producers each, so
    every demo producer has parcels to show. Built from the catalogue in a fixed order, so the
    same orders come out on every load."""
    if Order.objects.filter(number__startswith="OCOP-DEMO-01").exists():
        return []  # placed on an earlier load; stock has moved since, so don't pick again
    covered = {upc for spec in ORDERS for upc, _ in spec.items}
    covered_vendors = set(
        Product.objects.filter(upc__in=covered).values_list("vendor_id", flat=True)
    )
    picks = []
    for vendor in Vendor.objects.filter(status=Vendor.Status.APPROVED).order_by("slug"):
        if vendor.pk in covered_vendors:
            continue
        products = Product.objects.filter(vendor=vendor, is_public=True).exclude(upc="")
        in_stock = products.filter(stockrecords__num_in_stock__gt=5).order_by("upc").first()
        last = products.filter(stockrecords__isnull=False).order_by("upc").first()
        if in_stock or last:
            picks.append((vendor.slug, (in_stock or last).upc, in_stock is None))
    orders = []
    for index in range(0, len(picks), 3):
        group = picks[index : index + 3]
        last_name, first, email, street, city = BUYERS[(index // 3) % len(BUYERS)]
        orders.append(
            DemoOrder(
                f"OCOP-DEMO-{101 + index // 3:04d}",
                (last_name, first, email),
                street,
                city,
                f"+8491200{1000 + index:04d}",
                tuple((upc, 1) for _, upc, _ in group),
                {
                    # A producer down to its last pieces sold one of them: that parcel went
                    # out (a cancelled one would put it back on the shelf).
                    slug: Status.DELIVERED
                    if low
                    else SPREAD_STATUSES[(index + offset) % len(SPREAD_STATUSES)]
                    for offset, (slug, _, low) in enumerate(group)
                },
            )
        )
    return orders


CANCEL_REASON = "Hộp quà 1kg tạm hết bao bì, mời khách đặt lại tuần sau."
PAYOUT = (NOODLES, Decimal("200000"), "VCB-DEMO-0001")
# Steps from "new" to each demo status.
PATH = {
    Status.NEW: (),
    Status.PACKED: (Status.PACKED,),
    Status.SHIPPED: (Status.PACKED, Status.SHIPPED),
    Status.DELIVERED: (Status.PACKED, Status.SHIPPED, Status.DELIVERED),
    Status.CANCELLED: (Status.CANCELLED,),
}


def _last_piece_ensure(products: dict[str, "Product"], spec: DemoOrder) -> None:
    """A product the catalogue lists as sold out had, before this order, the pieces the order
    takes: put them on the shelf so the checkout sells them; the parcel, once shipped, takes
    them off again, so the product ends sold out as the catalogue describes it."""
    for upc, quantity in spec.items:
        record = StockRecord.objects.filter(product=products[upc]).first()
        if record is None:
            continue
        free = record.num_in_stock - (record.num_allocated or 0)
        if free < quantity:
            StockRecord.objects.filter(pk=record.pk).update(
                num_in_stock=F("num_in_stock") + quantity - free
            )


def _place(spec: DemoOrder) -> "Order | None":
    products = Product.objects.in_bulk([upc for upc, _ in spec.items], field_name="upc")
    if len(products) != len(spec.items):
        return None  # the catalogue is not loaded (or was changed): no order to show
    _last_piece_ensure(products, spec)
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for upc, quantity in spec.items:
        basket.add_product(products[upc], quantity)
    last_name, first_name, email = spec.buyer
    order = order_place(
        basket=basket,
        user=None,
        guest_email=email,
        # Vietnamese names read family name first: the whole name goes in one field.
        shipping_address={
            "last_name": f"{last_name} {first_name}",
            "line1": spec.street,
            "line4": spec.city,
            "phone_number": spec.phone,
        },
        payment_method=PaymentMethod.COD,
        order_number=spec.number,
        status=status_at_placement(PaymentMethod.COD),
    )
    # The buyers are made up: their confirmation counts as sent, so none goes out.
    mail_mark_sent(
        once_keys=[order_confirmation_key(order)], template="checkout/emails/order_placed"
    )
    return order


def _advance(fulfilment: Fulfilment, *, to: str) -> None:
    for step in PATH[to]:
        if step == Status.PACKED:
            fulfilment_mark_packed(fulfilment=fulfilment)
        elif step == Status.SHIPPED:
            fulfilment_mark_shipped(
                fulfilment=fulfilment,
                carrier="Viettel Post",
                tracking_code=f"VTP{fulfilment.order.number[-4:]}{fulfilment.vendor_id:03d}",
            )
        elif step == Status.DELIVERED:
            fulfilment_mark_delivered(fulfilment=fulfilment)
        elif step == Status.CANCELLED:
            fulfilment_cancel(fulfilment=fulfilment, reason=CANCEL_REASON)


@transaction.atomic
def demo_orders_ensure() -> int:
    """Place the demo orders that don't exist yet; returns how many were placed."""
    placed = 0
    for spec in (*ORDERS, *_spread_orders()):
        if Order.objects.filter(number=spec.number).exists():
            continue
        order = _place(spec)
        if order is None:
            continue
        placed += 1
        for fulfilment in Fulfilment.objects.filter(order=order).select_related("vendor"):
            _advance(fulfilment, to=spec.statuses.get(fulfilment.vendor.slug, Status.NEW))
        # The buyers are made up: mark the notices as sent so no mail goes out for them.
        mail_mark_sent(
            once_keys=[
                key
                for fulfilment in Fulfilment.objects.filter(order=order)
                for key in parcel_mail_keys(fulfilment)
            ],
            template="vendors/emails/demo",
        )

    slug, amount, reference = PAYOUT
    vendor = Vendor.objects.filter(slug=slug).first()
    paid = LedgerEntry.objects.filter(vendor=vendor, reference=reference).exists()
    balance = LedgerEntry.objects.filter(vendor=vendor).aggregate(total=Sum("amount"))["total"]
    if vendor and not paid and (balance or 0) >= amount:
        admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        payout_record(vendor=vendor, amount=amount, reference=reference, recorded_by=admin)
    return placed


# Shipping of the demo producers, as such producers price parcels: (slug, fee per parcel,
# fee per started kilogram, free from, days from, days up to).
SHIPPING_RULES = [
    ("htx-mien-dong-binh-lieu", 25000, 0, 300000, 2, 4),
    ("htx-ong-mat-luc-hon", 30000, 0, 400000, 2, 5),
    # Oil in glass bottles: heavy, so by weight.
    ("tht-dau-so-hoanh-mo", 20000, 8000, None, 3, 5),
    ("cong-ty-tinh-dau-hoi-que-binh-lieu", 30000, 0, 500000, 2, 4),
    ("cong-ty-thao-moc-phu-nghia", 22000, 0, 350000, 1, 3),
    ("hkd-dang-van-tai", 35000, 0, None, 3, 6),
    ("htx-tra-hoa-vang-ba-che", 25000, 0, 300000, 2, 5),
    ("htx-ong-mat-hoa-ban-muong-phang", 40000, 5000, 600000, 4, 7),
]


def demo_shipping_rules_ensure() -> int:
    """Give the demo producers without a shipping rule theirs; returns how many were set.
    Rules a producer changed are left alone."""
    set_count = 0
    for slug, base_fee, per_kg, free_above, days_min, days_max in SHIPPING_RULES:
        vendor = Vendor.objects.filter(slug=slug).first()
        if vendor is None or ProducerShippingRule.objects.filter(vendor=vendor).exists():
            continue
        producer_shipping_rule_set(
            vendor=vendor,
            base_fee=Decimal(base_fee),
            fee_per_kg=Decimal(per_kg),
            free_above=Decimal(free_above) if free_above is not None else None,
            days_min=days_min,
            days_max=days_max,
        )
        set_count += 1
    return set_count
