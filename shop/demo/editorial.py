"""Demo editorial content: region pages of the demo provinces and stories about their
products, in Vietnamese, with drawn images. Safe to run again: pages that exist are kept."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images.models import Image

from catalogue.models import Product, Province
from catalogue.text import slugify_vietnamese
from cms.models import HomePage, RegionPage, StoryPage
from cms.services import MODERATORS, editorial_groups_ensure, home_page_ensure, section_pages_ensure
from shop.demo import scenes
from vendors.models import Vendor

MODERATOR = ("moderator", "moderator@ocop.local", "ocop-moderator-2026")

# What each kind of scene shows, for the pictures' alternative text: (Vietnamese, English).
SCENE_WORDS = {
    "terraces": ("Ruộng bậc thang", "Rice terraces"),
    "forest": ("Đồi rừng thông", "Pine-forested hills"),
    "tea": ("Đồi chè", "Tea hills"),
    "river": ("Thung lũng ven sông", "A river valley"),
    "karst": ("Núi đá vôi bên mặt nước", "Limestone peaks over the water"),
    "coast": ("Bờ biển và rừng ngập mặn", "The coast and its mangroves"),
    "delta": ("Kênh rạch miền sông nước", "Canals of the delta"),
    "village": ("Làng quê bên ao", "A village by its pond"),
    "orchard": ("Vườn cây ăn quả trên đồi", "Fruit orchards on the hills"),
    "ban": ("Hoa ban nở trên núi", "Ban flowers on the mountains"),
    "apiary": ("Đàn ong bên bìa rừng", "Beehives at the forest edge"),
    "drying": ("Phơi miến trên giàn tre", "Noodles drying on bamboo racks"),
    "highland": (
        "Nhà kính và vườn hoa cao nguyên",
        "Greenhouses and flower fields of the highlands",
    ),
}

# The look of each province's countryside. A province missing here (none today) gets one
# chosen from its name, so it still has a picture of its own.
PROVINCE_SCENES = {
    "Hà Nội": "village",
    "Cao Bằng": "karst",
    "Tuyên Quang": "terraces",
    "Điện Biên": "ban",
    "Lai Châu": "terraces",
    "Sơn La": "tea",
    "Lào Cai": "terraces",
    "Thái Nguyên": "tea",
    "Lạng Sơn": "karst",
    "Quảng Ninh": "forest",
    "Bắc Ninh": "orchard",
    "Phú Thọ": "forest",
    "Hải Phòng": "coast",
    "Hưng Yên": "river",
    "Ninh Bình": "karst",
    "Thanh Hóa": "coast",
    "Nghệ An": "forest",
    "Hà Tĩnh": "coast",
    "Quảng Trị": "forest",
    "Huế": "river",
    "Đà Nẵng": "coast",
    "Quảng Ngãi": "coast",
    "Gia Lai": "forest",
    "Khánh Hòa": "coast",
    "Đắk Lắk": "forest",
    "Lâm Đồng": "highland",
    "Đồng Nai": "forest",
    "Hồ Chí Minh": "river",
    "Tây Ninh": "village",
    "Đồng Tháp": "delta",
    "Vĩnh Long": "delta",
    "An Giang": "delta",
    "Cần Thơ": "delta",
    "Cà Mau": "coast",
}


def province_scene(short_name: str) -> str:
    if short_name in PROVINCE_SCENES:
        return PROVINCE_SCENES[short_name]
    kinds = sorted(SCENE_WORDS)
    return kinds[sum(map(ord, short_name)) % len(kinds)]


def _image(title: str, kind: str, seed: str) -> Image:
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = scenes.landscape(kind=kind, seed=seed)
    file = ImageFile(io.BytesIO(data), name=f"demo-{kind}-{slugify_vietnamese(seed)}.jpg")
    return Image.objects.create(title=title, file=file)


@dataclass(frozen=True)
class RegionSpec:
    province: str
    slug: str
    intro: str
    seasons: tuple[tuple[str, str, str], ...] = ()


REGIONS = (
    RegionSpec(
        "Quảng Ninh",
        "quang-ninh",
        "<p>Ở miền núi phía đông Quảng Ninh, Bình Liêu giáp biên giới, sống bằng đồi dong "
        "riềng, rừng sở và những đàn ong. Miến dong Bình Liêu mang nhãn hiệu chứng nhận; mật "
        "ong và dầu sở đang được đăng ký. Tỉnh gắn tem truy xuất có mã QR cho mọi sản phẩm "
        "OCOP.</p>",
        (
            ("Cuối năm", "Mùa làm miến", "Củ dong được dỡ vào mùa khô; cả bản phơi miến."),
            ("Mùa xuân", "Ong vào mùa hoa", "Các đàn ong theo hoa rừng, mật đầu mùa sóng sánh."),
        ),
    ),
    RegionSpec(
        "Điện Biên",
        "dien-bien",
        "<p>Điện Biên là xứ sở của hoa ban. Khi ban nở trắng các sườn núi, ong lấy mật, và "
        "mật ong hoa ban của Mường Phăng được công nhận OCOP 4 sao. Gạo, cà phê Mường Ảng và "
        "thịt gác bếp là những đặc sản khác của tỉnh.</p>",
        (("Tháng 3", "Hoa ban nở", "Mùa hoa ban cũng là mùa mật ong hoa ban."),),
    ),
    RegionSpec(
        "Bắc Ninh",
        "bac-ninh",
        "<p>Lục Nam, vùng đồi của tỉnh Bắc Giang cũ, nay thuộc Bắc Ninh, đang có thêm nhiều "
        "sản phẩm OCOP mới: long nhãn, bánh mật, nem chua. Vải thiều Lục Ngạn ở gần đó.</p>",
        (("Mùa hè", "Mùa vải và nhãn", "Quả chín rộ, các hộ sấy long nhãn và vải."),),
    ),
)


@dataclass(frozen=True)
class StorySpec:
    slug: str
    title: str
    intro: str
    province: str
    # The kinds of scene of its four pictures: the lead picture, the one in the text and the
    # two of the gallery. Four kinds, so no picture repeats another.
    scenes: tuple[str, str, str, str]
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...]
    quote: tuple[str, str]
    facts: tuple[tuple[str, str], ...]
    products: tuple[str, ...]
    producer: str
    cta: tuple[str, str, str]  # label, search words, minimum stars


STORIES = (
    StorySpec(
        "mien-dong-binh-lieu",
        "Miến dong Bình Liêu: sợi miến từ những đồi dong riềng",
        "Từ củ dong trên đồi đến sợi miến dai, trong: chuyện của một nghề cả bản cùng làm.",
        "Quảng Ninh",
        ("drying", "terraces", "village", "forest"),
        ("miến dong", "Bình Liêu"),
        (
            "Dong riềng được trồng trên các sườn đồi của Bình Liêu. Đến mùa dỡ củ, tinh bột "
            "được lọc, tráng thành bánh rồi thái sợi và phơi nắng.",
            "Miến dong Bình Liêu mang nhãn hiệu chứng nhận của địa phương. Mỗi gói bán ở đây "
            "đều có tem truy xuất, quét mã là thấy hợp tác xã, lô hàng và chứng nhận OCOP.",
        ),
        ("Sợi miến ngon là sợi miến được phơi đủ nắng.", "Một thành viên hợp tác xã"),
        (
            ("36 tháng", "hiệu lực một chứng nhận OCOP"),
            ("100%", "sản phẩm OCOP Quảng Ninh có tem truy xuất"),
        ),
        ("OCOP-BL-0001", "OCOP-BL-0002"),
        "htx-mien-dong-binh-lieu",
        ("Xem miến dong từ Quảng Ninh", "miến dong", ""),
    ),
    StorySpec(
        "mat-ong-binh-lieu",
        "Mật ong Bình Liêu và những đàn ong trên núi",
        "Ong nuôi theo mùa hoa rừng cho một thứ mật mà người Bình Liêu đang đăng ký nhãn hiệu.",
        "Quảng Ninh",
        ("forest", "terraces", "apiary", "village"),
        ("mật ong", "Bình Liêu"),
        (
            "Các đàn ong được đặt ở bìa rừng, nơi hoa nở nối tiếp nhau quanh năm. Người nuôi "
            "chỉ quay mật khi mật đã chín trong sáp.",
            "Ngoài mật nguyên chất, hợp tác xã còn làm gừng ngâm mật ong, món quen thuộc những "
            "ngày trời lạnh vùng biên.",
        ),
        ("Ong khỏe thì mật mới thơm.", "Người nuôi ong ở Lục Hồn"),
        (("3–5 sao", "mức sao được chứng nhận OCOP"),),
        ("OCOP-BL-0003", "OCOP-BL-0004"),
        "htx-ong-mat-luc-hon",
        ("Mật ong OCOP từ 3 sao", "mật ong", "3"),
    ),
    StorySpec(
        "dau-so-binh-lieu",
        "Dầu sở: hạt của rừng, giọt dầu của bản",
        "Cây sở cho hạt ép dầu vàng trong; tổ hợp tác ở Hoành Mô giữ nghề ép dầu truyền thống.",
        "Quảng Ninh",
        ("terraces", "forest", "village", "river"),
        ("dầu sở", "Bình Liêu"),
        (
            "Hạt sở được nhặt khi quả nứt, phơi khô rồi ép. Dầu sở dùng để nấu ăn, và làm "
            "nguyên liệu cho xà phòng thủ công.",
            "“Dầu sở Bình Liêu” đang được đăng ký bảo hộ, để tên của vùng đi cùng sản phẩm.",
        ),
        ("Mỗi chai dầu là một mùa nhặt hạt.", "Tổ hợp tác dầu sở Hoành Mô"),
        (("36 tháng", "hiệu lực một chứng nhận OCOP"),),
        ("OCOP-BL-0005", "OCOP-BL-0006"),
        "tht-dau-so-hoanh-mo",
        ("Xem dầu sở và tinh dầu", "dầu", ""),
    ),
    StorySpec(
        "mat-ong-hoa-ban-dien-bien",
        "Mật ong hoa ban Điện Biên, sản phẩm OCOP 4 sao",
        "Khi hoa ban nở trắng núi rừng Tây Bắc, những đàn ong ở Mường Phăng bắt đầu mùa mật.",
        "Điện Biên",
        ("apiary", "ban", "terraces", "forest"),
        ("mật ong", "Điện Biên", "hoa ban"),
        (
            "Hoa ban nở vào khoảng tháng ba. Mật lấy từ mùa hoa này có vị thanh và màu sáng.",
            "Sản phẩm được công nhận OCOP 4 sao: điểm từ 70 đến 89 trên 100, đủ sức cạnh tranh "
            "trên thị trường cả nước.",
        ),
        ("Mùa ban nở là mùa cả bản lên rừng với ong.", "Hợp tác xã ong mật hoa ban Mường Phăng"),
        (("4★", "mức sao OCOP"), ("70–89", "điểm của sản phẩm 4 sao")),
        ("OCOP-DB-0014",),
        "htx-ong-mat-hoa-ban-muong-phang",
        ("Mật ong 4 sao từ Điện Biên", "mật ong", "4"),
    ),
    StorySpec(
        "luc-nam-san-pham-moi",
        "Lục Nam: những sản phẩm OCOP mới của vùng đồi",
        "Long nhãn, bánh mật, nem chua: các hộ và hợp tác xã Lục Nam đưa đặc sản quê lên kệ.",
        "Bắc Ninh",
        ("village", "orchard", "river", "terraces"),
        ("Lục Nam", "sản phẩm mới"),
        (
            "Sau khi sáp nhập, Lục Nam thuộc tỉnh Bắc Ninh. Giấy chứng nhận cũ vẫn ghi tỉnh "
            "Bắc Giang và còn hiệu lực đến hết thời hạn 36 tháng.",
            "Mỗi sản phẩm có một câu chuyện riêng: nhãn được sấy thành long nhãn, gạo nếp làm "
            "bánh mật, thịt lợn quê thành nem chua gói lá.",
        ),
        ("Sản phẩm quê mình, giờ người ở xa cũng mua được.", "Một hộ sản xuất ở Lục Nam"),
        (("3", "sản phẩm kể trong bài"),),
        ("OCOP-LN-0021", "OCOP-LN-0022", "OCOP-LN-0023"),
        "htx-nong-san-luc-son",
        ("Xem đặc sản Bắc Ninh", "", ""),
    ),
)


# English versions (wagtail.contrib.simple_translation copies, same addresses), by slug.
EN_STORIES = {
    "mien-dong-binh-lieu": (
        "Bình Liêu arrowroot noodles: threads from the arrowroot hills",
        "From the tuber on the hillside to a clear, springy noodle: "
        "a craft the whole village shares.",
        ("arrowroot noodles", "Bình Liêu"),
        (
            "Arrowroot grows on the slopes of Bình Liêu. At harvest the starch is washed out, "
            "spread into sheets, cut into threads and dried in the sun.",
            "Bình Liêu arrowroot noodles carry the district's certification mark. Every pack "
            "sold here has a traceability stamp: scan it to see the cooperative, the batch and "
            "the OCOP certificate.",
        ),
        ("Good noodles are noodles dried in enough sun.", "A cooperative member"),
        (
            ("36 months", "validity of an OCOP certificate"),
            ("100%", "of Quảng Ninh's OCOP products carry a traceability stamp"),
        ),
        "Arrowroot noodles from Quảng Ninh",
    ),
    "mat-ong-binh-lieu": (
        "Bình Liêu honey and the bees of the mountains",
        "Hives that follow the forest's flowering give a honey whose name is being registered.",
        ("honey", "Bình Liêu"),
        (
            "Hives stand at the forest edge, where one flowering follows another all year. "
            "Keepers only extract honey once it has ripened in the comb.",
            "Besides pure honey, the cooperative makes ginger in honey, a favourite on the cold "
            "days of the border hills.",
        ),
        ("Healthy bees make fragrant honey.", "A beekeeper in Lục Hồn"),
        (("3–5 stars", "OCOP ratings that are certified"),),
        "OCOP honey, 3 stars and up",
    ),
    "dau-so-binh-lieu": (
        "Camellia oil: a seed of the forest, a drop of the village",
        "Camellia seeds give a clear golden oil; a cooperative group in Hoành Mô "
        "keeps the old pressing craft.",
        ("camellia oil", "Bình Liêu"),
        (
            "Seeds are gathered when the fruit splits, dried and pressed. The oil is used for "
            "cooking and for handmade soap.",
            "“Dầu sở Bình Liêu” is being registered, so the place's name travels with the oil.",
        ),
        ("Every bottle is a season of gathering seeds.", "Hoành Mô camellia oil group"),
        (("36 months", "validity of an OCOP certificate"),),
        "Camellia oil and essential oils",
    ),
    "mat-ong-hoa-ban-dien-bien": (
        "Điện Biên Ban-flower honey, a 4-star OCOP product",
        "When the Ban flowers whiten the north-western hills, "
        "the bees of Mường Phăng begin their season.",
        ("honey", "Điện Biên", "Ban flower"),
        (
            "Ban flowers open around March. Honey from this season is light in taste and colour.",
            "The product is rated 4 OCOP stars: a score of 70 to 89 out of 100, strong enough "
            "to compete across the country.",
        ),
        (
            "When the Ban flowers open, the whole village goes up with the bees.",
            "Mường Phăng Ban-flower honey cooperative",
        ),
        (("4★", "OCOP rating"), ("70–89", "points of a 4-star product")),
        "4-star honey from Điện Biên",
    ),
    "luc-nam-san-pham-moi": (
        "Lục Nam: new OCOP products from the hills",
        "Dried longan, molasses cakes, fermented pork rolls: "
        "Lục Nam's households bring local specialities to the shelf.",
        ("Lục Nam", "new products"),
        (
            "Since the merger Lục Nam belongs to Bắc Ninh. Older certificates still name Bắc "
            "Giang province and stay valid for their 36 months.",
            "Each product has its story: longan dried into long nhãn, sticky rice made into "
            "molasses cakes, pork turned into nem chua wrapped in leaves.",
        ),
        (
            "Our village's products, now within reach of people far away.",
            "A household producer in Lục Nam",
        ),
        (("3", "products in this story"),),
        "Specialities of Bắc Ninh",
    ),
}
EN_REGIONS = {
    "quang-ninh": (
        "Quảng Ninh province",
        "<p>In the eastern mountains of Quảng Ninh, Bình Liêu lives from arrowroot, camellia "
        "forests and bees. Its arrowroot noodles carry a certification mark; its honey and "
        "camellia oil are being registered. Every OCOP product of the province carries a "
        "traceability stamp with a QR code.</p>",
    ),
    "dien-bien": (
        "Điện Biên province",
        "<p>Điện Biên is the land of the Ban flower. When it blooms, bees gather its nectar, "
        "and Mường Phăng's Ban-flower honey is rated 4 OCOP stars. Rice, Mường Ảng coffee and "
        "smoked pork are other specialities.</p>",
    ),
    "bac-ninh": (
        "Bắc Ninh province",
        "<p>Lục Nam, the hill country of former Bắc Giang, now part of Bắc Ninh, has new OCOP "
        "products: dried longan, molasses cakes and fermented pork rolls.</p>",
    ),
    "ha-noi": (
        "Hà Nội city",
        "<p>Around the capital, craft villages keep their trades: blue-glazed and crackle "
        "pottery from Bát Tràng, silk woven in Vạn Phúc, and essential oils distilled from "
        "pomelo peel and lemongrass in Phú Nghĩa.</p>",
    ),
    "can-tho": (
        "Cần Thơ city",
        "<p>In the Mekong delta, Mỹ Xuyên's fields grow rice and shrimp in turn. The ST25 rice "
        "from them, long-grained and scented like pandan, needs little chemical fertiliser.</p>",
    ),
    "hung-yen": (
        "Hưng Yên province",
        "<p>Hưng Yên is longan country: the old orchards of Hồng Nam ripen their fruit in July "
        "and August. Mỹ Hào keeps the recipe of Bần soybean sauce, ripened in jars in the "
        "sun.</p>",
    ),
    "lam-dong": (
        "Lâm Đồng province",
        "<p>The cool highland air of Đà Lạt suits flowers and plants: greenhouse orchids and "
        "small bonsai trees travel from here to homes across the country.</p>",
    ),
    "lang-son": (
        "Lạng Sơn province",
        "<p>On the northern border, Văn Quan's star anise dries red-brown in the sun, and "
        "Tràng Định cooks its grass jelly from a herb of the hills.</p>",
    ),
    "thai-nguyen": (
        "Thái Nguyên province",
        "<p>The tea hills of Tân Cương give one of Vietnam's best-known green teas, its young "
        "buds roasted and rolled by hand until they curl like small nails.</p>",
    ),
}
# The home page and the two section pages of the English site: written where the English copy
# still holds the Vietnamese text (or nothing), so an editor's English is never overwritten.
EN_HOME = {
    "hero_title": "OCOP specialities from every corner of rural Vietnam",
    "hero_text": "Buy straight from the cooperatives and family producers, every product "
    "certified by the OCOP programme with 3 to 5 stars.",
    "hero_cta_label": "Browse the products",
    "featured_heading": "Featured OCOP products",
    "stories_heading": "Stories from the countryside",
}
EN_SECTIONS = {"stories": "Regional stories", "regions": "Regions"}
VI_LABELS = {"facts": "Vài con số", "buy": "Mua tại chợ", "in": "ở"}
EN_LABELS = {"facts": "A few figures", "buy": "Buy at the market", "in": "in"}


def _scene_alt(kind: str, province: str, labels: dict[str, str]) -> str:
    words = SCENE_WORDS[kind][0 if labels is VI_LABELS else 1]
    return f"{words} {labels['in']} {province}"


def _province(short_name: str) -> Province:
    return Province.objects.get(short_name=short_name)


def _region_intro_for(province: Province) -> str:
    return (
        f"<p>Những sản phẩm OCOP của {province.name}, từ các hợp tác xã và hộ sản xuất "
        "trong tỉnh.</p>"
    )


def _story_body(spec: StorySpec, images: list[Image], labels=VI_LABELS) -> list[dict]:
    products = list(
        Product.objects.filter(upc__in=spec.products).values_list("pk", flat=True).order_by("upc")
    )
    producer = Vendor.objects.filter(slug=spec.producer).values_list("pk", flat=True).first()
    province = _province(spec.province)
    body: list[dict] = [{"type": "paragraph", "value": f"<p>{spec.paragraphs[0]}</p>"}]
    body.append(
        {
            "type": "image",
            "value": {
                "image": images[1].pk,
                "alt": _scene_alt(spec.scenes[1], spec.province, labels),
                "caption": spec.province,
            },
        }
    )
    body.append({"type": "heading", "value": spec.tags[0].capitalize()})
    body.append({"type": "paragraph", "value": f"<p>{spec.paragraphs[1]}</p>"})
    body.append({"type": "quote", "value": {"text": spec.quote[0], "attribution": spec.quote[1]}})
    body.append(
        {
            "type": "facts",
            "value": {
                "title": labels["facts"],
                "facts": [{"value": v, "label": label} for v, label in spec.facts],
            },
        }
    )
    if products:
        body.append({"type": "products", "value": {"heading": labels["buy"], "products": products}})
    if producer:
        body.append({"type": "producer", "value": {"producer": producer, "note": ""}})
    body.append(
        {
            "type": "gallery",
            "value": {
                "title": "",
                "images": [
                    {
                        "image": image.pk,
                        "alt": _scene_alt(kind, spec.province, labels),
                        "caption": "",
                    }
                    for image, kind in zip(images[2:], spec.scenes[2:], strict=True)
                ],
            },
        }
    )
    label, words, stars = spec.cta
    body.append(
        {
            "type": "call_to_action",
            "value": {"label": label, "text": words, "stars": stars, "province": province.code},
        }
    )
    return body


@transaction.atomic
def editorial_demo_ensure() -> tuple[int, int]:
    """Region pages of the demo provinces and the demo stories; (new regions, new stories)."""
    home = home_page_ensure()
    story_index, region_index = section_pages_ensure(home=home)
    editorial_groups_ensure(home=home)
    _moderator_ensure()

    new_regions = 0
    specs = {spec.province: spec for spec in REGIONS}
    provinces = Province.objects.filter(communes__vendors__status=Vendor.Status.APPROVED).distinct()
    for province in provinces.order_by("short_name"):
        spec = specs.get(province.short_name)
        slug = spec.slug if spec else province.slug
        if RegionPage.objects.filter(province=province).exists():
            continue
        kind = province_scene(province.short_name)
        image = _image(f"Phong cảnh {province.short_name}", kind, province.slug)
        region = RegionPage(
            title=province.name,
            slug=slug,
            province=province,
            hero_image=image,
            hero_image_alt=f"{SCENE_WORDS[kind][0]} ở {province.short_name} (tranh minh họa)",
            intro=spec.intro if spec else _region_intro_for(province),
            seasonal_highlights=[
                {"type": "highlight", "value": {"months": m, "title": t, "text": x}}
                for m, t, x in (spec.seasons if spec else ())
            ],
        )
        region_index.add_child(instance=region)
        region.save_revision().publish()
        new_regions += 1

    new_stories = 0
    for spec in STORIES:
        if StoryPage.objects.filter(slug=spec.slug).exists():
            continue
        images = [
            _image(f"{spec.title} ({n + 1})", kind, f"{spec.slug}-{n + 1}")
            for n, kind in enumerate(spec.scenes)
        ]
        story = StoryPage(
            title=spec.title,
            slug=spec.slug,
            intro=spec.intro,
            region=_province(spec.province),
            author="Ban biên tập Chợ OCOP",
            hero_image=images[0],
            hero_image_alt=f"Tranh minh họa: {spec.title}",
            body=_story_body(spec, images),
            live=False,
        )
        story_index.add_child(instance=story)
        story.tags.add(*spec.tags)
        story.save_revision().publish()
        new_stories += 1

    _home_features_ensure(home)
    _english_versions_ensure()
    return new_regions, new_stories


def _english_versions_ensure() -> None:
    """English copies of the demo regions and stories that have none yet."""
    from dataclasses import replace

    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    vietnamese = Locale.get_default()
    regions = RegionPage.objects.filter(locale=vietnamese).select_related("province")
    for region in regions.order_by("path"):
        if region.has_translation(english):
            continue
        title, intro = EN_REGIONS.get(region.slug) or _english_region_text(region.province)
        copy = region.copy_for_translation(english, copy_parents=True)
        copy.title, copy.intro, copy.seasonal_highlights = title, intro, []
        words = SCENE_WORDS[province_scene(region.province.short_name)][1]
        copy.hero_image_alt = f"{words} in {region.province.short_name} (illustration)"
        copy.save_revision().publish()
    specs = {spec.slug: spec for spec in STORIES}
    for slug, (title, intro, tags, paragraphs, quote, facts, cta) in EN_STORIES.items():
        story = StoryPage.objects.filter(slug=slug, locale=vietnamese).first()
        if story is None or story.has_translation(english):
            continue
        spec = replace(
            specs[slug],
            title=title,
            intro=intro,
            tags=tags,
            paragraphs=paragraphs,
            quote=quote,
            facts=facts,
            cta=(cta, *specs[slug].cta[1:]),
        )
        images = [image for image in _story_images(story)]
        copy = story.copy_for_translation(english, copy_parents=True)
        copy.title, copy.intro = title, intro
        copy.author = "Chợ OCOP editors"
        copy.hero_image_alt = f"Illustration: {title}"
        copy.body = _story_body(spec, images, labels=EN_LABELS)
        copy.save_revision().publish()
        copy.tags.set(tags)
        copy.save_revision().publish()
    _english_home_ensure(english=english, vietnamese=vietnamese)


def _english_region_text(province: Province) -> tuple[str, str]:
    """Title and introduction of a region page no story was written for."""
    kind = "city" if province.name.startswith("Thành phố") else "province"
    name = province.short_name
    return (
        f"{name} {kind}",
        f"<p>OCOP products of {name}, from the cooperatives and family producers of the "
        f"{kind}.</p>",
    )


def _english_home_ensure(*, english, vietnamese) -> None:
    """The English home page and the /stories/ and /regions/ pages in English: copies of the
    Vietnamese ones whose text is still the Vietnamese (or empty) get the English text."""
    home = HomePage.objects.filter(locale=vietnamese).first()
    if home is None:
        return
    home_en = home.get_translation_or_none(english)
    if home_en is None:
        home_en = home.copy_for_translation(english)
    _english_fields_write(home_en.specific, original=home, values=EN_HOME)
    for slug, title in EN_SECTIONS.items():
        section = home.get_children().filter(slug=slug).first()
        if section is None:
            continue
        translation = section.get_translation_or_none(english)
        if translation is None:
            translation = section.copy_for_translation(english, copy_parents=True)
        _english_fields_write(translation.specific, original=section, values={"title": title})


def _english_fields_write(page, *, original, values: dict[str, str]) -> None:
    if page.alias_of_id:
        # Wagtail makes the parents of a translated page aliases of the originals (exact
        # mirrors); a page with text of its own must first become a translation proper.
        from wagtail.actions.convert_alias import ConvertAliasPageAction

        ConvertAliasPageAction(page).execute(skip_permission_checks=True)
        page = type(page).objects.get(pk=page.pk)
    changed = [
        name
        for name, value in values.items()
        if getattr(page, name) in ("", getattr(original.specific, name)) and value
    ]
    if not changed and page.live:
        return
    for name in changed:
        setattr(page, name, values[name])
    page.save_revision().publish()


def _story_images(story: StoryPage) -> list[Image]:
    """The story's drawn images in the order the Vietnamese body uses them: the lead image,
    the one in the text, then the gallery's."""
    images = [story.hero_image]
    for block in story.body:
        if block.block_type == "image":
            images.append(block.value["image"])
        elif block.block_type == "gallery":
            images += [item["image"] for item in block.value["images"]]
    return images


def _home_features_ensure(home: HomePage) -> None:
    home = HomePage.objects.get(pk=home.pk)
    if len(home.featured_regions):
        return
    regions = RegionPage.objects.filter(slug__in=[spec.slug for spec in REGIONS])
    home.featured_regions = [{"type": "region", "value": region.pk} for region in regions]
    home.stories_heading = home.stories_heading or "Câu chuyện từ các vùng quê"
    home.save_revision().publish()


def _moderator_ensure() -> None:
    username, email, password = MODERATOR
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": email}
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
    user.groups.add(Group.objects.get(name=MODERATORS))
