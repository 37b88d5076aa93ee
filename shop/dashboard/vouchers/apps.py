"""Oscar's voucher dashboard, for staff: being staff is the rule, as on every staff page
(Oscar asks Django's model permissions alone)."""

import oscar.apps.dashboard.vouchers.apps as apps


class VouchersDashboardConfig(apps.VouchersDashboardConfig):
    name = "shop.dashboard.vouchers"

    def configure_permissions(self):
        super().configure_permissions()
        self.permissions_map = {}  # default_permissions (is_staff) applies to every view
