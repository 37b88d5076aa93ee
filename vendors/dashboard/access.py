"""Who may open a dashboard page and see it in the menu: one rule for staff, one for producers.

The rules are Oscar permissions, so Oscar's machinery applies them. Each dashboard app lists
them in `default_permissions`/`permissions_map`; Oscar's decorator guards its URLs with them
(anonymous visitors sign in, others get 403); the menu (`OSCAR_DASHBOARD_DEFAULT_ACCESS_FUNCTION`
is `dashboard_access_fn`) shows an entry only to whom its page admits.

- `STAFF`: Oscar's staff permission.
- `PRODUCER`: a producer's members, who hold Oscar's partner dashboard access from the moment
  they join (`vendors.services.vendor_member_add`).

A producer's page reads `self.vendor` from `ProducerScopeMixin`, and every query of such a view
is filtered by it, so another producer's object id answers 404. A superuser holds every Django
permission yet belongs to no producer: the mixin refuses them and the menu hides those pages
from them, both by asking `vendor_for_user`.
"""

from django.core.exceptions import PermissionDenied
from django.urls import resolve, reverse
from oscar.apps.dashboard.nav import default_access_fn
from oscar.apps.dashboard.permissions import DashboardPermission

from vendors.models import Vendor
from vendors.selectors import vendor_for_user

STAFF = DashboardPermission.staff
PRODUCER = DashboardPermission.partner_dashboard_access


class ProducerScopeMixin:
    """Sets `self.vendor`, the producer whose data the page shows; 403 for anyone who passes
    the `PRODUCER` permission without belonging to a producer."""

    vendor: Vendor

    def dispatch(self, request, *args, **kwargs):
        vendor = vendor_for_user(user=request.user)
        if vendor is None:
            raise PermissionDenied
        self.vendor = vendor
        return super().dispatch(request, *args, **kwargs)


def dashboard_access_fn(user, url_name, url_args=None, url_kwargs=None) -> bool:
    """Oscar's test of the page's permissions; a page scoped to a producer also needs one."""
    if not default_access_fn(user, url_name, url_args, url_kwargs):
        return False
    if url_name is None:  # a heading: shown when one of its entries is
        return True
    view = resolve(reverse(url_name, args=url_args, kwargs=url_kwargs)).func
    view_class = getattr(view, "view_class", None)
    if view_class is not None and issubclass(view_class, ProducerScopeMixin):
        return vendor_for_user(user=user) is not None
    return True
