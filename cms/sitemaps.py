"""sitemap.xml: an index of Wagtail's pages (home, stories, regions), products on sale and
producers, each section in pages of at most `limit` addresses."""

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from catalogue.selectors import storefront_products
from vendors.models import Vendor


class _ForRequest(Sitemap):
    """Links on the host the sitemap was asked on (django.contrib.sites holds a placeholder)."""

    def __init__(self, request=None):
        self.request = request

    def get_domain(self, site=None):
        return self.request.get_host() if self.request is not None else super().get_domain(site)


class ProductSitemap(_ForRequest):
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


class ProducerSitemap(_ForRequest):
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
