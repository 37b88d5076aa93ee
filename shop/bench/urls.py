"""URLs of `make bench` only (shop.settings.bench): the site's own, behind a view answering
"ok", which is the yardstick every page's throughput is divided by. Never in production.

Pictures are served from MEDIA_ROOT here, as nginx (or the storage's own host) serves them in
production: the home page's first visit in Chromium loads them."""

import re

from django.conf import settings
from django.http import HttpResponse
from django.urls import path, re_path
from django.views.static import serve

from shop.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    re_path(
        rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
        serve,
        {"document_root": settings.MEDIA_ROOT},
    ),
    *site_urlpatterns,
]
