"""Synthetic but plausible producers and products for scale work (`seed_demo --products N`).

Product i is drawn from its own seeded generator, so it is the same on every run and the
UPC "SYN-<i>" is enough to skip it the next time. Rows are written with bulk_create.
"""

import random
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.models import Category, Commune, OcopCertificate, Product, default_valid_until
from catalogue.text import slugify_vietnamese
from shop.demo import images
from shop.demo.data import tax_code
from shop.demo.loader import issuer_for, vendor_logo_ensure
from vendors.models import Vendor
from vendors.services import vendor_upsert

ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

UPC_PREFIX = "SYN-"
BATCH_SIZE = 1000
CERTIFIED_SHARE = 0.8
# Nationally about 0.7% of certified products hold 5★ (126 of 17,068 in July 2025).
STAR_WEIGHTS = ((3, 69), (4, 30), (5, 1))
OUT_OF_STOCK_SHARE = 0.06

MOUNTAINS = {
    "Cao Bằng", "Tuyên Quang", "Điện Biên", "Lai Châu", "Sơn La", "Lào Cai", "Thái Nguyên",
    "Lạng Sơn", "Quảng Ninh", "Phú Thọ",
}  # fmt: skip
RED_RIVER = {"Hà Nội", "Bắc Ninh", "Hải Phòng", "Hưng Yên", "Ninh Bình", "Phú Thọ"}
CENTRAL = {"Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi"}
COAST = {
    "Quảng Ninh", "Hải Phòng", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế", "Đà Nẵng",
    "Quảng Ngãi", "Khánh Hòa", "An Giang", "Cà Mau",
}  # fmt: skip
HIGHLANDS = {"Gia Lai", "Đắk Lắk", "Lâm Đồng"}
MEKONG = {"Cần Thơ", "An Giang", "Đồng Tháp", "Vĩnh Long", "Cà Mau", "Tây Ninh", "Đồng Nai"}
ANYWHERE: set[str] = set()  # empty: every province


@dataclass(frozen=True)
class Template:
    """A kind of product: its OCOP set, pack sizes (label, price factor), price band in VND."""

    key: str
    ocop_code: str
    name: str
    sizes: tuple[tuple[str, float], ...]
    price: tuple[int, int]
    shape: str
    colour: str
    provinces: frozenset[str]
    blurb: str
    weight: int = 3


def _t(key, code, name, sizes, price, shape, colour, provinces, blurb, weight=3) -> Template:
    return Template(
        key, code, name, sizes, price, shape, colour, frozenset(provinces), blurb, weight
    )


KG = (("1kg", 1.0),)
HALF_KG = (("500g", 1.0), ("1kg", 1.9))
BOTTLE = (("500ml", 1.0), ("1 lít", 1.8))

