"""Read-side queries of producers: which producer a signed-in person works for."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from vendors.models import Vendor


def vendor_for_user(*, user: AbstractBaseUser | AnonymousUser) -> Vendor | None:
    """The producer whose dashboard this person manages, or None.

    A person is a producer's member through Oscar's partner users (see
    `vendors.services.vendor_member_add`); staff act on every producer through staff pages
    and are no producer's member.
    """
    if not user.is_authenticated:
        return None
    return (
        Vendor.objects.select_related("partner", "commune__province")
        .filter(partner__users=user)
        .order_by("pk")
        .first()
    )


__all__ = ["vendor_for_user"]
