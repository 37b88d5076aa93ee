"""factory_boy factories for the OCOP domain, built on Oscar's own test factories."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.db import connection, transaction
from django.test import TestCase
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import CountryFactory as OscarCountryFactory
from oscar.test.factories import PartnerFactory as OscarPartnerFactory
from oscar.test.factories import ProductClassFactory, ShippingAddressFactory, UserFactory
from oscar.test.factories import create_order as oscar_create_order

from catalogue.models import Batch, Commune, OcopCertificate, Product, QualityMark
from vendors.models import Vendor

Country = get_model("address", "Country")


def commune(province: str = "Quảng Ninh", name: str = "Bình Liêu") -> Commune:
    """A real commune of the reference data, by province and commune short names."""
    return Commune.objects.select_related("province").get(
        province__short_name=province, short_name=name
    )


def vietnam_ensure() -> Country:
    """Việt Nam as the one shipping country, before a test walks the checkout pages."""
    return Country.objects.update_or_create(
        iso_3166_1_a2="VN",
        defaults={
            "iso_3166_1_a3": "VNM",
            "iso_3166_1_numeric": "704",
            "printable_name": "Việt Nam",
            "name": "Việt Nam",
            "is_shipping_country": True,
        },
    )[0]


class CommittedFactory(factory.django.DjangoModelFactory):
    """Rows a test starts from stand for rows saved and committed before it.

    The code queues some work after commit (the search index's update, with
    `transaction.on_commit`); a test's own transaction never commits, so the outermost
    factory call runs what its rows queued as their commit would. Inside a transaction the test
    opened itself (tests with real commits) the work waits for that commit, as it does live.
    """

    class Meta:
        abstract = True

    _committing = False  # a factory inside another (SubFactory) leaves the work to the outer

    @classmethod
    def _generate(cls, strategy, params):
        in_test_transaction = any(block._from_testcase for block in connection.atomic_blocks)
        if (
            strategy != factory.CREATE_STRATEGY
            or not in_test_transaction
            or CommittedFactory._committing
        ):
            return super()._generate(strategy, params)
        CommittedFactory._committing = True
        try:
            with TestCase.captureOnCommitCallbacks(execute=True):
                return super()._generate(strategy, params)
        finally:
            CommittedFactory._committing = False


class PartnerFactory(OscarPartnerFactory):
    class Meta:
        skip_postgeneration_save = True


class VendorFactory(CommittedFactory):
    class Meta:
        model = Vendor

    partner = factory.SubFactory(PartnerFactory, name=factory.SelfAttribute("..legal_name"))
    legal_name = factory.Sequence(lambda n: f"Hợp tác xã Nông sản số {n}")
    slug = factory.Sequence(lambda n: f"htx-nong-san-{n}")
    kind = Vendor.Kind.COOPERATIVE
    tax_code = factory.Sequence(lambda n: f"57{n:08d}")
    commune = factory.LazyFunction(commune)
    contact_name = "Nguyễn Văn An"
    phone = "0912345678"
    email = factory.Sequence(lambda n: f"htx{n}@example.vn")
    status = Vendor.Status.APPROVED


class ProductFactory(CommittedFactory):
    """A public standalone product with one stock record on its vendor's partner."""

    class Meta:
        model = Product
        skip_postgeneration_save = True

    structure = Product.STANDALONE
    title = factory.Sequence(lambda n: f"Miến dong Bình Liêu {n}")
    upc = factory.Sequence(lambda n: f"TEST-{n:06d}")
    product_class = factory.LazyFunction(
        lambda: ProductClassFactory._meta.model.objects.get_or_create(
            name="Sản phẩm OCOP", defaults={"requires_shipping": True, "track_stock": True}
        )[0]
    )
    vendor = factory.SubFactory(VendorFactory)
    origin_commune = factory.LazyAttribute(lambda o: o.vendor.commune)
    is_public = True

    @factory.post_generation
    def stock(self, create, extracted, **kwargs):
        """Pass stock=(price, quantity); defaults to 85.000 ₫ with 50 in stock."""
        if not create:
            return
        price, quantity = extracted or (Decimal("85000"), 50)
        self.stockrecords.create(
            partner=self.vendor.partner,
            partner_sku=f"SKU-{self.upc}",
            price_currency="VND",
            price=Decimal(price),
            num_in_stock=quantity,
        )


