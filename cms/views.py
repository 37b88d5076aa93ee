"""The editorial site's few non-page views: sitemap.xml."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpRequest, HttpResponse

from cms.sitemaps import sitemaps_for


def sitemap(request: HttpRequest) -> HttpResponse:
    return sitemap_views.sitemap(request, sitemaps_for(request))
