"""Writes the demo catalogue of `data.py`; rows are looked up by natural key first (UPC, tax
code, certificate number, username), so loading twice creates nothing new."""

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group, Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.models import (
    Batch,
    Category,
    Commune,
    OcopCertificate,
    Product,
    Province,
    QualityMark,
)
from catalogue.services import (
    batch_create,
    certificate_add,
    certificate_revoke,
    product_season_set,
)
from catalogue.text import slugify_vietnamese
from catalogue.validators import DISTRICTS_ABOLISHED
from shop.demo import images
from shop.demo.data import MARKS, NOODLE_COOPERATIVE, ProductSpec, VendorSpec
from shop.demo.data_en import PRODUCT_ENGLISH
from vendors.models import Vendor
from vendors.services import vendor_member_add, vendor_upsert

ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

# On 1 March 2025 the agriculture ministry merged with the environment ministry.
MINISTRY_MERGED = date(2025, 3, 1)

KIND_COLOURS = {
    Vendor.Kind.COOPERATIVE: "#2e7d32",
    Vendor.Kind.COOPERATIVE_GROUP: "#00838f",
    Vendor.Kind.ENTERPRISE: "#1f3a68",
    Vendor.Kind.HOUSEHOLD: "#b4532a",
}
_LEGAL_PREFIXES = (
    "Hợp tác xã",
    "Tổ hợp tác",
    "Công ty TNHH",
    "Công ty Cổ phần",
    "Hộ kinh doanh",
)


# Shelf life in months by OCOP group prefix (longest prefix wins); None: goods that keep
# (crafts, ornamentals), whose batches carry no expiry date.
SHELF_LIFE_MONTHS: dict[str, int | None] = {
    "I.1": 1,
    "I.2.a": 12,
    "I.2.b": 24,
    "I.3": 12,
    "I.4": 24,
    "I.5": 18,
    "I.6": 12,
    "II": 36,
    "III": 24,
    "IV": None,
    "V": None,
    "VI": None,
}


@dataclass(frozen=True)
class DemoAccount:
    role: str
    username: str
    email: str
    password: str
    where: str


ADMIN = DemoAccount(
    "staff (superuser)",
    "admin",
    "admin@ocop.local",
    "ocop-admin-2026",
    "/dashboard/, /cms-admin/, /django-admin/",
)
VENDOR = DemoAccount(
    "producer (HTX Miến dong Bình Liêu)",
    "vendor",
    "vendor@ocop.local",
    "ocop-vendor-2026",
    "/dashboard/",
)
EDITOR = DemoAccount("editor", "editor", "editor@ocop.local", "ocop-editor-2026", "/cms-admin/")
ACCOUNTS = (ADMIN, VENDOR, EDITOR)


def categories_by_code() -> dict[str, Category]:
    return {c.ocop_code: c for c in Category.objects.exclude(ocop_code="")}


def commune_get(province: str, commune: str) -> Commune:
    return Commune.objects.select_related("province").get(
        province__short_name=province, short_name=commune
    )


def marks_ensure() -> dict[str, QualityMark]:
    marks = {}
    for spec in MARKS:
        mark, _ = QualityMark.objects.get_or_create(
            name=spec.name,
            kind=spec.kind,
            defaults={
                "holder": spec.holder,
                "registration_number": spec.registration_number,
                "is_registered": spec.is_registered,
            },
        )
        marks[spec.name] = mark
    return marks


def monogram(legal_name: str) -> str:
    """Two letters for a logo: the initials of the last two words after the legal form."""
    name = legal_name
    for prefix in _LEGAL_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    words = [w for w in name.split() if w[0].isalpha()]
    return "".join(w[0] for w in words[-2:]).upper() or "OC"


def vendor_logo_ensure(vendor: Vendor) -> None:
    if vendor.logo:
        return
    data = images.logo(initials=monogram(vendor.legal_name), colour=KIND_COLOURS[vendor.kind])
    vendor.logo = _file_replace(f"vendors/logos/{vendor.slug}.png", data)
    # Only the logo: a full save would also move updated_at.
    Vendor.objects.filter(pk=vendor.pk).update(logo=vendor.logo)


def _file_replace(name: str, data: bytes) -> str:
    # A fixed name per row: reloading after a database reset reuses the path, leaves no copies.
    if default_storage.exists(name):
        default_storage.delete(name)
    return default_storage.save(name, ContentFile(data))


