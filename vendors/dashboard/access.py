"""Who may open a dashboard page and see it in the menu: one rule for staff, one for producers.

The rules are Oscar permissions, so Oscar's machinery applies them. Each dashboard app lists
them in `default_permissions`/`permissions_map`; Oscar's decorator guards its URLs with them
(anonymous visitors sign in, others get 403); the menu (`OSCAR_DASHBOARD_DEFAULT_ACCESS_FUNCTION`
is `dashboard_access_fn`) shows an entry only to whom its page admits.

- `STAFF`: Oscar's staff permission.
- `PRODUCER`: a producer's members, who hold Oscar's partner dashboard access from the moment
  they join (`vendors.services.vendor_member_add`).

A producer's page is one its app declares for `PRODUCER` alone; it reads `self.vendor` from
`ProducerScopeMixin`, and every query of such a view
is filtered by it, so another producer's object id answers 404. A superuser holds every Django
permission yet belongs to no producer: the mixin refuses them and the menu hides those pages
from them, both by asking `vendor_for_user`.
"""

from django.core.exceptions import PermissionDenied
from oscar.apps.dashboard.nav import _dashboard_url_names_to_config
from oscar.apps.dashboard.permissions import DashboardPermission
from oscar.views.decorators import check_permissions

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
    """Oscar's test of the page's permissions; a producer's page also needs a producer.

    Runs for every menu entry of every dashboard page, so it reads the permissions its app
    declares for the URL name (Oscar's map of names to apps is built once) instead of
    reversing and resolving the URL, and asks who the user's producer is once per user.
    """
    if url_name is None:  # a heading: shown when one of its entries is
        return True
    name = url_name.rpartition(":")[2]
    permissions = _dashboard_url_names_to_config()[name].get_permissions(name)
    if not check_permissions(user, permissions):
        return False
    # A page declared for producers alone (`PRODUCER`) is one of `ProducerScopeMixin`'s.
    return permissions != PRODUCER or _has_producer(user)


def _has_producer(user) -> bool:
    # Kept on the user object, which lives as long as the request: the menu asks once per
    # producer's page it lists.
    if not hasattr(user, "_dashboard_has_producer"):
        user._dashboard_has_producer = vendor_for_user(user=user) is not None
    return user._dashboard_has_producer