# fmt: off
TEMPLATES: list[Template] = [
    _t("cam", "I.1.a", "Cam sành", (("thùng 5kg", 1.0),), (120_000, 220_000), "crate",
       "#e08a1e", MOUNTAINS | CENTRAL, "Quả mọng nước, vị ngọt đậm pha chua nhẹ."),
    _t("buoi", "I.1.a", "Bưởi da xanh", (("2 quả", 1.0),), (90_000, 160_000), "crate",
       "#6f9a3a", MEKONG, "Múi hồng, ráo nước, ngọt thanh."),
    _t("man", "I.1.a", "Mận hậu", (("thùng 3kg", 1.0),), (90_000, 160_000), "crate",
       "#7a2f5a", MOUNTAINS, "Quả giòn, chua ngọt, hái khi vừa chín tới."),
    _t("khoai", "I.1.a", "Khoai lang mật", (("túi 3kg", 1.0),), (60_000, 110_000), "crate",
       "#8a3d4a", HIGHLANDS | CENTRAL, "Nướng lên chảy mật, dẻo và thơm."),
    _t("trung", "I.1.b", "Trứng gà đồi", (("hộp 10 quả", 1.0),), (35_000, 60_000), "crate",
       "#e8d2b0", ANYWHERE, "Gà thả đồi, ăn ngô và thóc, trứng lòng đỏ sẫm."),
    _t("nep", "I.2.a", "Gạo nếp cái hoa vàng", (("túi 2kg", 1.0), ("túi 5kg", 2.3)),
       (70_000, 110_000), "sack", "#f3ecd8", RED_RIVER, "Hạt tròn mẩy, đồ xôi dẻo và thơm.", 4),
    _t("gao", "I.2.a", "Gạo thơm", (("túi 2kg", 1.0), ("túi 5kg", 2.3)), (55_000, 90_000),
       "sack", "#eee6d0", RED_RIVER | MEKONG, "Cơm mềm, thơm nhẹ, để nguội không cứng.", 5),
    _t("gaolut", "I.2.a", "Gạo lứt đỏ", KG, (50_000, 80_000), "sack", "#b0564a",
       MOUNTAINS | MEKONG, "Giữ nguyên cám gạo, nấu lâu hơn gạo trắng."),
    _t("lac", "I.2.a", "Lạc đỏ", KG, (70_000, 110_000), "sack", "#9b2c2c", MOUNTAINS,
       "Hạt nhỏ, vỏ lụa đỏ, rang lên giòn béo."),
    _t("matong", "I.2.b", "Mật ong rừng", (("500ml", 1.0), ("1 lít", 1.9)), (200_000, 350_000),
       "jar", "#c9831f", MOUNTAINS | HIGHLANDS, "Mật sánh, màu hổ phách, không pha đường.", 6),
    _t("matongcaphe", "I.2.b", "Mật ong hoa cà phê", (("500ml", 1.0),), (160_000, 260_000),
       "jar", "#b56a1a", HIGHLANDS, "Mật thu vào mùa hoa cà phê, thơm nhẹ, hơi đắng hậu."),
    _t("matongnhan", "I.2.b", "Mật ong hoa nhãn", (("500ml", 1.0),), (150_000, 250_000), "jar",
       "#d49a2a", RED_RIVER, "Mật vàng sáng, thơm mùi hoa nhãn."),
    _t("mien", "I.3.b", "Miến dong", HALF_KG, (60_000, 110_000), "noodles", "#b89a6a",
       MOUNTAINS, "Sợi làm từ tinh bột dong riềng, dai và không nát.", 5),
    _t("bun", "I.3.b", "Bún khô", (("500g", 1.0),), (30_000, 55_000), "noodles", "#efe6d2",
       RED_RIVER | MEKONG, "Sợi bún phơi khô, trụng nước sôi là dùng được."),
    _t("pho", "I.3.b", "Phở khô", (("500g", 1.0),), (35_000, 60_000), "noodles", "#f2ead8",
       RED_RIVER, "Bánh phở tráng mỏng, phơi khô, giữ được lâu."),
    _t("banhchung", "I.3.b", "Bánh chưng", (("chiếc 1kg", 1.0),), (60_000, 100_000), "parcels",
       "#3f6b2a", RED_RIVER | MOUNTAINS, "Gạo nếp, đậu xanh, thịt lợn gói lá dong, luộc mười giờ."),
    _t("mang", "I.3.c", "Măng khô", (("500g", 1.0),), (150_000, 300_000), "pouch", "#9c7a3c",
       MOUNTAINS, "Măng rừng luộc chín rồi phơi khô, ngâm mềm trước khi nấu.", 4),
    _t("mutgung", "I.3.c", "Mứt gừng", (("hộp 300g", 1.0),), (60_000, 110_000), "jar",
       "#d6b05a", RED_RIVER | CENTRAL, "Gừng non sên đường, cay ấm, dẻo."),
    _t("chuoi", "I.3.c", "Chuối sấy dẻo", (("500g", 1.0),), (60_000, 100_000), "pouch",
       "#c89a3a", MEKONG | CENTRAL, "Chuối chín sấy lạnh, không thêm đường."),
    _t("omai", "I.3.c", "Ô mai mơ", (("hộp 300g", 1.0),), (70_000, 130_000), "jar", "#b4532a",
       RED_RIVER, "Mơ ngâm đường và gừng, chua ngọt, cay nhẹ."),
    _t("thittrau", "I.3.d", "Thịt trâu gác bếp", (("500g", 1.0),), (400_000, 650_000), "tray",
       "#4b2418", MOUNTAINS, "Thịt trâu ướp mắc khén, hun khói trên gác bếp.", 4),
    _t("chamuc", "I.3.d", "Chả mực", (("500g", 1.0),), (250_000, 380_000), "tray", "#e8d9b0",
       COAST, "Mực tươi giã tay, chiên vàng, giòn và dai."),
    _t("cakho", "I.3.d", "Cá cơm khô", (("500g", 1.0),), (120_000, 220_000), "tray", "#c8b48a",
       COAST, "Cá cơm phơi nắng biển, rim hoặc chiên giòn."),
    _t("lapxuong", "I.3.d", "Lạp xưởng", (("500g", 1.0),), (120_000, 190_000), "tray",
       "#9b2a2a", MEKONG | RED_RIVER, "Thịt nạc và mỡ phơi khô, ngọt vừa."),
    _t("nuocmam", "I.4.a", "Nước mắm cá cơm", BOTTLE, (70_000, 150_000), "bottle", "#8a4a1c",
       COAST, "Ủ chượp cá cơm và muối trong thùng gỗ hơn một năm.", 5),
    _t("tuong", "I.4.a", "Tương nếp", (("500ml", 1.0),), (35_000, 60_000), "bottle", "#8a5a1c",
       RED_RIVER, "Tương ủ từ xôi nếp và đậu tương, phơi nắng nhiều tháng."),
    _t("muoitom", "I.4.b", "Muối tôm", (("hũ 200g", 1.0),), (30_000, 55_000), "jar", "#d8572a",
       HIGHLANDS | CENTRAL, "Muối rang cùng tôm khô, ớt và tỏi."),
    _t("packhen", "I.4.b", "Hạt mắc khén", (("100g", 1.0),), (50_000, 90_000), "pouch",
       "#5a3a2a", MOUNTAINS, "Gia vị của người Thái, thơm tê, dùng ướp nướng."),
    _t("nghe", "I.4.b", "Bột nghệ", (("200g", 1.0),), (60_000, 110_000), "pouch", "#e3a11a",
       CENTRAL | MOUNTAINS, "Nghệ vàng sấy khô, xay mịn."),
    _t("tieu", "I.4.b", "Hạt tiêu đen", (("250g", 1.0),), (60_000, 110_000), "pouch",
       "#2d2a26", HIGHLANDS | MEKONG, "Hạt chắc, cay nồng, phơi đủ nắng."),
    _t("shan", "I.5.a", "Chè Shan tuyết", (("200g", 1.0),), (180_000, 400_000), "tea_box",
       "#3d6b35", MOUNTAINS, "Búp chè từ cây cổ thụ trên núi cao, nước vàng sánh.", 5),
    _t("chexanh", "I.5.a", "Chè xanh", (("200g", 1.0),), (90_000, 180_000), "tea_box",
       "#4f7a3a", MOUNTAINS | CENTRAL | HIGHLANDS, "Chè sao sấy, chát dịu, ngọt hậu.", 4),
    _t("trahoavang", "I.5.b", "Trà hoa vàng", (("hộp 50g", 1.0),), (300_000, 500_000),
       "tea_box", "#c99a12", MOUNTAINS, "Bông hoa sấy lạnh, nước vàng trong."),
    _t("trasen", "I.5.b", "Trà túi lọc lá sen", (("hộp 20 túi", 1.0),), (40_000, 70_000),
       "tea_box", "#6b8f3a", RED_RIVER | MEKONG, "Lá sen sao khô, pha nước nóng uống thay trà."),
    _t("robusta", "I.6", "Cà phê Robusta rang mộc", (("500g", 1.0),), (130_000, 200_000),
       "coffee_bag", "#3b2418", HIGHLANDS, "Rang mộc, không tẩm, đậm và đắng.", 5),
    _t("arabica", "I.6", "Cà phê Arabica", (("250g", 1.0), ("500g", 1.9)), (120_000, 240_000),
       "coffee_bag", "#4a2c1c", HIGHLANDS | {"Sơn La", "Điện Biên", "Quảng Trị"},
       "Hái quả chín, sơ chế ướt, hương trái cây."),
    _t("cacao", "I.6", "Ca cao nguyên chất", (("250g", 1.0),), (110_000, 180_000), "coffee_bag",
       "#5a3220", HIGHLANDS | MEKONG, "Bột ca cao từ hạt lên men, không đường."),
    _t("ruoungo", "II.1.a", "Rượu ngô men lá", BOTTLE, (70_000, 140_000), "bottle", "#e3e8ea",
       MOUNTAINS, "Ngô nương ủ men lá, chưng cất trên bếp củi.", 4),
    _t("ruounep", "II.1.a", "Rượu nếp cái hoa vàng", (("500ml", 1.0),), (80_000, 150_000),
       "bottle", "#efe6c8", RED_RIVER, "Rượu trong, êm, thơm mùi nếp."),
    _t("taomeo", "II.1.b", "Rượu táo mèo", (("500ml", 1.0),), (100_000, 180_000), "bottle",
       "#8a3a2a", MOUNTAINS, "Táo mèo rừng ngâm rượu, màu hổ phách, chát nhẹ."),
    _t("ruousim", "II.1.b", "Rượu sim", (("500ml", 1.0),), (120_000, 200_000), "bottle",
       "#4a1a3a", COAST, "Quả sim chín lên men, ngọt và chát dịu."),
    _t("chanhleo", "II.2.b", "Siro chanh leo", (("500ml", 1.0),), (60_000, 110_000), "bottle",
       "#e0a02a", HIGHLANDS | MOUNTAINS, "Pha với nước lạnh, chua thơm."),
    _t("atiso", "III.1", "Cao atiso", (("hũ 200g", 1.0),), (150_000, 280_000), "jar",
       "#2e3a1a", HIGHLANDS | MOUNTAINS, "Cao đặc từ thân, lá, hoa atiso."),
    _t("tinhnghe", "III.1", "Viên tinh nghệ mật ong", (("hũ 300g", 1.0),), (150_000, 260_000),
       "jar", "#e3a11a", ANYWHERE, "Tinh bột nghệ viên với mật ong."),
    _t("xaphong", "III.2", "Xà phòng thảo dược", (("bánh 100g", 1.0),), (40_000, 70_000),
       "soap", "#efe0b0", ANYWHERE, "Nấu thủ công từ dầu thực vật và thảo mộc."),
    _t("boket", "III.2", "Dầu gội bồ kết", (("300ml", 1.0),), (70_000, 130_000), "bottle",
       "#4a3a2a", ANYWHERE, "Nấu từ bồ kết, hương nhu, vỏ bưởi."),
    _t("tinhdauque", "III.3", "Tinh dầu quế", (("50ml", 1.0),), (100_000, 180_000), "vial",
       "#8a4b1c", MOUNTAINS | CENTRAL, "Cất từ vỏ và lá quế, thơm ấm.", 4),
    _t("tinhdausa", "III.3", "Tinh dầu sả chanh", (("50ml", 1.0),), (70_000, 130_000), "vial",
       "#9aa63a", ANYWHERE, "Mùi sả tươi, xua muỗi, khử mùi."),
    _t("tinhdautram", "III.3", "Tinh dầu tràm", (("50ml", 1.0),), (70_000, 130_000), "vial",
       "#6a8a5a", CENTRAL, "Cất từ lá tràm gió, dùng xoa ấm cho trẻ nhỏ."),
    _t("linhchi", "III.3", "Nấm linh chi khô", (("500g", 1.0),), (350_000, 700_000), "pouch",
       "#8a3a1a", ANYWHERE, "Nấm thái lát, sấy khô, sắc nước uống."),
    _t("binhgom", "IV.1", "Bình gốm", (("cao 25cm", 1.0),), (250_000, 600_000), "vase",
       "#d8ccb0", RED_RIVER | CENTRAL, "Tạo dáng trên bàn xoay, nung củi."),
    _t("amchen", "IV.1", "Bộ ấm chén gốm", (("6 chén", 1.0),), (350_000, 800_000), "teapot",
       "#2f4f8f", RED_RIVER | CENTRAL, "Men lam vẽ tay, dùng được với nước sôi."),
    _t("gio", "IV.1", "Giỏ mây tre đan", (("cỡ vừa", 1.0),), (120_000, 350_000), "basket",
       "#b88a4e", ANYWHERE, "Đan tay từ mây và tre đã xử lý chống mốc.", 4),
    _t("thocam", "IV.2", "Khăn thổ cẩm", (("180×40cm", 1.0),), (150_000, 320_000), "scarf",
       "#8a2a3a", MOUNTAINS | HIGHLANDS, "Dệt tay trên khung gỗ, hoa văn truyền thống."),
    _t("lua", "IV.2", "Khăn lụa tơ tằm", (("180×55cm", 1.0),), (250_000, 450_000), "scarf",
       "#a3324a", RED_RIVER | HIGHLANDS, "Lụa mềm, mát, nhuộm màu tự nhiên."),
    _t("lan", "V.1", "Lan hồ điệp", (("chậu 2 cành", 1.0),), (450_000, 800_000), "orchid",
       "#c2548a", HIGHLANDS | RED_RIVER, "Trồng trong nhà kính, hoa bền nhiều tuần.", 2),
    _t("bonsai", "V.2", "Bonsai sam hương", (("mini", 1.0),), (300_000, 700_000), "bonsai",
       "#3f6e3a", ANYWHERE, "Uốn dáng từ nhỏ, hợp đặt bàn làm việc.", 2),
]
# fmt: on

