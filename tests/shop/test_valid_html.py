"""Each role's main pages, in Vietnamese and English, are valid HTML: the Nu Html Checker
(npm `vnu-jar`, pinned in package-lock.json) reads them all in one run and finds no error.

The pages are kept under var/html-check/ after the run, so the line an error names can be read."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from oscar.core.loading import get_model

from catalogue.reviews.models import ProductReview
from catalogue.reviews.services import review_answer_add
from shop.demo.loader import VENDOR
from shop.demo.tourism import PARTNER
from tests.factories import UserFactory, placed_order
from tests.shop.checkout.helpers import address_form_data

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = ROOT / "var" / "html-check"
LANGUAGES = ("vi", "en")

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")


def _checker() -> list[str]:
    """The command that runs the checker. A machine without it fails here and says what to
    do: a skipped check would let invalid pages through unnoticed."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "No `java` on the PATH: the Nu Html Checker needs a Java runtime "
            "(`apt-get install default-jre-headless`; .ci/run installs it)."
        )
    if not VNU.exists():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `npm ci` (`make test` runs it).")
    return [java, "-jar", str(VNU), "--format", "json", "--errors-only"]


def _reviewed_product() -> Product:
    """A demo product with an OCOP certificate, given a buyer's review and its producer's
    answer, so its page shows the certificate panel and the reviews."""
    product = (
        Product.objects.filter(ocop_certificates__isnull=False, stockrecords__num_in_stock__gt=5)
        .order_by("pk")
        .first()
    )
    review = ProductReview.objects.create(
        product=product,
        user=UserFactory(first_name="Lan", last_name="Trần"),
        score=4,
        title="Thơm, đóng gói cẩn thận",
        body="Giao nhanh, hàng đúng mô tả.",
        status=ProductReview.APPROVED,
    )
    vendor = product.stockrecords.first().partner.vendor
    review_answer_add(
        review=review, vendor=vendor, author=vendor.partner.users.first(), body="Cảm ơn chị Lan!"
    )
    return product


def _first_link(page: str, prefix: str) -> str:
    links = re.findall(rf'href="({prefix}[^"#?/]+/)"', page)
    assert links, f"no link under {prefix}"
    return links[0]


class Walk:
    """One language's pages, fetched as each role would open them."""

    def __init__(self, language: str):
        self.language = language
        self.pages: dict[str, str] = {}

    def client(self, user=None) -> Client:
        client = Client()
        client.cookies["django_language"] = self.language
        if user is not None:
            client.force_login(user)
        return client

    def get(self, client: Client, name: str, path: str, status: int = 200) -> str:
        response = client.get(path)
        assert response.status_code == status, (
            f"{self.language}-{name}: {path} answered {response.status_code}"
        )
        self.pages[f"{self.language}-{name}"] = page = response.content.decode()
        return page

    def shopper(self, product: Product) -> None:
        """A guest: the storefront and the editorial pages, then a cash-on-delivery checkout
        from the basket to the thank-you page."""
        guest = self.client()
        category = Category.objects.filter(product__isnull=False).order_by("path").first()
        self.get(guest, "home", "/")
        self.get(guest, "catalogue", "/catalogue/")
        self.get(guest, "category", category.get_absolute_url())
        self.get(guest, "search", "/search/?q=mat ong")
        self.get(guest, "product", product.get_absolute_url())
        stories = self.get(guest, "stories", "/stories/")
        self.get(guest, "story", _first_link(stories, "/stories/"))
        regions = self.get(guest, "regions", "/regions/")
        self.get(guest, "region", _first_link(regions, "/regions/"))
        self.get(guest, "404", "/no-such-page/", status=404)
        self.get(guest, "sell", "/sell/")
        self.get(guest, "partner-join", "/partners/join/")

        assert guest.post(f"/basket/add/{product.pk}/", {"quantity": 1}).status_code == 302
        self.get(guest, "basket", "/basket/")
        answer = guest.post("/checkout/", {"username": "khach@example.vn", "options": "anonymous"})
        assert answer.status_code == 302
        self.get(guest, "checkout-address", "/checkout/shipping-address/")
        assert guest.post("/checkout/shipping-address/", address_form_data()).status_code == 302
        # One shipping method: that step passes straight on to the payment step.
        assert guest.get("/checkout/shipping-method/").status_code == 302
        self.get(guest, "checkout-payment", "/checkout/payment-method/")
        assert guest.post("/checkout/payment-method/", {"method": "cod"}).status_code == 302
        self.get(guest, "checkout-preview", "/checkout/preview/")
        answer = guest.post(
            "/checkout/preview/", {"action": "place_order", "privacy_consent": "on"}
        )
        assert answer.status_code == 302, answer.content.decode()[:2000]
        self.get(guest, "thank-you", "/checkout/thank-you/")

    def buyer(self, buyer, order) -> None:
        client = self.client(buyer)
        self.get(client, "account-profile", "/accounts/profile/")
        self.get(client, "account-orders", "/accounts/orders/")
        self.get(client, "account-order", f"/accounts/orders/{order.number}/")

    def producer(self, user) -> None:
        client = self.client(user)
        self.get(client, "producer-home", "/dashboard/")
        self.get(client, "producer-orders", "/dashboard/producer/orders/")

    def partner(self, user) -> None:
        client = self.client(user)
        self.get(client, "partner-home", "/partners/")
        self.get(client, "partner-stats", "/partners/stats/")


