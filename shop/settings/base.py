"""Settings shared by every environment.

With no environment variables set the site runs on the embedded default: a SQLite file,
local-memory cache, the database search backend, eager Celery and e-mail to the console.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  (Oscar's settings, overridden below)

from shop import money
from shop.logs import logging_config, structlog_configure
from shop.orders.statuses import ORDER_STATUS_PIPELINE

from .site import site_address
from .storage import media_storages

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_ID = 1
# The site's public address, the one source of every absolute link: mails, sitemap, feeds,
# Wagtail's admin links. django.contrib.sites' Site and Wagtail's default Site are written
# from it after each migrate (cms.receivers), never by hand.
SITE_URL, OSCAR_URL_SCHEMA = site_address(env("SITE_URL", default="http://127.0.0.1:8000"))

INSTALLED_APPS = [
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    # Oscar (catalogue, checkout and search are forked below, in "ours")
    "shop.config.ShopConfig",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "oscar.apps.address.apps.AddressConfig",
    "shop.shipping.apps.ShippingConfig",
    "catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "shop.partner.apps.PartnerConfig",
    "shop.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "shop.offer.apps.OfferConfig",
    "oscar.apps.order.apps.OrderConfig",
    "customer.apps.CustomerConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "shop.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "shop.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "shop.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "shop.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    "csp",
    # Login throttling on every login form (storefront, dashboard, Wagtail, Django admin).
    "axes",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Public API
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Ours
    "shop.mail.apps.MailConfig",
    "catalogue.apps.CatalogueConfig",
    "search.apps.SearchConfig",
    "shop.checkout.apps.CheckoutConfig",
    "vendors.apps.VendorsConfig",
    "cms.apps.CmsConfig",
    "shop.payments.apps.PaymentsConfig",
    "shop.orders.apps.OrdersConfig",
    "shop.tourism.apps.TourismConfig",
    # Personal data: consents, a buyer's copy of their data, erasure (shop/privacy).
    "shop.privacy.apps.PrivacyConfig",
    # Wholesale tiers and the invoice details of tourism partners (shop/wholesale).
    "shop.wholesale.apps.WholesaleConfig",
    # Gift boxes across producers, split into each producer's parcel (shop/gifts).
    "shop.gifts.apps.GiftsConfig",
    # Our dashboard apps, included by the forked dashboard's get_urls()
    "vendors.dashboard.apps.VendorsDashboardConfig",
    "catalogue.dashboard.apps.OcopCatalogueDashboardConfig",
    "shop.payments.dashboard.apps.PaymentsDashboardConfig",
    "shop.shipping.dashboard.apps.ProducerShippingDashboardConfig",
    "shop.tourism.dashboard.apps.TourismDashboardConfig",
    # A producer's own voucher codes (shop/offer).
    "shop.offer.dashboard.apps.ProducerVouchersDashboardConfig",
    # Staff copy or erase a buyer's data on request (shop/privacy).
    "shop.privacy.dashboard.apps.PrivacyDashboardConfig",
    # A producer's wholesale tiers (shop/wholesale).
    "shop.wholesale.dashboard.apps.WholesaleDashboardConfig",
    "shop.demo.apps.DemoConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above the policy, compression and session middleware: a kept page is stored with their
    # headers and compressed body, and a page served from the cache runs none of them.
    "shop.middleware.AnonymousPageCacheMiddleware",
    "shop.csp.SitePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above everything that writes a body or a cookie: it compresses their final answer
    # (static files keep WhiteNoise's own compressed copies).
    "shop.middleware.TokenFreeGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "shop.middleware.SwitchedLocaleMiddleware",
    "shop.middleware.NulByteRejectMiddleware",
    "django.middleware.common.CommonMiddleware",
    "shop.api.middleware.ApiCorsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "shop.tourism.middleware.PartnerReferralMiddleware",
    "vendors.middleware.ApplicantDashboardMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it turns any login page's answer into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "shop.urls"
# Says what to do in the reader's language, and gives them the cookie a retry needs.
CSRF_FAILURE_VIEW = "shop.views.csrf_failure"
WSGI_APPLICATION = "shop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "csp.context_processors.nonce",
                "shop.page_cache.context",
            ],
            # {% cache %} that renders its fragment when the cache is down (page_cache_tags).
            "libraries": {"page_cache": "shop.page_cache_tags"},
        },
    },
]

# Widgets render with the project's templates, so templates/ can replace a widget's markup
# (Oscar's image widget carries inline event handlers the Content-Security-Policy refuses).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each request is one transaction (ATOMIC_REQUESTS). SQLite's default deferred
    # transactions read first and ask for the write lock later; two at once (a double click
    # on "Place order") then fail with "database is locked" instead of waiting. Taking the
    # write lock at BEGIN makes the second wait, up to the timeout in seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# Anonymous pages kept in that cache (shop/page_cache.py): on unless PAGE_CACHE_ENABLED is
# false; an entry lives PAGE_CACHE_TIMEOUT seconds at most, though any change to what pages
# show makes it stale at once (docs/decisions.md, "Anonymous pages from a server-side cache").
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=300)

AUTHENTICATION_BACKENDS = (
    # First: refuses any attempt, right password included, while its counter is locked.
    "axes.backends.AxesStandaloneBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
)
LOGIN_REDIRECT_URL = "/"

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failures for one name from one
# address, that pair is refused until AXES_COOLOFF_TIME has passed since its last failure;
# a success clears the count. Rows in the database: each test starts with none.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "customer.views.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
AXES_CLIENT_IP_CALLABLE = "customer.client_address.client_address"
AXES_USERNAME_CALLABLE = "customer.throttling.login_name"
# Never django-ipware's guess from headers a client can write, even if it gets installed.
AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language: Vietnamese by default, English by the switch in the header.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Day-first dates in both languages ("30/11/2026", "30 November 2026"): shop/formats.
FORMAT_MODULE_PATH = ["shop.formats"]
# Pages exist in Vietnamese and English (wagtail.contrib.simple_translation) at the same
# addresses: Wagtail routes into the tree of the language the switch chose.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Certificate scans and other papers producers send: never under MEDIA_ROOT, so nothing
# serves them as /media/ files; catalogue.files hands them to staff and their owner only.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private")
# Behind nginx: an internal location (e.g. "/private-media/", aliased to PRIVATE_MEDIA_ROOT)
# that the checked view hands the file to with X-Accel-Redirect. Empty: Django streams it.
PRIVATE_MEDIA_X_ACCEL_PREFIX = env("PRIVATE_MEDIA_X_ACCEL_PREFIX", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "catalogue.storage.PrivateFileStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media and certificate scans on S3-compatible object storage when S3_BUCKET is set, so no
# web node keeps files of its own (shop/settings/storage.py, docs/operations.md).
STORAGES.update(media_storages(env, private_x_accel_prefix=PRIVATE_MEDIA_X_ACCEL_PREFIX))

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
# Seconds an SMTP server may stay silent. A mail is sent inside the transaction that records
# it (shop.mail.services.mail_send): without a limit a hung server would hold that
# transaction, and the caller's row locks, for good.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
OCOP_CONTACT_EMAIL = env("OCOP_CONTACT_EMAIL", default="hotro@ocop.example")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Chợ OCOP <no-reply@ocop.example>")

# Oscar
OSCAR_SHOP_NAME = "Chợ OCOP"
OSCAR_SHOP_TAGLINE = _("Products of Vietnam's One Commune One Product programme")
OSCAR_HOMEPAGE = "/"
OSCAR_DEFAULT_CURRENCY = money.CURRENCY
# VND has no minor unit; show "125.000 ₫" in every language (the rule is in shop/money.py).
OSCAR_CURRENCY_FORMAT = {money.CURRENCY: money.VND_FORMAT}
# Which order status may follow which (shop/orders/statuses.py). Order lines keep no status
# of their own (a producer's parcel has it), so there is no line pipeline.
OSCAR_ORDER_STATUS_PIPELINE = ORDER_STATUS_PIPELINE
# Oscar's product images and Wagtail's originals/renditions live in separate folders.
OSCAR_IMAGE_FOLDER = "catalogue/%Y/%m/"
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
# A photo whose file is gone from storage is shown as that picture, not as a broken image.
OSCAR_THUMBNAILER = "catalogue.thumbnails.Thumbnailer"
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_ALLOW_ANON_CHECKOUT = True
# Reviews are written by signed-in buyers and shown once staff approve them (Oscar's
# dashboard, /dashboard/reviews/): a review is a public statement about a producer.
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = True
OSCAR_SLUG_ALLOW_UNICODE = False
# Oscar's slugifier turns "Đ" into "u0110"; ours folds Vietnamese to readable ASCII.
OSCAR_SLUG_FUNCTION = "catalogue.text.oscar_slugifier"
OSCAR_PRODUCTS_PER_PAGE = 24
# The product page's script adds to this list for anonymous readers (it holds public
# product ids only), so the server need not set a cookie on a page a cache could keep.
OSCAR_RECENTLY_VIEWED_COOKIE_HTTPONLY = False
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "last_name", "line1", "line4", "country")
# Product photos' thumbnails (sorl, behind Oscar's thumbnailer) as JPEG at quality 80: sorl's
# default of 95 makes a card's picture twice the weight for no difference a reader sees.
THUMBNAIL_QUALITY = 80

# Dashboard menu: Oscar's, plus the producer's own area and the staff pages about producers.
# An entry is shown to whom its page admits: Oscar's access test of the page's permissions
# (declared by its dashboard app), and a producer for a producer's page.
OSCAR_DASHBOARD_DEFAULT_ACCESS_FUNCTION = "vendors.dashboard.access.dashboard_access_fn"

OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,
    {
        "label": _("My producer"),
        "icon": "fas fa-seedling",
        "children": [
            {"label": _("Orders"), "url_name": "dashboard:producer-orders"},
            {"label": _("Ledger"), "url_name": "dashboard:producer-ledger"},
            {"label": _("Pre-orders"), "url_name": "dashboard:producer-preorders"},
            {"label": _("Shipping"), "url_name": "dashboard:producer-shipping"},
            {"label": _("Vouchers"), "url_name": "dashboard:producer-voucher-list"},
            {"label": _("Wholesale prices"), "url_name": "dashboard:producer-wholesale-list"},
            {"label": _("Batches"), "url_name": "dashboard:producer-batch-list"},
            {"label": _("QR labels"), "url_name": "dashboard:producer-labels"},
            {"label": _("OCOP certificates"), "url_name": "dashboard:producer-certificate-list"},
            {"label": _("Buyer reviews"), "url_name": "dashboard:producer-buyer-reviews"},
        ],
    },
    {
        "label": _("Producers"),
        "icon": "fas fa-store",
        "children": [
            {
                "label": _("Applications and producers"),
                "url_name": "dashboard:producer-review-list",
            },
            {"label": _("Payouts"), "url_name": "dashboard:staff-payouts"},
            {"label": _("Bank transfers awaited"), "url_name": "dashboard:payments-transfers"},
            {"label": _("Certificates to renew"), "url_name": "dashboard:staff-certificate-list"},
        ],
    },
    {
        "label": _("Tourism partners"),
        "icon": "fas fa-hotel",
        "children": [
            {
                "label": _("Partner applications and partners"),
                "url_name": "dashboard:tourism-partner-list",
            },
        ],
    },
]

# Personal data (shop/privacy): staff copy or erase a buyer's data on request.
OSCAR_DASHBOARD_NAVIGATION += [
    {
        "label": _("Personal data"),
        "icon": "fas fa-user-shield",
        "children": [
            {"label": _("Buyers' data requests"), "url_name": "dashboard:privacy-requests"},
        ],
    },
]

# Vouchers and offers (shop/offer): discounts are whole đồng, rounded by shop/money.py.
OSCAR_OFFER_ROUNDING_FUNCTION = "shop.offer.utils.discount_round"

# Oscar's stock search is haystack; the search issue replaces it with our own service.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}

# Search service of search/: "database" (embedded default) or "elasticsearch". An
# Elasticsearch address chooses Elasticsearch; an explicit SEARCH_BACKEND wins. A cluster that
# does not answer is not an error here: each search falls back to the database and logs it.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
SEARCH_BACKEND = env("SEARCH_BACKEND", default="elasticsearch" if ELASTICSEARCH_URL else "database")
if SEARCH_BACKEND not in ("database", "elasticsearch"):
    raise ImproperlyConfigured(
        f"SEARCH_BACKEND must be 'database' or 'elasticsearch', not {SEARCH_BACKEND!r}"
    )

# Wagtail
WAGTAIL_SITE_NAME = "Chợ OCOP"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"

# Celery: eager unless a broker is configured.
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "search-index-sweep": {"task": "search.index_sweep", "schedule": 60 * 60 * 24},
    # Early morning in Vietnam, so a certificate ending yesterday loses its stars by opening.
    "certificates-expire": {
        "task": "catalogue.certificates_expire",
        "schedule": crontab(hour=0, minute=15),
    },
    # Wagtail's scheduled publishing (go-live and expiry times) needs its command run often.
    "cms-publish-scheduled": {"task": "cms.publish_scheduled", "schedule": 60 * 5},
    # Widget impressions and clicks wait in the cache; this moves them to the daily table.
    "tourism-flush-widget-counters": {
        "task": "tourism.flush_widget_counters",
        "schedule": 60 * 5,
    },
    "certificate-expiry-reminders": {
        "task": "catalogue.certificate_expiry_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "payments-bank-transfers-expire": {
        "task": "payments.bank_transfers_expire",
        "schedule": 60 * 15,
    },
    # Harvest seasons open with the day: each morning in Vietnam, mail "season opens" alerts.
    "season-alerts-send": {
        "task": "customer.season_alerts_send",
        "schedule": crontab(hour=6, minute=30),
    },
}

# Stripe (used by the checkout issue); empty keys disable card payments.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env("STRIPE_API_BASE", default="")
# Stripe.js; tests point it at localstripe's copy.
STRIPE_JS_URL = env("STRIPE_JS_URL", default="https://js.stripe.com/v3/")
# How the card page pays (shop/payments/gateway.py): "payment_method", Stripe's current flow
# and the default for real Stripe (Stripe.js makes a PaymentMethod from the card element and
# confirms with confirmCardPayment; our server then checks the intent with Stripe), or
# "token", the older flow localstripe's Stripe.js can drive (the browser tokenises the card,
# our server confirms). The server never believes the browser in either.
STRIPE_CARD_FLOW = env("STRIPE_CARD_FLOW", default="payment_method")
if STRIPE_CARD_FLOW not in ("payment_method", "token"):
    raise ImproperlyConfigured(
        f"STRIPE_CARD_FLOW must be 'payment_method' or 'token', not {STRIPE_CARD_FLOW!r}"
    )

# Content-Security-Policy on every response (django-csp; see docs/decisions.md). Scripts come
# from our origin or carry the request's nonce; card pages add Stripe's origin themselves
# (shop.checkout.views.stripe_page); /embed/ replaces frame-ancestors with the partner's domains.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        # <style> elements need the nonce; style="" attributes (Oscar's and Wagtail's markup,
        # Bootstrap) are allowed: they cannot run code, and img-src bounds what they load.
        "style-src": [SELF, NONCE],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": ["/csp-report/"],
    },
}
# Paths whose pages need other directives: (regular expression matched against the path,
# directives replaced there); the first match wins. Reasons in docs/decisions.md.
_WAGTAIL_RENDERS_A_PAGE = (
    r"^/cms-admin/pages/(.*/preview/|\d+/view_draft/|\d+/revisions/\d+/view/|workflow/preview/)"
)
CSP_PATH_POLICIES = [
    # Previews show what an editor wrote, inside the admin's preview panel: the site's strict
    # script rule, framed only by the admin.
    (_WAGTAIL_RENDERS_A_PAGE, {"frame-ancestors": [SELF]}),
    (r"^/cms-admin/block-preview/", {"frame-ancestors": [SELF]}),
    # Wagtail's admin writes inline scripts (date choosers, inline panels, modal responses)
    # and <style> elements (its editor's vendor code) with no way to give them a nonce.
    (
        r"^/cms-admin/",
        {
            "script-src": [SELF, UNSAFE_INLINE],
            "style-src": [SELF, UNSAFE_INLINE],
            "frame-ancestors": [SELF],
        },
    ),
]
# A page Wagtail renders for its preview panel (a made-up request for the page's address).
CSP_PREVIEW_POLICY = {"frame-ancestors": [SELF]}
# The admin shows no Gravatar pictures: the shop makes no third-party requests.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Bank transfer by VietQR: the shop's account (BIN of the bank at NAPAS) and how long an
# order waits for its transfer before it is cancelled and its stock released.
PAYMENT_BANK_BIN = env("PAYMENT_BANK_BIN", default="970436")
PAYMENT_BANK_NAME = env("PAYMENT_BANK_NAME", default="Vietcombank")
PAYMENT_BANK_ACCOUNT = env("PAYMENT_BANK_ACCOUNT", default="0011001234567")
PAYMENT_BANK_ACCOUNT_HOLDER = env("PAYMENT_BANK_ACCOUNT_HOLDER", default="CONG TY CHO OCOP")
PAYMENT_TRANSFER_EXPIRY_HOURS = env.int("PAYMENT_TRANSFER_EXPIRY_HOURS", default=48)

# Stock alerts: Oscar's receiver mails alerts inside the request that saves any stock record.
# Here a restock (stock going from none to some) queues customer.product_alerts_send after
# commit instead, which mails each alert once (customer/receivers.py).
OSCAR_EAGER_ALERTS = False

# OCOP rules (DOMAIN.md): a recognition is valid 36 months; remind 30 days before expiry.
OCOP_CERTIFICATE_VALIDITY_MONTHS = 36
OCOP_CERTIFICATE_REMINDER_DAYS = 30

# A guest's order-status link (customer.tokens) opens the order for this many days after the
# mail that carried it was written; each later mail about the order carries a fresh link.
ORDER_STATUS_LINK_MAX_AGE_DAYS = env.int("ORDER_STATUS_LINK_MAX_AGE_DAYS", default=90)

# Personal data (shop/privacy): the version of the privacy policy in force, the date it took
# effect. Each consent records it; change it with the policy's text (templates/privacy/) and
# signed-in buyers are asked again at their next checkout.
PRIVACY_POLICY_VERSION = "2026-12-01"

# Public API (/api/v1/): read only; see docs/decisions.md for keys and limits.
# How many reverse proxies of ours stand in front of the site (each appends to
# X-Forwarded-For). 0: the header is ignored and REMOTE_ADDR is the client. Read only through
# customer.client_address.client_address(), and by DRF below.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
REST_FRAMEWORK = {
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "shop.api.access.api_exception_handler",
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_RATES": {
        "partner_key": env("API_RATE_PER_KEY", default="6000/hour"),
        "partner_address": env("API_RATE_PER_KEY_ADDRESS", default="120/minute"),
        "anonymous_address": env("API_RATE_ANONYMOUS", default="60/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Chợ OCOP public API",
    "DESCRIPTION": "Read-only catalogue of OCOP products for tourism partners.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["shop.api.schema.only_public_api"],
    # No CDN: the documentation page's assets come from drf-spectacular-sidecar.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Logs (shop/logs.py, shop/request_log.py): one line per request (django-structlog) with its
# id, the user's id, method, path, status and duration; the id comes from the X-Request-ID our
# proxy sends, or is made here, and goes back in the response. LOG_FORMAT "console" reads well
# in a terminal, "json" (production's default) gives a log shipper one object per line.
structlog_configure()
LOG_FORMAT = env("LOG_FORMAT", default="console")
LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOGGING = logging_config(json_lines=LOG_FORMAT == "json", level=LOG_LEVEL)
MIDDLEWARE = ["shop.request_log.RequestLogMiddleware", *MIDDLEWARE]
DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID = True  # checked first by shop.request_log
DJANGO_STRUCTLOG_IP_LOGGING_ENABLED = False  # the address is customer.client_address's
DJANGO_STRUCTLOG_USER_ID_FIELD = "pk"
# Workers log through LOGGING too (JSON lines in production), not Celery's own format, and a
# task's lines carry the request_id (and user_id) of the request that queued it.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
INSTALLED_APPS += ["django_structlog"]
DJANGO_STRUCTLOG_CELERY_ENABLED = True

# Error reports to Sentry, in production only and only when SENTRY_DSN is set
# (shop/errors.py): no personal data, the same masking of secrets as the logs.
SENTRY_DSN = env("SENTRY_DSN", default="")
SENTRY_TRACES_SAMPLE_RATE = env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0)

# Pages without the templates' indentation (shop/html_whitespace.py), taken out before the
# page is compressed and kept by the page cache, so both handle the shorter page.
MIDDLEWARE.insert(
    MIDDLEWARE.index("shop.middleware.TokenFreeGZipMiddleware") + 1,
    "shop.html_whitespace.HtmlWhitespaceMiddleware",
)