# One or two producers per province; more where OCOP products are many.
_EXTRA_PROVINCES = [
    "Quảng Ninh", "Hà Nội", "Điện Biên", "Lào Cai", "Sơn La", "Thái Nguyên", "Nghệ An",
    "Thanh Hóa", "Lâm Đồng", "Đắk Lắk", "Đồng Tháp", "An Giang", "Hưng Yên", "Tuyên Quang",
]  # fmt: skip
_HTX_NAMES = (
    "Hợp tác xã Nông nghiệp {}",
    "Hợp tác xã Dịch vụ tổng hợp {}",
    "Hợp tác xã Nông sản sạch {}",
)
_DN_NAMES = ("Công ty TNHH Đặc sản {}", "Công ty Cổ phần Nông sản {}", "Công ty TNHH Thực phẩm {}")
_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Lò", "Hà", "Triệu", "Vi")
_MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc")
_GIVEN = ("An", "Bình", "Chiến", "Dung", "Hải", "Hồng", "Khánh", "Lan", "Long", "Mai", "Nam",
          "Phúc", "Quân", "Sơn", "Thảo", "Tuấn", "Xuân", "Yến")  # fmt: skip
# Three in ten cooperatives, enterprises and households each; one in ten cooperative groups.
_KIND_CYCLE = ("htx", "dn", "hkd", "htx", "dn", "hkd", "htx", "dn", "hkd", "tht")