# A page with one known error, checked with the others: the run must report it, which proves
# the checker read the files and that its report is understood (a silent checker passes all).
CANARY = (
    "canary",
    '<!DOCTYPE html><html lang="en"><head><title>Canary</title></head><body>'
    "<table><tr><th><h3>Basket</h3></th></tr></table></body></html>",
)
CANARY_ERROR = "The element “h3” must not appear as a descendant of the “th” element."


def _check(command: list[str], pages: dict[str, str]) -> dict[str, list[str]]:
    """The errors the checker finds, by page, each as "line N: message" and its extract; all
    pages in one run, since one Java start for all of them keeps the suite quick."""
    shutil.rmtree(PAGES, ignore_errors=True)
    PAGES.mkdir(parents=True)
    files = []
    for name, html in pages.items():
        files.append(PAGES / f"{name}.html")
        files[-1].write_text(html, encoding="utf-8")
    result = subprocess.run([*command, *map(str, files)], capture_output=True, text=True)
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"The checker did not answer in JSON: {result.stderr or result.stdout}")
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        if message["type"] not in ("error", "non-document-error"):
            continue
        page = Path(message.get("url", "?")).stem
        errors.setdefault(page, []).append(
            f"line {message.get('lastLine', '?')}: {message['message']}\n"
            f"      {message.get('extract', '').strip()!r}"
        )
    return errors


def test_each_roles_main_pages_are_valid_html_in_both_languages(demo_catalogue):
    command = _checker()
    product = _reviewed_product()
    users = get_user_model().objects
    buyer = UserFactory(email="lan@example.vn", first_name="Lan", last_name="Trần Thị")
    order = placed_order([(product, 1)], user=buyer, email=buyer.email)
    pages: dict[str, str] = {}
    for language in LANGUAGES:
        walk = Walk(language)
        walk.shopper(product)
        walk.buyer(buyer, order)
        walk.producer(users.get(email=VENDOR.email))
        walk.partner(users.get(email=PARTNER.email))
        pages |= walk.pages

    errors = _check(command, dict([CANARY], **pages))

    canary = errors.pop(CANARY[0], [])
    assert len(canary) == 1 and CANARY_ERROR in canary[0], f"the canary page's error: {canary}"
    assert not errors, "HTML errors (the pages are in var/html-check/):\n" + "\n".join(
        f"  {page} {error}" for page, page_errors in sorted(errors.items()) for error in page_errors
    )


@pytest.mark.parametrize(
    ("missing", "advice"),
    [("java", "default-jre-headless"), ("vnu.jar", "run `npm ci`")],
)
def test_a_machine_without_the_checker_fails_and_says_what_to_install(
    monkeypatch, tmp_path, missing, advice
):
    if missing == "java":
        monkeypatch.setattr(shutil, "which", lambda name: None)
    else:
        monkeypatch.setattr(f"{__name__}.VNU", tmp_path / "node_modules" / "vnu.jar")
        monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)

    with pytest.raises(pytest.fail.Exception, match=re.escape(advice)):
        _checker()
