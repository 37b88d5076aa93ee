"""URL map: Oscar at its usual paths, Wagtail's pages last as the catch-all."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from catalogue import views as catalogue_views
from catalogue.numbers import url_ids_bound
from search.views.search import suggestions
from shop.csp import csp_report
from shop.privacy.views import policy as privacy_policy
from shop.views import healthz, switch_language
from vendors import views as vendor_views

urlpatterns = [
    path("i18n/switch/", switch_language, name="switch-language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("cms.urls")),
    path("healthz", healthz, name="healthz"),
    path("csp-report/", csp_report, name="csp-report"),
    path("api/v1/", include("shop.api.urls")),
    path("embed/", include("shop.tourism.embed_urls")),
    path("partners/", include("shop.tourism.urls")),
    path("search/suggest/", suggestions, name="search-suggest"),
    path("recently-viewed/", catalogue_views.recently_viewed, name="recently-viewed"),
    path("trace/", catalogue_views.trace_lookup, name="trace-lookup"),
    path("trace/<str:code>/", catalogue_views.trace_page, name="trace"),
    path("vendors/<slug:slug>/", vendor_views.producer_page, name="vendor-detail"),
    path("django-admin/", admin.site.urls),
    path("cms-admin/", include(wagtailadmin_urls)),
    path("sell/", include("vendors.urls")),
    # Gift boxes: the buyer's gift message, a parcel's packing slip (shop/gifts).
    path("gifts/", include("shop.gifts.urls")),
    path("privacy/", privacy_policy, name="privacy-policy"),
    path("documents/", include(wagtaildocs_urls)),
    path("", include(apps.get_app_config("oscar").urls[0])),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# Ids in every path are ASCII digits within 64 bits, ours and those of the apps we include.
url_ids_bound(urlpatterns)