def _lower_first(text: str) -> str:
    """A place named mid-sentence: "Xã Quảng Hà" -> "xã Quảng Hà"."""
    return text[:1].lower() + text[1:]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


def _synthetic_tax_code(n: int) -> str:
    # "99" is no province's prefix, so these never pass for a real producer's code.
    for suffix in range(10):
        try:
            return tax_code(f"99{n:06d}{suffix}")
        except ValueError:
            continue
    raise ValueError(n)


def _rural_communes() -> dict[str, list[Commune]]:
    by_province: dict[str, list[Commune]] = {}
    communes = Commune.objects.filter(kind=Commune.Kind.COMMUNE).select_related("province")
    for commune in communes.order_by("code"):
        if not any(ch.isdigit() for ch in commune.short_name):
            by_province.setdefault(commune.province.short_name, []).append(commune)
    return by_province


def synthetic_vendors_ensure(*, draw_logos: bool = True, count: int = 0) -> list[Vendor]:
    """A few dozen producers across all 34 provinces, each in one rural commune; with `count`
    larger than that, more of them, dealt round the provinces in the same order."""
    communes = _rural_communes()
    provinces = sorted(communes) + _EXTRA_PROVINCES
    more = max(0, count - len(provinces))
    provinces += [sorted(communes)[i % len(communes)] for i in range(more)]
    vendors: list[int] = []
    for n, province in enumerate(provinces, start=1):
        rng = random.Random(f"vendor-{n}")
        choices = communes[province]
        commune = choices[zlib.crc32(f"{province}-{n}".encode()) % len(choices)]
        kind = _KIND_CYCLE[n % len(_KIND_CYCLE)]
        person = _person(rng)
        legal_name = {
            "htx": rng.choice(_HTX_NAMES).format(commune.short_name),
            "dn": rng.choice(_DN_NAMES).format(commune.short_name),
            "hkd": f"Hộ kinh doanh {person}",
            "tht": f"Tổ hợp tác sản xuất {commune.short_name}",
        }[kind]
        vendor = vendor_upsert(
            legal_name=legal_name,
            kind=kind,
            tax_code=_synthetic_tax_code(n),
            commune=commune,
            contact_name=person,
            phone=f"0987{n:06d}",
            email=f"syn{n:03d}@ocop.example",
            slug=f"syn-{n:02d}-{slugify_vietnamese(legal_name)}"[:96],
            story=(
                f"Chủ thể OCOP ở {_lower_first(commune.name)}, {commune.province.short_name}, "
                "làm đặc sản của địa phương từ nguyên liệu trong vùng. Dữ liệu mẫu dùng để thử tải."
            ),
            status=Vendor.Status.APPROVED,
        )
        if draw_logos:
            vendor_logo_ensure(vendor)
        vendors.append(vendor.pk)
    return list(Vendor.objects.filter(pk__in=vendors).select_related("commune__province"))


