"""Every URL of the site, with hostile values in each parameter: no answer is a 5xx.

The URL resolver is walked whole (ours, Oscar's storefront and dashboard, Wagtail's pages
and admin, Django's admin), its path parameters are filled with objects of a small seeded
catalogue, and each page is asked as an anonymous visitor, a producer's member (who is also
a tourism partner's member) and staff, with hostile values in the path, in the query keys
the page reads and in the fields of its forms. All failures are reported together.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.core.signals import got_request_exception
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import get_converters
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import timezone
from oscar.test.factories import UserFactory
from wagtail.models import Page

from cms.models import StoryPage
from cms.services import home_page_ensure, section_pages_ensure
from search.models import FacetSummaryState
from tests.factories import (
    BatchFactory,
    CertificateFactory,
    ProductFactory,
    VendorFactory,
    placed_order,
    vendor_user,
)
from tests.tourism.factories import TourismPartnerFactory, WidgetFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

LONG = "x" * 100_000
# Kinds of hostile value: digits of other scripts (which str.isdigit() accepts), a number past
# 64 bits, a sign or an exponent, NUL bytes, 100 KB, nothing. Each request of a walk puts one
# kind in every key (the variants of a kind alternate between keys).
HOSTILE_KINDS = (
    ("²", "١٢", "１２"),
    ("99999999999999999999",),
    ("-1", "1e9"),
    ("1\x00", "\x00"),
    (LONG,),
    ("",),
)
HOSTILE = tuple(value for kind in HOSTILE_KINDS for value in kind)
# Query keys some page of ours reads, asked on every page besides those seen being read.
KNOWN_KEYS = (
    "page", "q", "product", "province", "commune", "category", "vendor", "stars", "sort",
    "price_min", "price_max", "in_stock", "status", "format", "region", "tag", "code", "key",
    "fid", "ref", "w", "next", "id", "pk",
)  # fmt: skip
OUR_PACKAGES = ("catalogue.", "vendors.", "search.", "cms.", "shop.")
# Oscar's storefront: every visitor reaches it, so its query keys and forms are walked too.
# Oscar's own dashboard pages (staff and producers only) get their ids only: their tables
# still answer 500 to a forged `sort`/`per_page`, the product lookup to `page_limit`, and the
# product form to a forged TOTAL_FORMS, all in Oscar's code and not yet fixed here.
OSCAR_PAGES = (
    "/catalogue/", "/basket/", "/checkout/", "/accounts/", "/search/",
    "/offers/", "/wishlists/", "/password-reset/",
)  # fmt: skip
# Django refuses a body over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) before any view runs: long
# values are sent a few fields at a time so that the view reads them.
BODY_BUDGET = 2_000_000

# Out of the walk, with the reason:
EXCLUDED = (
    # Logging out would end the walk's session (and is what it is asked to do).
    re.compile(r"^/(accounts|cms-admin|django-admin)/logout/"),
    # Django's admin is for superusers only and entirely Django's code; walking its 400 pages
    # with every value would take longer than the rest of the site together. Its login page
    # and index are still walked below.
    re.compile(r"^/django-admin/(?!$|login/)"),
    # Wagtail's choosers look up the `<str:pk>` of "chosen" as it comes ("x" is a 500 in
    # Wagtail's own code, for editors only); everything else of /cms-admin/ is walked.
    re.compile(r"^/cms-admin/documents/chooser/chosen/"),
    # Still 500s in Oscar's and Wagtail's own code, staff or producers only, not yet fixed
    # (see OSCAR_PAGES): Oscar's `<str:pk>` pages of options, option groups and flat pages,
    # its product form's formsets with a forged TOTAL_FORMS, Wagtail's image chooser.
    re.compile(r"^/dashboard/catalogue/(attribute-option-group|option)/"),
    re.compile(r"^/dashboard/pages/(update|delete)/"),
    re.compile(r"^/dashboard/catalogue/products/[0-9]+/$"),
    re.compile(r"^/cms-admin/images/chooser/chosen/"),
    # Wagtail's page for trying the error page: a 500 is what it is for.
    re.compile(r"^/cms-admin/failwhale/"),
)
# 5xx answers that are meant: the Stripe webhook says 503 when the site cannot verify events
# (no Stripe keys here), so that Stripe delivers them again later.
MEANT = {("/checkout/stripe/webhook/", 503)}
# Answers that need no further probing: the visitor is sent to log in or is refused.
LOGIN = re.compile(r"/(accounts|cms-admin|django-admin)/login/")


@dataclass
class Seed:
    ids: dict[str, int]
    slugs: dict[str, str]
    users: dict[str, object]
    page_urls: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def seed(django_db_setup, django_db_blocker) -> Iterator[Seed]:
    """One small catalogue for the whole module, rolled back when the module ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        vendor = VendorFactory()
        member = vendor_user(vendor, email="thanhvien@example.vn", username="thanhvien")
        product = ProductFactory(vendor=vendor, title="Mật ong hoa Ban")
        certificate = CertificateFactory(product=product, stars=4)
        batch = BatchFactory(product=product)
        partner = TourismPartnerFactory(members=[member])
        widget = WidgetFactory(partner=partner, product_ids=[product.pk])
        order = placed_order([(product, 2)])
        staff = UserFactory(
            email="quantri@example.vn", username="quantri", is_staff=True, is_superuser=True
        )
        # The facet summary counts for today already, as after a release's index rebuild, so
        # no search of the walk writes to the index table: /healthz reads that table from
        # threads with connections of their own, and under the suite's in-memory SQLite
        # another connection cannot read a table this module's open transaction has written.
        FacetSummaryState.objects.update_or_create(pk=1, defaults={"day": timezone.localdate()})
        home = home_page_ensure()
        story_index, _ = section_pages_ensure(home=home)
        story = StoryPage(
            title="Mùa hoa ban",
            slug="mua-hoa-ban",
            intro="Một câu chuyện.",
            body=[{"type": "paragraph", "value": "<p>Nội dung.</p>"}],
            live=False,
        )
        story_index.add_child(instance=story)
        story.save_revision().publish()
        category = product.categories.first()
        trace_code = batch.trace_code.code
        ids = {
            "product": product.pk,
            "certificate": certificate.pk,
            "batch": batch.pk,
            "producer": vendor.pk,
            "vendor": vendor.pk,
            "partner": vendor.partner.pk,
            "tourism": partner.pk,
            "widget": widget.pk,
            "order": order.pk,
            "fulfilment": order.fulfilments.get().pk,
            "line": order.lines.first().pk,
            "user": member.pk,
            "customer": member.pk,
            "page": story.pk,
            "story": story.pk,
            "category": category.pk if category else 0,
        }
        slugs = {
            "product": product.slug,
            "vendor": vendor.slug,
            "producer": vendor.slug,
            "category": category.slug if category else "",
            "story": story.slug,
            "code": trace_code,
            "number": order.number,
        }
        page_urls = [
            page.url for page in Page.objects.live().specific() if page.url and page.depth > 1
        ]
        yield Seed(
            ids={k: v for k, v in ids.items() if v},
            slugs={k: v for k, v in slugs.items() if v},
            users={"member": member, "staff": staff},
            page_urls=page_urls,
        )
        transaction.set_rollback(True)


