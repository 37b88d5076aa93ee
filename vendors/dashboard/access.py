"""Who may open a dashboard page: a producer's members see only their producer's data.

Views of the producer's own area use `ProducerRequiredMixin` and read `self.vendor`; every
query of such a view must be filtered by it, so another producer's object id answers 404.
Staff pages use `StaffRequiredMixin`. Menu entries are hidden from people who can't open
them by the functions of `vendors.dashboard.nav`.
"""

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied

from vendors.models import Vendor
from vendors.selectors import vendor_for_user


class ProducerRequiredMixin(AccessMixin):
    """Signed-in member of a producer; sets `self.vendor`. Others: log in, or 403."""

    vendor: Vendor

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        vendor = vendor_for_user(user=request.user)
        if vendor is None:
            raise PermissionDenied
        self.vendor = vendor
        return super().dispatch(request, *args, **kwargs)


class StaffRequiredMixin(AccessMixin):
    """Signed-in staff only."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.is_staff:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