def shared_images_ensure() -> dict[str, str]:
    """One packshot per template, shared by every synthetic product of that template."""
    paths = {}
    for template in TEMPLATES:
        name = f"catalogue/demo/shared/{template.key}.jpg"
        if not default_storage.exists(name):
            data = images.packshot(
                shape=template.shape,
                colour=template.colour,
                kind=template.ocop_code,
                seed=template.key,
            )
            name = default_storage.save(name, ContentFile(data))
        paths[template.key] = name
    return paths


def upc(index: int) -> str:
    return f"{UPC_PREFIX}{index:06d}"


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class _Planned:
    product: Product
    price: Decimal
    stock: int
    category: Category
    template: Template
    certificate: OcopCertificate | None


def _plan(
    index: int,
    *,
    today: date,
    product_class,
    categories: dict[str, Category],
    vendors_for: Callable[[Template], list[Vendor]],
) -> _Planned:
    rng = random.Random(index)
    template = rng.choices(TEMPLATES, weights=[t.weight for t in TEMPLATES])[0]
    vendor = rng.choice(vendors_for(template))
    commune = vendor.commune
    size, factor = rng.choice(template.sizes)
    title = f"{template.name} {commune.short_name} {size}"
    low, high = template.price
    price = Decimal(max(10_000, round(rng.randint(low, high) * factor / 5_000) * 5_000))
    stock = 0 if rng.random() < OUT_OF_STOCK_SHARE else rng.randint(3, 200)
    product = Product(
        upc=upc(index),
        title=title,
        slug=slugify_vietnamese(title),
        description=(
            f"{template.blurb} Sản phẩm của {vendor.legal_name} ở {_lower_first(commune.name)}, "
            f"{commune.province.short_name}. Quy cách: {size}."
        ),
        structure=Product.STANDALONE,
        is_public=True,
        product_class=product_class,
        vendor=vendor,
        origin_commune=commune,
    )
    certificate = None
    if rng.random() < CERTIFIED_SHARE:
        stars = rng.choices([s for s, _ in STAR_WEIGHTS], weights=[w for _, w in STAR_WEIGHTS])[0]
        # Within the last 35 months: still valid today.
        issued_on = today - timedelta(days=rng.randint(15, 1_060))
        kind, issuer, suffix = issuer_for(
            stars=stars, issued_on=issued_on, province=commune.province
        )
        certificate = OcopCertificate(
            stars=stars,
            certificate_number=f"{UPC_PREFIX}OCOP-{index:06d}",
            decision_number=f"{rng.randint(100, 4_999)}/{suffix}",
            issuer_kind=kind,
            issuer_name=issuer,
            issued_on=issued_on,
            # bulk_create skips save(), which would fill this in.
            valid_until=default_valid_until(issued_on),
            # Generated by the platform itself, so counted like staff-entered rows.
            verified_at=timezone.now(),
        )
    return _Planned(product, price, stock, categories[template.ocop_code], template, certificate)


