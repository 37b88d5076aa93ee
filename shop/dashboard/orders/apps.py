"""Oscar's order dashboard, for staff only.

Oscar lets a partner's users open every order that contains one of their lines, with the other
producers' lines and the payment details. Producers work on their own parcels in the producer
area instead (fulfilments), so every page here requires staff.
"""

import oscar.apps.dashboard.orders.apps as apps


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    name = "shop.dashboard.orders"

    def configure_permissions(self):
        super().configure_permissions()
        self.permissions_map = {}  # default_permissions (is_staff) applies to every view