def vendor_from_spec(spec: VendorSpec, *, draw_logo: bool = True) -> Vendor:
    vendor = vendor_upsert(
        legal_name=spec.legal_name,
        kind=spec.kind,
        tax_code=spec.tax_code,
        commune=commune_get(spec.province, spec.commune),
        contact_name=spec.contact_name,
        phone=spec.phone,
        email=spec.email,
        slug=spec.slug,
        street_address=spec.street_address,
        old_district=spec.old_district,
        story=spec.story,
        status=Vendor.Status.APPROVED,
    )
    if draw_logo:
        vendor_logo_ensure(vendor)
    return vendor


def issuer_for(
    *,
    stars: int,
    issued_on: date,
    province: Province,
    old_district: str = "",
    old_province: str = "",
) -> tuple[str, str, str]:
    """Who recognised a product on a day: (issuer kind, issuer name, decision suffix)."""
    if stars == 5:
        if issued_on >= MINISTRY_MERGED:
            return OcopCertificate.Issuer.NATIONAL, "Bộ Nông nghiệp và Môi trường", "QĐ-BNNMT"
        return (
            OcopCertificate.Issuer.NATIONAL,
            "Bộ Nông nghiệp và Phát triển nông thôn",
            "QĐ-BNN-VPĐP",
        )
    if issued_on < DISTRICTS_ABOLISHED and stars == 3 and old_district:
        return OcopCertificate.Issuer.DISTRICT, f"UBND {old_district}", "QĐ-UBND"
    if issued_on < DISTRICTS_ABOLISHED and old_province:
        return OcopCertificate.Issuer.PROVINCE, f"UBND {old_province}", "QĐ-UBND"
    name = province.name[0].lower() + province.name[1:]  # "Tỉnh Quảng Ninh" -> "tỉnh ..."
    return OcopCertificate.Issuer.PROVINCE, f"UBND {name}", "QĐ-UBND"


def packshot_for(spec: ProductSpec) -> bytes:
    """The product's picture: drawn from its kind (pack, colour, OCOP group) and its code,
    never from its name or description."""
    return images.packshot(
        shape=spec.shape,
        colour=spec.colour,
        kind=spec.ocop_code,
        seed=spec.upc,
    )


def _packshot_ensure(product: Product, *, spec: ProductSpec) -> None:
    if product.images.exists():
        return
    data = packshot_for(spec)
    name = _file_replace(f"catalogue/demo/{product.slug}.jpg", data)
    ProductImage.objects.create(product=product, original=name, caption=spec.title, display_order=0)


def product_from_spec(
    spec: ProductSpec,
    *,
    vendor: Vendor,
    vendor_spec: VendorSpec,
    product_class: "ProductClass",
    categories: dict[str, Category],
    marks: dict[str, QualityMark],
    draw_images: bool = True,
    today: date | None = None,
) -> bool:
    """Create the product with its stock, certificates, marks and packshot; True if new."""
    today = today or timezone.localdate()
    origin = commune_get(*spec.origin) if spec.origin else vendor.commune
    with transaction.atomic():
        product = Product.objects.filter(upc=spec.upc).first()
        created = product is None
        if created:
            product = Product.objects.create(
                upc=spec.upc,
                title=spec.title,
                slug=slugify_vietnamese(spec.title),
                description=spec.description,
                structure=Product.STANDALONE,
                is_public=True,
                product_class=product_class,
                vendor=vendor,
                origin_commune=origin,
            )
            product.categories.add(categories[spec.ocop_code])
        StockRecord.objects.get_or_create(
            partner=(product.vendor or vendor).partner,  # the product's producer holds its stock
            partner_sku=spec.upc,
            defaults={
                "product": product,
                "price": spec.price,
                "price_currency": "VND",
                "num_in_stock": spec.stock,
            },
        )
        for cert in spec.certificates:
            number = f"OCOP-{origin.province.code}-{cert.serial:04d}"
            if product.ocop_certificates.filter(certificate_number=number).exists():
                continue
            issued_on = today - relativedelta(months=cert.months_ago, days=cert.days_ago)
            kind, issuer, suffix = issuer_for(
                stars=cert.stars,
                issued_on=issued_on,
                province=origin.province,
                old_district=vendor_spec.old_district,
                old_province=vendor_spec.old_province,
            )
            certificate = certificate_add(
                product=product,
                stars=cert.stars,
                certificate_number=number,
                decision_number=f"{cert.decision}/{suffix}",
                issuer_kind=kind,
                issuer_name=issuer,
                issued_on=issued_on,
                # The platform's own demo data: checked by whoever wrote it.
                verified=True,
            )
            if cert.revoked_reason:
                certificate_revoke(certificate=certificate, reason=cert.revoked_reason)
            if certificate.valid_until < today:
                # Expired long before the demo began: no "your stars are gone" mail for it.
                OcopCertificate.objects.filter(pk=certificate.pk).update(
                    expiry_processed_at=timezone.now()
                )
        english = PRODUCT_ENGLISH.get(spec.upc)
        if english and not (product.title_en or product.description_en):
            # Only where nobody has written English yet: a later edit is never overwritten.
            product.title_en, product.description_en = english
            product.save(update_fields=["title_en", "description_en"])
        if spec.marks:
            product.quality_marks.add(*(marks[name] for name in spec.marks))
        if spec.season:
            first_month, last_month = spec.season
            product_season_set(product=product, first_month=first_month, last_month=last_month)
        batches_ensure(product, spec=spec, today=today)
        if draw_images:
            _packshot_ensure(product, spec=spec)
    return created


