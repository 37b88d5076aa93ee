"""The server-side cache of anonymous pages: which requests may be answered from it, under
which key, what is kept, and the version number every change to the catalogue bumps.

Read by shop.middleware.AnonymousPageCacheMiddleware; the receivers that bump the version
are in shop.page_cache_receivers. The design and its reasons are in docs/decisions.md.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from search.query import SORTS

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
ENTRY_PREFIX = "pagecache:page:"
# A page bigger than this is rendered each time rather than kept (no page of ours comes near).
MAX_BODY_BYTES = 1024 * 1024
# Header the operator (and the tests) read to see how a page was served.
STATUS_HEADER = "X-Page-Cache"

_SLUG = r"[a-z0-9][a-z0-9_-]{0,95}"
_SEARCH_PARAMETERS = {
    "q": re.compile(r"[^\x00-\x1f]{0,200}", re.DOTALL),
    "stars": re.compile(r"[1-5]"),
    "rating": re.compile(r"[1-5]"),
    "province": re.compile(r"[0-9]{2}"),
    "commune": re.compile(r"[0-9]{5}"),
    "category": re.compile(_SLUG),
    "vendor": re.compile(_SLUG),
    "price_min": re.compile(r"[0-9]{1,13}"),
    "price_max": re.compile(r"[0-9]{1,13}"),
    "in_stock": re.compile(r"1|true|on|yes"),
    "in_season": re.compile(r"1|true|on|yes"),
    "sort": re.compile("|".join(re.escape(sort) for sort in SORTS)),
    "page": re.compile(r"[1-9][0-9]{0,3}"),
}
# The query parameters a cacheable page reads, each with the only values kept: a request
# with any other parameter, a value outside its pattern or a parameter given twice is
# answered by the view and not kept, so made-up parameters cannot fill the cache.
PAGE_PARAMETERS = {
    **_SEARCH_PARAMETERS,
    "region": re.compile(_SLUG),
    "tag": re.compile(_SLUG),
}
EMBED_KEY = re.compile(r"pk_[A-Za-z0-9_-]{8,60}")
# The frame id is read by the embed page's script, not by the server: not part of the key.
EMBED_PARAMETERS = {"key": EMBED_KEY, "fid": re.compile(r"[A-Za-z0-9-]{1,40}")}
EMBED_IGNORED = {"fid"}
API_PARAMETERS = {
    **_SEARCH_PARAMETERS,
    "format": re.compile("json"),
    "facets": re.compile("0|1|true|false|yes|no|on|off"),
}
API_LIST_PATH = "/api/v1/products/"
EMBED_PATH = re.compile(r"^/embed/w/[0-9]{1,12}/$")
# Answers that are the same for every JSON client of the API (DRF chooses by Accept).
API_ACCEPT = {"", "*/*", "application/json"}
# Never from the cache: personal areas, admin, forms that post, the language switch, health.
NEVER = (
    "/accounts/",
    "/basket/",
    "/checkout/",
    "/dashboard/",
    "/cms-admin/",
    "/django-admin/",
    "/i18n/",
    "/partners/",
    "/healthz",
    "/csp-report/",
    "/recently-viewed/",
    "/wishlists/",
    "/offers/",
)
_GZIP = re.compile(r"\bgzip\b")


@dataclass
class Entry:
    """One kept answer: what the view sent, under the version it was made with."""

    version: str
    status: int
    headers: list[tuple[str, str]]
    content: bytes
    # Dotted path of a function run on each answer from the cache, with its arguments: a
    # widget's impression is counted, an API caller's rate limit applied. It returns False
    # when the request must go to the view after all.
    on_hit: tuple[str, dict] | None = field(default=None)


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def timeout() -> int:
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 300)


def language_of(request) -> str:
    """The language the page will be in: SwitchedLocaleMiddleware's rule, read earlier."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    supported = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in supported else settings.LANGUAGE_CODE


def _query_key(raw: str, allowed: dict[str, re.Pattern], ignored: set[str]) -> str | None:
    """The query string in a fixed order, or None if a parameter is not one the page reads
    with a value it understands."""
    if len(raw) > 1024:
        return None
    try:
        pairs = parse_qsl(raw, keep_blank_values=True, strict_parsing=False, max_num_fields=20)
    except ValueError:
        return None
    seen: dict[str, str] = {}
    for name, value in pairs:
        pattern = allowed.get(name)
        if pattern is None or name in seen or not pattern.fullmatch(value):
            return None
        seen[name] = value
    return "&".join(f"{name}={seen[name]}" for name in sorted(seen) if name not in ignored)


