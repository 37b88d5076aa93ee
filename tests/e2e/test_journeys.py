"""Each role's main pages in Chromium, in Vietnamese and English, on a phone (390 px) and a
desktop (1366 px): every step is saved under var/screenshots/journeys/, and every step must
speak the chosen language in <html lang>, fit the width, log no console error and pass axe-core
with no serious or critical violation."""

import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import Collection

from shop.demo.loader import EDITOR, VENDOR
from shop.demo.tourism import PARTNER
from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_phone_layout import SIDEWAYS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
SERIOUS = {"serious", "critical"}

# Violations known and left for now, by (page step, axe rule id), each with its reason; a
# page fixed leaves this list.
AXE_ALLOWED: dict[tuple[str, str], str] = {
    # The pager's greyed "previous" button on the first page (a disabled link styled
    # .btn-secondary, 2.8:1): axe counts it as text because a link has no disabled state.
    ("catalogue", "color-contrast"): "disabled pager button",
}

# Runs axe-core on the page as it stands; returns only what matters to the assertion.
RUN_AXE = """async () => {
    const results = await axe.run(document, {resultTypes: ["violations"]});
    return results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
        }));
}"""


@pytest.fixture(scope="module")
def axe_source():
    # `make install` runs `npm ci`; a bare pytest run from a fresh clone installs it here once.
    if not AXE.exists():
        subprocess.run(
            ["npm", "ci", "--prefix", str(ROOT), "--no-audit", "--no-fund", "--silent"],
            check=True,
        )
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def demo_site(transactional_db):
    # The browser tests start from an emptied database; Wagtail's root collection, made by a
    # migration, went with it and the demo stories need it.
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    call_command("seed_demo", no_images=True, verbosity=0, stdout=StringIO(), stderr=StringIO())


class Journey:
    """One language's walk: each step is checked at both widths and its problems collected,
    so that a failing run lists every page that needs work, not only the first."""

    def __init__(self, browser, base: str, language: str, axe: str):
        self.browser = browser
        self.base = base
        self.language = language
        self.axe = axe
        self.problems: list[str] = []
        self.folder = SCREENSHOTS / "journeys"
        self.folder.mkdir(parents=True, exist_ok=True)

    def page_for(self, user=None):
        context = self.browser.new_context(viewport=WIDTHS["phone"], locale="vi-VN")
        cookies = [
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": self.language, "url": self.base}
        ]
        if user is not None:
            client = Client()
            client.force_login(user)
            cookies.append(
                {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": self.base}
            )
        context.add_cookies(cookies)
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and self.problems.append(f"{page.url}: console error: {message.text}")
            ),
        )
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: {error}"))
        return page

    def step(self, page, name: str, path: str | None = None) -> None:
        """Open `path` (or stay on the page the journey reached) and check it at both widths:
        one load, the window resized, so the suite stays quick."""
        if path is not None:
            response = page.goto(self.base + path)
            if response.status >= 400:
                self.problems.append(f"{name}: {path} answered {response.status}")
        page.wait_for_load_state("load")
        lang = page.evaluate("() => document.documentElement.lang")
        if lang != self.language:
            self.problems.append(f"{name}: <html lang={lang!r}> in {self.language} mode")
        for width_name, viewport in WIDTHS.items():
            page.set_viewport_size(viewport)
            measured = page.evaluate(SIDEWAYS)
            if measured["scroll"] > measured["width"]:
                self.problems.append(f"{name} at {viewport['width']} px scrolls: {measured}")
            page.screenshot(
                path=str(self.folder / f"{self.language}-{name}-{width_name}.png"), full_page=True
            )
            for violation in self._axe(page):
                if (name, violation["id"]) in AXE_ALLOWED:
                    continue
                self.problems.append(f"{name} at {viewport['width']} px: axe {violation}")
        page.set_viewport_size(WIDTHS["phone"])

    def _axe(self, page) -> list[dict]:
        # Through the DevTools protocol, which the page's Content-Security-Policy allows.
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.evaluate(self.axe)
        return page.evaluate(RUN_AXE)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_each_roles_main_pages_fit_speak_the_language_and_pass_axe(
    live_server, browser, demo_site, axe_source, language
):
    journey = Journey(browser, live_server.url, language, axe_source)

    # A shopper: home, catalogue, a product, the basket, and the checkout's address step.
    shopper = journey.page_for()
    journey.step(shopper, "home", "/")
    journey.step(shopper, "catalogue", "/catalogue/")
    product = shopper.locator(".ocop-grid a[href^='/catalogue/']").first.get_attribute("href")
    journey.step(shopper, "product", product)
    shopper.locator("#add_to_basket_form [type=submit]").click()
    shopper.wait_for_load_state()
    journey.step(shopper, "basket", "/basket/")
    shopper.goto(f"{live_server.url}/checkout/")
    shopper.locator("#id_username").fill("khach@example.vn")
    shopper.locator("input[name=options][value=anonymous]").check()
    shopper.locator("form.card [type=submit]").click()
    shopper.wait_for_url("**/checkout/shipping-address/")
    journey.step(shopper, "checkout-address")

    users = get_user_model().objects
    # A producer: the console's home and its orders.
    producer = journey.page_for(users.get(email=VENDOR.email))
    journey.step(producer, "producer-dashboard", "/dashboard/")
    journey.step(producer, "producer-orders", "/dashboard/producer/orders/")

    # A tourism partner, and an editor in Wagtail's admin.
    journey.step(journey.page_for(users.get(email=PARTNER.email)), "partner", "/partners/")
    journey.step(journey.page_for(users.get(email=EDITOR.email)), "editor", "/cms-admin/")

    assert not journey.problems, "\n".join(journey.problems)
