"""Factories of tourism partners and their widgets."""

from decimal import Decimal

import factory

from shop.tourism.models import TourismPartner, Widget


class TourismPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TourismPartner
        skip_postgeneration_save = True

    organisation = factory.Sequence(lambda n: f"Khách sạn Bình Liêu {n}")
    kind = TourismPartner.Kind.HOTEL
    contact_name = "Hoàng Thị Mai"
    email = factory.Sequence(lambda n: f"hotel{n}@example.vn")
    allowed_domains = "khachsan.example\n*.dulich.example"
    commission_rate = Decimal("0.0500")
    status = TourismPartner.Status.APPROVED

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.add(*extracted)


class WidgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Widget

    partner = factory.SubFactory(TourismPartnerFactory)
    name = factory.Sequence(lambda n: f"Quầy lễ tân {n}")
    source = Widget.Source.PRODUCTS
    product_ids = factory.LazyFunction(list)
    count = 4
