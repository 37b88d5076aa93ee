"""The demo gift box: "Hộp quà Tết Bình Liêu", three Bình Liêu producers' products in one box,
each producer sending its own part."""

from decimal import Decimal

from django.db import transaction
from oscar.core.loading import get_model

from shop.gifts.models import GiftBox, GiftBoxItem
from shop.gifts.services import gift_box_publish

Product = get_model("catalogue", "Product")

TET_BOX_TITLE = "Hộp quà Tết Bình Liêu"
# (product title in shop.demo.data, quantity in one box)
TET_BOX_ITEMS = (
    ("Miến dong Bình Liêu 500g", 2),
    ("Mật ong Bình Liêu 500ml", 1),
    ("Dầu sở Bình Liêu 500ml", 1),
)
# 50.000 ₫ under the products bought one by one (800.000 ₫).
TET_BOX_PRICE = Decimal("750000")


@transaction.atomic
def demo_gift_box_ensure() -> GiftBox | None:
    """The box, made once (a box of that title is left as it is); None if the demo products
    it holds are missing."""
    existing = GiftBox.objects.filter(title=TET_BOX_TITLE).first()
    if existing is not None:
        return existing
    products = []
    for title, quantity in TET_BOX_ITEMS:
        product = Product.objects.filter(title=title).order_by("pk").first()
        if product is None:
            return None
        products.append((product, quantity))
    box = GiftBox.objects.create(
        title=TET_BOX_TITLE,
        description=(
            "Ba đặc sản OCOP của vùng cao Bình Liêu trong một hộp quà Tết: miến dong làm tay "
            "của người Tày, mật ong rừng Lục Hồn và dầu sở ép nguội Hoành Mô. Mỗi hợp tác xã "
            "gửi phần của mình tới người nhận, kèm lời chúc bạn viết."
        ),
        price=TET_BOX_PRICE,
        is_public=True,
    )
    for product, quantity in products:
        GiftBoxItem.objects.create(box=box, product=product, quantity=quantity)
    picture = products[0][0].primary_image()
    if getattr(picture, "original", None):
        box.image = picture.original.name
        box.save(update_fields=["image"])
    return gift_box_publish(box=box)