def embedding_origin(request) -> str:
    """scheme://host of the page framing an embed, from its Referer; "" without one."""
    parts = urlsplit(request.headers.get("Referer", ""))
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def carries_personal_cookie(request) -> bool:
    """Whether the request holds a cookie that could shape the page it asks for.

    Two cookies shape no page the server renders: the language choice (part of the key) and
    the "recently viewed" list, which the browser keeps and the product page fetches from
    /recently-viewed/ after it loads. Any other cookie (session, basket, CSRF, messages)
    sends the request to the view."""
    shaping = set(request.COOKIES) - {
        settings.LANGUAGE_COOKIE_NAME,
        settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME,
    }
    return bool(shaping)


def request_key(request) -> str | None:
    """The cache key of an anonymous GET or HEAD, or None when the request must reach the
    view (a cookie, a signed-in user, an unknown parameter, an API key...)."""
    if not enabled() or request.method not in ("GET", "HEAD"):
        return None
    path = request.path
    if path.startswith((settings.STATIC_URL, settings.MEDIA_URL, *NEVER)):
        return None
    if carries_personal_cookie(request):
        return None
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    extra = ""
    raw_query = request.META.get("QUERY_STRING", "")
    if path.startswith("/api/"):
        if path != API_LIST_PATH or "HTTP_X_OCOP_KEY" in request.META:
            return None
        if request.headers.get("Accept", "").strip() not in API_ACCEPT:
            return None
        query = _query_key(raw_query, API_PARAMETERS, set())
    elif path.startswith("/embed/"):
        if not EMBED_PATH.match(path):
            return None
        query = _query_key(raw_query, EMBED_PARAMETERS, EMBED_IGNORED)
        extra = embedding_origin(request)
    else:
        query = _query_key(raw_query, PAGE_PARAMETERS, set())
    if query is None:
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the view's middleware answers 400
    encoding = "gzip" if _GZIP.search(request.headers.get("Accept-Encoding", "")) else "identity"
    text = "\n".join([request.scheme, host, path, query, language_of(request), encoding, extra])
    return ENTRY_PREFIX + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# The version ------------------------------------------------------------------------------


def _fresh_number() -> int:
    # Milliseconds: a version lost with the cache (eviction, restart) starts again above
    # every number it ever had, so no page kept under an old number can come back.
    return int(time.time() * 1000)


def _number(found) -> int:
    if found is None:
        number = _fresh_number()
        cache.add(VERSION_KEY, number, None)
        found = cache.get(VERSION_KEY, number)
    return int(found)


def version_from(number) -> str:
    """The version a page is kept under: the change counter and today's date, since stars
    end with their certificate at midnight without any write."""
    return f"{_number(number)}:{timezone.localdate().isoformat()}"


def current_version() -> str:
    return version_from(cache.get(VERSION_KEY))


def _bump() -> None:
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # no number yet, or it was evicted
            cache.set(VERSION_KEY, _fresh_number(), None)
    except Exception:  # noqa: BLE001 - any backend's connection error
        # Pages kept meanwhile expire by their timeout; the write itself must not fail.
        logger.warning("Page cache version not bumped: the cache is unreachable")


def pages_changed() -> None:
    """Something anonymous pages show has changed: every kept page is stale.

    Bumped at once, so this request and the ones that follow in the same transaction see
    it, and again after commit: a page rendered from the old rows between the two is not
    kept past the commit."""
    _bump()
    transaction.on_commit(_bump)


# Lookup and store --------------------------------------------------------------------------


def lookup(key: str) -> tuple[Entry | None, str]:
    """The kept entry for a key if it is current, and the current version (one round trip)."""
    try:
        found = cache.get_many([VERSION_KEY, key])
        version = version_from(found.get(VERSION_KEY))
    except Exception:  # noqa: BLE001 - any backend's connection error
        logger.warning("Page cache unreachable: pages are rendered")
        return None, ""
    entry = found.get(key)
    if isinstance(entry, Entry) and entry.version == version:
        return entry, version
    return None, version


def store(key: str, entry: Entry) -> None:
    try:
        cache.set(key, entry, timeout())
    except Exception:  # noqa: BLE001 - any backend's connection error
        logger.warning("Page cache unreachable: page not kept")


def on_hit(response, function: str, **arguments) -> None:
    """Asks for `function(request, **arguments)` to run each time this page is served from
    the cache (the view does not run then): see Entry.on_hit."""
    response.page_cache_on_hit = (function, arguments)


@lru_cache(maxsize=32)
def _hook(path: str):
    return import_string(path)


def run_hit_hook(request, entry: Entry) -> bool:
    if entry.on_hit is None:
        return True
    function, arguments = entry.on_hit
    return _hook(function)(request, **arguments) is not False


def context(request) -> dict:
    """Template context: the version to put in fragment cache keys ({% cache %}), so the
    header menu and the group tiles change with everything else."""
    version = getattr(request, "page_cache_version", "")
    if not version:
        try:
            version = current_version()
        except Exception:  # noqa: BLE001 - any backend's connection error
            version = "unavailable"
        request.page_cache_version = version
    return {"page_cache_version": version}
