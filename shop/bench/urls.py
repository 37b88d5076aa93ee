"""URLs of `make bench` only (shop.settings.bench): the site's own, behind a view answering
"ok", which is the yardstick every page's throughput is divided by. Never in production."""

from django.http import HttpResponse
from django.urls import path

from shop.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare, name="bench-bare"), *site_urlpatterns]
