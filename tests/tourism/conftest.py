"""Fixtures shared by the partner tests: a product to show, and an empty cache (the API's
rate limits and the widget counters live there)."""

from decimal import Decimal

import pytest

from tests.factories import CertificateFactory, ProductFactory


@pytest.fixture
def honey(db):
    product = ProductFactory(title="Mật ong hoa Ban Điện Biên", stock=(Decimal("250000"), 12))
    CertificateFactory(product=product, stars=4)
    return product
