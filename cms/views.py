"""The editorial site's few non-page views: the sitemap index and its sections."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from cms.sitemaps import sitemaps_for


@sitemap_views.x_robots_tag
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """One entry per page of each section, so tens of thousands of products all get listed.
    Django's own index would name django.contrib.sites' placeholder host, and would read every
    row for the latest date: addresses here are on SITE_URL, and carry no date."""
    entries = []
    for section, sitemap in sitemaps_for(request).items():
        url = settings.SITE_URL + reverse("sitemap-section", kwargs={"section": section})
        entries.append(sitemap_views.SitemapIndexItem(url))
        entries += [
            sitemap_views.SitemapIndexItem(f"{url}?p={number}")
            for number in range(2, sitemap.paginator.num_pages + 1)
        ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """One page of a section; an unknown section or page number is a 404."""
    return sitemap_views.sitemap(request, sitemaps_for(request), section=section)
