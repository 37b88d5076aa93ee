"""sitemap.xml: an index of Wagtail's pages (home, stories, regions), products on sale and
producers, each section in pages of at most `limit` addresses."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from catalogue.selectors import storefront_products
from vendors.models import Vendor


class _OnSiteAddress(Sitemap):
    """Links on the public address (SITE_URL), whatever host the sitemap was asked on."""

    def __init__(self, request=None):
        self.request = request
        self.protocol = urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ProductSitemap(_OnSiteAddress):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        # Only the address and date are written: none of the cards' related rows.
        return (
            storefront_products()
            .select_related(None)
            .prefetch_related(None)
            .only("pk", "slug", "date_updated")
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.date_updated


class ProducerSitemap(_OnSiteAddress):
    changefreq = "monthly"

    def items(self):
        return Vendor.objects.filter(status=Vendor.Status.APPROVED).order_by("pk")

    def lastmod(self, item):
        return item.updated_at


def sitemaps_for(request) -> dict[str, Sitemap]:
    return {
        "pages": PageSitemap(request),
        "products": ProductSitemap(request),
        "producers": ProducerSitemap(request),
    }
