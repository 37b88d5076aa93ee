"""Oscar's offer dashboard, for staff: the offer's first step also says who pays the discount.

Oscar guards these pages with Django's model permissions alone; here, as on every staff page,
being staff is the rule (vendors.dashboard.access.STAFF), so a producer's member never
reaches them and a staff member needs no extra grant.
"""

import oscar.apps.dashboard.offers.apps as apps


class OffersDashboardConfig(apps.OffersDashboardConfig):
    name = "shop.dashboard.offers"

    def configure_permissions(self):
        super().configure_permissions()
        self.permissions_map = {}  # default_permissions (is_staff) applies to every view
