"""Oscar's shop configuration, with "/" handed to the Wagtail home page.

Oscar maps "" to a redirect to the catalogue under the name "home"; its templates link to
that name, so the name stays and points at Wagtail's root page instead.
"""

from django.urls import path
from oscar.config import Shop


class ShopConfig(Shop):
    # The module stays "oscar" so Oscar's templates and static files are found.
    name = "oscar"

    def ready(self):
        super().ready()
        from customer.forms import ConfirmingSetPasswordForm

        # A password chosen through a mailed link also confirms a sign-up never confirmed.
        self.set_password_form = ConfirmingSetPasswordForm

        from shop import page_cache_receivers

        page_cache_receivers.connect()

    def get_urls(self):
        from wagtail import views as wagtail_views

        urls = [u for u in super().get_urls() if getattr(u, "name", None) != "home"]
        return [path("", wagtail_views.serve, {"path": ""}, name="home"), *urls]