class CertificateFactory(CommittedFactory):
    """A certificate issued a year ago and verified by staff: valid today unless dates say
    otherwise (pass verified_at=None for one still awaiting verification)."""

    class Meta:
        model = OcopCertificate

    product = factory.SubFactory(ProductFactory)
    stars = 4
    certificate_number = factory.Sequence(lambda n: f"OCOP-QN-{n:04d}")
    decision_number = factory.Sequence(lambda n: f"{1000 + n}/QĐ-UBND")
    issuer_kind = OcopCertificate.Issuer.PROVINCE
    issuer_name = "UBND tỉnh Quảng Ninh"
    issued_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=365))
    verified_at = factory.LazyFunction(timezone.now)


def vendor_user(vendor: Vendor | None = None, **user_fields):
    """A person who manages a producer's listings and orders (the producer is made if None)."""
    from vendors.services import vendor_member_add

    vendor = vendor or VendorFactory()
    user = UserFactory(**user_fields)
    vendor_member_add(vendor=vendor, user=user)
    return user


def placed_order(items, *, email: str = "khach@example.vn", **order_fields):
    """An order placed as a guest through Oscar's OrderCreator (stock allocated), with one
    parcel per producer and their ledger entries. `items` are (product, quantity) pairs."""
    from oscar.apps.partner.strategy import Default

    from shop.basket.models import Basket
    from vendors.fulfilment import fulfilments_create_for_order

    basket = Basket.objects.create()
    basket.strategy = Default()
    for product, quantity in items:
        basket.add_product(product, quantity)
    address = ShippingAddressFactory(
        first_name="Lan",
        last_name="Trần Thị",
        line1="12 Phố Hàng Bạc",
        line2="",
        line4="Hà Nội",
        postcode="",
        phone_number="+84912345678",
        country=OscarCountryFactory(iso_3166_1_a2="VN", printable_name="Việt Nam"),
    )
    # In one transaction, as the checkout's placement does (the parcels lock the order row,
    # which PostgreSQL allows only inside a transaction; browser tests run without one).
    with transaction.atomic():
        order = oscar_create_order(
            basket=basket, shipping_address=address, guest_email=email, **order_fields
        )
        fulfilments_create_for_order(order=order)
    return order


def address_confirm(client, email: str) -> None:
    """Open the confirmation link last mailed to `email` by a sign-up and press its button,
    as the owner of the address does: the account opens and `client` is signed in."""
    import re

    from django.conf import settings
    from django.core import mail

    bodies = [m.body for m in mail.outbox if email in m.to]
    links = re.findall(r"https?://\S+/accounts/signup/confirm/\S+", "\n".join(bodies))
    assert links, f"no confirmation link mailed to {email}"
    response = client.post(links[-1].removeprefix(settings.SITE_URL))
    assert response.status_code == 302, response.status_code


class QualityMarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QualityMark

    name = "Miến dong Bình Liêu"
    kind = QualityMark.Kind.CERTIFICATION
    holder = "UBND huyện Bình Liêu"
    registration_number = "123456"


class BatchFactory(CommittedFactory):
    """A batch made a month ago that keeps a year; its trace code is made as the service does."""

    class Meta:
        model = Batch
        skip_postgeneration_save = True

    product = factory.SubFactory(ProductFactory)
    number = factory.Sequence(lambda n: f"L{n:04d}")
    produced_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    expires_on = factory.LazyAttribute(lambda o: o.produced_on + timedelta(days=365))
    quantity = 200

    @factory.post_generation
    def code(self, create, extracted, **kwargs):
        if create:
            from catalogue.services import trace_code_ensure

            trace_code_ensure(batch=self)


__all__ = [
    "address_confirm",
    "BatchFactory",
    "CertificateFactory",
    "PartnerFactory",
    "ProductFactory",
    "QualityMarkFactory",
    "UserFactory",
    "VendorFactory",
    "commune",
    "placed_order",
    "vendor_user",
]