def shelf_life_months(ocop_code: str) -> int | None:
    matches = [prefix for prefix in SHELF_LIFE_MONTHS if ocop_code.startswith(prefix)]
    return SHELF_LIFE_MONTHS[max(matches, key=len)] if matches else 12


def batches_ensure(product: Product, *, spec: ProductSpec, today: date) -> None:
    """Two batches per product: a recent one and an older one, which for every third product
    (by UPC) is past its expiry date. Numbers are fixed per product, so reloading adds none."""
    shelf = shelf_life_months(spec.ocop_code)
    serial = int("".join(ch for ch in spec.upc if ch.isdigit()) or 0)
    prefix = "".join(spec.upc.split("-")[-2:])  # "OCOP-BL-0001" -> "BL0001"
    older_months = (shelf or 6) + 2 if serial % 3 == 0 else max(1, (shelf or 6) // 2)
    plans = (
        (f"{prefix}-L02", today - relativedelta(days=2 + serial % 5), 120 + serial % 7 * 40),
        (f"{prefix}-L01", today - relativedelta(months=older_months, days=serial % 9), 200),
    )
    existing = set(Batch.objects.filter(product=product).values_list("number", flat=True))
    for number, produced_on, quantity in plans:
        if number in existing:
            continue
        # Fresh produce keeps for days, not a month: give it two weeks.
        if shelf == 1:
            expires_on = produced_on + relativedelta(days=14)
        else:
            expires_on = produced_on + relativedelta(months=shelf) if shelf else None
        batch_create(
            product=product,
            number=number,
            produced_on=produced_on,
            expires_on=expires_on,
            quantity=quantity,
        )


def demo_user_ensure(account: DemoAccount, **flags: bool) -> AbstractUser:
    user, created = get_user_model().objects.get_or_create(
        username=account.username, defaults={"email": account.email, **flags}
    )
    desired = {"email": account.email, **flags}
    changed = [field for field, value in desired.items() if getattr(user, field) != value]
    for field in changed:
        setattr(user, field, desired[field])
    # Known passwords are the point of demo accounts: put them back if someone changed them.
    if created or not user.check_password(account.password):
        user.set_password(account.password)
        changed.append("password")
    if changed:
        user.save()
    return user


@transaction.atomic
def accounts_ensure() -> tuple[DemoAccount, ...]:
    """The superuser, the noodle cooperative's manager and a Wagtail editor."""
    demo_user_ensure(ADMIN, is_staff=True, is_superuser=True)

    vendor_user = demo_user_ensure(VENDOR, is_staff=False, is_superuser=False)
    vendor_member_add(vendor=Vendor.objects.get(slug=NOODLE_COOPERATIVE), user=vendor_user)

    editor = demo_user_ensure(EDITOR, is_staff=False, is_superuser=False)
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    editor.groups.add(editors)
    return ACCOUNTS


def home_page_hero_ensure() -> None:
    """Fill the home page's hero where it is empty; an editor's own text stays."""
    from cms.models import HomePage
    from cms.services import HOME_DEFAULTS, home_page_ensure

    home = HomePage.objects.first() or home_page_ensure()
    empty = [f for f in HOME_DEFAULTS if f != "title" and not getattr(home, f)]
    if empty:
        for field in empty:
            setattr(home, field, HOME_DEFAULTS[field])
        home.save(update_fields=empty)


__all__ = [
    "ACCOUNTS",
    "DemoAccount",
    "accounts_ensure",
    "batches_ensure",
    "categories_by_code",
    "commune_get",
    "home_page_hero_ensure",
    "issuer_for",
    "marks_ensure",
    "packshot_for",
    "product_from_spec",
    "vendor_from_spec",
    "vendor_logo_ensure",
]
