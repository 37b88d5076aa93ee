"""The shape every one of our dashboard apps shares: staff pages unless named a producer's.

An app names its producer's pages in `producer_pages`; every other page it serves is for staff.
`ready()` turns that into Oscar's `default_permissions`/`permissions_map`, which guard the URLs
and which the menu's access test (`vendors.dashboard.access`) reads.
"""

from oscar.core.application import OscarDashboardConfig


class DashboardAppConfig(OscarDashboardConfig):
    producer_pages: tuple[str, ...] = ()

    def ready(self):
        from vendors.dashboard.access import PRODUCER, STAFF

        self.default_permissions = STAFF
        self.permissions_map = {name: PRODUCER for name in self.producer_pages}
        super().ready()