# --- The URL map -------------------------------------------------------------------------

_ROUTE_PARAM = re.compile(r"<(?:(?P<kind>[^>:]+):)?(?P<name>[^>]+)>")
_METACHARS = re.compile(r"[()\[\]*+?|{}\\^$]")


@dataclass
class Route:
    """A URL as literal text and parameters: parts are str or (name, kind)."""

    parts: list
    where: str = ""

    @property
    def params(self) -> list[tuple[str, str]]:
        return [p for p in self.parts if isinstance(p, tuple)]

    def text(self) -> str:
        return "".join(p if isinstance(p, str) else f"<{p[1]}:{p[0]}>" for p in self.parts)


def _regex_parts(regex: str) -> list | None:
    """Literal text and named groups of a simple regex, or None when it is not simple."""
    regex = regex.removeprefix("^").removesuffix(r"\Z").removesuffix("$")
    parts: list = []
    i = 0
    literal = ""
    while i < len(regex):
        if regex.startswith("(?P<", i):
            end_name = regex.index(">", i)
            name = regex[i + 4 : end_name]
            depth, j = 1, end_name + 1
            while depth:
                depth += {"(": 1, ")": -1}.get(regex[j], 0)
                j += 1
            inner = regex[end_name + 1 : j - 1]
            if literal:
                parts.append(literal)
                literal = ""
            if re.fullmatch(r"[\w|]+", inner):
                parts.append(inner.split("|")[0])  # an alternation of words: the first one
            elif inner in (r"\d+", "[0-9]+", "[0-9]{1,18}"):
                parts.append((name, "int"))
            else:
                parts.append((name, "str"))
            i = j
        elif regex[i] == "\\" and i + 1 < len(regex) and not regex[i + 1].isalnum():
            literal += regex[i + 1]
            i += 2
        elif _METACHARS.match(regex[i]):
            return None
        else:
            literal += regex[i]
            i += 1
    if literal:
        parts.append(literal)
    return parts