def synthetic_products_create(
    *,
    count: int,
    product_class,
    categories: dict[str, Category],
    vendors: list[Vendor],
    image_paths: dict[str, str] | None = None,
    progress: Callable[[int], None] = lambda n: None,
) -> int:
    """Create synthetic products 1..count that do not exist yet; returns how many were new."""
    today = timezone.localdate()
    existing = set(Product.objects.filter(upc__startswith=UPC_PREFIX).values_list("upc", flat=True))
    todo = [i for i in range(1, count + 1) if upc(i) not in existing]
    progress(count - len(todo))

    regional: dict[str, list[Vendor]] = {}

    def vendors_for(template: Template) -> list[Vendor]:
        if template.key not in regional:
            local = [v for v in vendors if v.commune.province.short_name in template.provinces]
            regional[template.key] = local or vendors
        return regional[template.key]

    for batch in _chunks(todo, BATCH_SIZE):
        planned = [
            _plan(
                i,
                today=today,
                product_class=product_class,
                categories=categories,
                vendors_for=vendors_for,
            )
            for i in batch
        ]
        with transaction.atomic():
            _write(planned, image_paths)
        progress(len(batch))
    _refresh_category_view()
    return len(todo)


def _write(planned: list[_Planned], image_paths: dict[str, str] | None) -> None:
    products = Product.objects.bulk_create([p.product for p in planned])
    if products and products[0].pk is None:
        # Databases that cannot return keys from a bulk insert: read them back by UPC.
        ids = dict(
            Product.objects.filter(upc__in=[p.upc for p in products]).values_list("upc", "id")
        )
        for product in products:
            product.pk = ids[product.upc]
    StockRecord.objects.bulk_create(
        StockRecord(
            product=p.product,
            partner_id=p.product.vendor.partner_id,
            partner_sku=p.product.upc,
            price=p.price,
            price_currency="VND",
            num_in_stock=p.stock,
        )
        for p in planned
    )
    ProductCategory.objects.bulk_create(
        ProductCategory(product=p.product, category=p.category) for p in planned
    )
    certificates = []
    for p in planned:
        if p.certificate is not None:
            p.certificate.product = p.product
            certificates.append(p.certificate)
    OcopCertificate.objects.bulk_create(certificates)
    if image_paths:
        ProductImage.objects.bulk_create(
            ProductImage(
                product=p.product,
                original=image_paths[p.template.key],
                caption=p.product.title,
                display_order=0,
            )
            for p in planned
        )


def _refresh_category_view() -> None:
    # bulk_create sends no signals: refresh Oscar's PostgreSQL view ourselves when it is on.
    from oscar.checks import use_productcategory_materialised_view

    if use_productcategory_materialised_view():
        with connection.cursor() as cursor:
            cursor.execute("REFRESH MATERIALIZED VIEW catalogue_product_category_hierarchy;")


__all__ = [
    "TEMPLATES",
    "UPC_PREFIX",
    "shared_images_ensure",
    "synthetic_products_create",
    "synthetic_vendors_ensure",
    "upc",
]
