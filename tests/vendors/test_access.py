"""Who counts as a producer's member."""

from tests.factories import UserFactory, VendorFactory, vendor_user
from vendors.selectors import vendor_for_user


def test_a_member_works_for_their_producer_only(db):
    vendor = VendorFactory()
    VendorFactory()
    member = vendor_user(vendor)

    assert vendor_for_user(user=member) == vendor
    assert vendor_for_user(user=UserFactory()) is None