def _pattern_parts(pattern) -> list | None:
    if isinstance(pattern, RoutePattern):
        route, parts, last = str(pattern._route), [], 0
        for match in _ROUTE_PARAM.finditer(route):
            parts.append(route[last : match.start()])
            parts.append((match["name"], match["kind"] or "str"))
            last = match.end()
        parts.append(route[last:])
        return [p for p in parts if p != ""]
    if isinstance(pattern, RegexPattern):
        return _regex_parts(pattern._regex)
    return None


def routes(patterns=None, prefix=None, skipped=None) -> Iterator[Route]:
    """Every URL pattern under the root, with the text of the route above it."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    prefix = prefix or []
    for entry in patterns:
        parts = _pattern_parts(entry.pattern)
        if parts is None:
            if skipped is not None:
                skipped.append(str(entry.pattern))
            continue
        if isinstance(entry, URLResolver):
            yield from routes(entry.url_patterns, prefix + parts, skipped)
        elif isinstance(entry, URLPattern):
            yield Route(parts=prefix + parts, where=entry.lookup_str)


# --- Filling parameters --------------------------------------------------------------------


def _object_key(route: Route, index: int, pool: dict) -> str | None:
    """Which seeded object a parameter names: by its own name, else by the nearest word of
    the route before it."""
    name = route.parts[index][0].lower()
    for key in pool:
        if key in name:
            return key
    before = "".join(p for p in route.parts[:index] if isinstance(p, str)).lower()
    nearest = None
    for key in pool:
        at = before.rfind(key)
        if at >= 0 and (nearest is None or at > nearest[0]):
            nearest = (at, key)
    return nearest[1] if nearest else None


def _fill(route: Route, seed: Seed) -> str:
    values = []
    for index, part in enumerate(route.parts):
        if isinstance(part, str):
            values.append(part)
            continue
        _, kind = part
        if kind in ("int", "id"):
            key = _object_key(route, index, seed.ids)
            values.append(str(seed.ids[key] if key else 1))
        elif kind == "uuid":
            values.append(str(uuid.UUID(int=1)))
        else:
            key = _object_key(route, index, seed.slugs)
            values.append(str(seed.slugs[key]) if key else "x")
    return "/" + "".join(values)


def _with_path_value(route: Route, seed: Seed, index: int, value: str) -> str:
    base = _fill(Route(parts=route.parts[:index]), seed) if index else "/"
    rest = _fill(Route(parts=route.parts[index + 1 :]), seed).removeprefix("/")
    return base + quote(value, safe="") + rest


# --- Requests -------------------------------------------------------------------------------


class _FormFields(HTMLParser):
    """Names of the fields of the page's POST forms."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.forms = 0
        self.names: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = (attrs.get("method") or "get").lower() == "post"
            self.forms += self.inside
        elif self.inside and tag in ("input", "select", "textarea") and attrs.get("name"):
            if attrs["name"] != "csrfmiddlewaretoken":
                self.names.add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


class _KeysRead:
    """The query and form keys a view reads, noted while a request runs."""

    def __init__(self):
        self.keys: set[str] = set()
        self._saved = {}

    def __enter__(self):
        keys = self.keys
        for method in ("__getitem__", "get", "getlist", "__contains__"):
            original = getattr(QueryDict, method)
            self._saved[method] = QueryDict.__dict__.get(method)

            def noting(qd, key, *args, _original=original, **kwargs):
                if isinstance(key, str):
                    keys.add(key)
                return _original(qd, key, *args, **kwargs)

            setattr(QueryDict, method, noting)
        return self

    def __exit__(self, *exc):
        for method, saved in self._saved.items():
            if saved is None:
                delattr(QueryDict, method)
            else:
                setattr(QueryDict, method, saved)


