"""Run by tests/shop/test_production_site_address.py in a process of its own, on the production
settings (shop.settings.production) and the environment that test gives: builds a database the
way a deployment does (tables, `load_reference_data`, the home page), then asks for what
carries the site's address, from a host other than the public one, and writes the answers as
one JSON object to the file named by its argument.

Only what no machine here has is replaced: the schema is created from the models instead of
replaying every migration (a minute on SQLite), and mail is kept in memory instead of SMTP.
"""

import io
import json
import os
import sys

import django
from django.conf import settings


class _NoMigrations(dict):
    def __contains__(self, item):
        return True

    def __getitem__(self, item):
        return None


def main() -> None:
    assert os.environ["DJANGO_SETTINGS_MODULE"] == "shop.settings.production"
    settings.MIGRATION_MODULES = _NoMigrations()
    django.setup()

    from django.core import mail
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # mail to memory, as the suite does
    call_command("migrate", run_syncdb=True, verbosity=0)
    call_command("load_reference_data", verbosity=0, stdout=io.StringIO())

    from cms.models import StoryPage
    from cms.services import home_page_ensure, section_pages_ensure
    from tests.factories import ProductFactory, UserFactory, VendorFactory, placed_order
    from vendors.models import Fulfilment
    from vendors.tasks import notify_vendor_new_order

    stories, _regions = section_pages_ensure(home=home_page_ensure())
    story = stories.add_child(
        instance=StoryPage(
            title="Mùa miến dong Bình Liêu",
            slug="mua-mien-dong",
            intro="Một câu chuyện về vùng đất và con người.",
            live=False,
        )
    )
    story.save_revision().publish()
    vendor = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
    product = ProductFactory(vendor=vendor, stock=(85000, 10))
    UserFactory(email="lan@example.vn")

    # The host a load balancer or an internal caller uses, allowed but not the public one.
    client = Client(HTTP_HOST=os.environ["INTERNAL_HOST"])
    answers: dict[str, object] = {}

    mail.outbox.clear()
    reset = client.post("/password-reset/", {"email": "lan@example.vn"}, secure=True)
    answers["password_reset_status"] = reset.status_code
    answers["password_reset_mail"] = [m.body for m in mail.outbox]

    order = placed_order([(product, 1)])
    parcel = Fulfilment.objects.get(order=order, vendor=vendor)
    mail.outbox.clear()
    notify_vendor_new_order(parcel.pk)
    answers["producer_order_mail"] = [m.body for m in mail.outbox if vendor.email in m.to]

    for name, path in (
        ("sitemap", "/sitemap.xml"),
        ("sitemap_pages", "/sitemap-pages.xml"),
        ("sitemap_products", "/sitemap-products.xml"),
        ("sitemap_producers", "/sitemap-producers.xml"),
        ("feed_rss", "/stories/feed/rss/"),
        ("feed_atom", "/stories/feed/atom/"),
    ):
        response = client.get(path, secure=True)
        answers[name] = {"status": response.status_code, "body": response.content.decode()}
    # A probe inside the network: plain HTTP, no redirect to HTTPS.
    health = client.get("/healthz")
    answers["healthz"] = {"status": health.status_code, "body": health.content.decode()}
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(answers, out, ensure_ascii=False)


if __name__ == "__main__":
    main()