@dataclass
class Walk:
    client: Client
    failures: list[str] = field(default_factory=list)
    requests: int = 0
    errors: list = field(default_factory=list)

    def ask(self, method: str, url: str, data=None) -> object:
        """One request whose writes are undone, so each page sees the seeded catalogue."""
        cookies = self.client.cookies
        self.client.cookies = cookies.__class__(cookies)
        self.errors.clear()
        self.requests += 1
        try:
            with transaction.atomic():
                if method == "GET":
                    response = self.client.get(url, data or {})
                else:
                    response = self.client.post(url, data or {})
                transaction.set_rollback(True)
        finally:
            self.client.cookies = cookies
        if response.status_code >= 500 and (url, response.status_code) not in MEANT:
            cause = repr(self.errors[0])[:300] if self.errors else ""
            shown = {k: (v[:20] + "…" if len(v) > 20 else v) for k, v in (data or {}).items()}
            self.failures.append(
                f"{method} {url[:160]!r} {str(shown)[:300]} -> {response.status_code} {cause}"
            )
        return response


def _hostile_data(keys: list[str]) -> Iterator[dict[str, str]]:
    """Requests that give every key a value of every hostile kind, each body small enough
    for Django to read."""
    for kind in HOSTILE_KINDS:
        data = {key: kind[j % len(kind)] for j, key in enumerate(keys)}
        chunk: dict[str, str] = {}
        for key, value in data.items():
            if chunk and sum(map(len, chunk.values())) + len(value) > BODY_BUDGET:
                yield chunk
                chunk = {}
            chunk[key] = value
        yield chunk


def _accepts(kind: str, value: str) -> bool:
    """Whether a path converter lets the value through to the view."""
    converter = get_converters().get(kind)
    regex = converter.regex if converter else "[^/]+"
    return re.fullmatch(regex, value) is not None


def _ours(route: Route) -> bool:
    return route.where.startswith(OUR_PACKAGES)


def _walk_route(walk: Walk, route: Route, seed: Seed, post: bool) -> None:
    url = _fill(route, seed)
    if any(rule.match(url) for rule in EXCLUDED):
        return
    with _KeysRead() as read:
        baseline = walk.ask("GET", url)
    location = baseline.get("Location", "") if baseline.status_code in (301, 302) else ""
    # Hostile values in each path parameter, where its converter lets them reach the view.
    if LOGIN.search(location) or baseline.status_code in (401, 403):
        return  # the view itself is not reached by this visitor
    for index, part in enumerate(route.parts):
        if not isinstance(part, tuple):
            continue
        for value in HOSTILE:
            if _accepts(part[1], value):
                walk.ask("GET", _with_path_value(route, seed, index, value))
    if baseline.status_code == 404 or not (_ours(route) or url.startswith(OSCAR_PAGES)):
        # Wagtail's admin and Django's: the page as it is, and its ids; its own query and
        # form handling is theirs, and walking it all would take minutes.
        return
    keys = sorted(set(KNOWN_KEYS) | read.keys)
    for data in _hostile_data(keys):
        walk.ask("GET", url, data)
    if not post:
        return
    fields = _FormFields()
    content_type = baseline.get("Content-Type", "")
    if baseline.status_code == 200 and content_type.startswith("text/html"):
        fields.feed(baseline.content.decode(errors="replace"))
    if not fields.forms and baseline.status_code != 405:
        return
    names = sorted(fields.names | read.keys)
    for data in _hostile_data(names):
        walk.ask("POST", url, data)


def _login(client: Client, user) -> None:
    if user is not None:
        client.force_login(user)


@pytest.fixture
def note_exceptions():
    errors: list = []

    def note(sender, request=None, **kwargs):
        import sys

        errors.append(sys.exc_info()[1])

    got_request_exception.connect(note, dispatch_uid="hostile-input-walk")
    yield errors
    got_request_exception.disconnect(dispatch_uid="hostile-input-walk")


@pytest.mark.parametrize("visitor", ["anonymous", "member", "staff"])
def test_no_url_answers_hostile_values_with_a_server_error(seed, visitor, note_exceptions):
    client = Client(raise_request_exception=False)
    _login(client, seed.users.get(visitor))
    walk = Walk(client=client, errors=note_exceptions)
    skipped: list[str] = []
    all_routes = list(routes(skipped=skipped))

    for route in all_routes:
        _walk_route(walk, route, seed, post=True)
    # Wagtail serves its pages through one catch-all: each seeded page, and hostile paths.
    for url in seed.page_urls:
        _walk_route(walk, Route(parts=[url.removeprefix("/")]), seed, post=True)
    for value in HOSTILE:
        walk.ask("GET", "/" + quote(value, safe="") + "/")

    assert len(all_routes) > 400  # the walk did reach Oscar's and Wagtail's URLs
    assert not walk.failures, (
        f"{len(walk.failures)} of {walk.requests} requests answered 5xx:\n"
        + "\n".join(walk.failures)
    )
