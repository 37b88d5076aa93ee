"""Headless Chromium (Debian's package) driven by Playwright against a live test server."""

import os
import shutil
import threading
from pathlib import Path

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

from catalogue.services import ocop_categories_sync, places_sync
from cms.services import home_page_ensure

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


# Held by the live server while it answers a request. Requests take turns on it, and a test
# takes it to wait for the request in flight before the database is emptied.
LIVE_REQUEST = threading.Lock()


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server's threads share one connection to an in-memory SQLite database: two
    requests at once (a Wagtail editing-session ping beside a page save) would interleave
    their savepoints and one would fail with "no such savepoint". Connections still get a
    thread each (the browser keeps several open); only the requests inside take turns."""

    def set_app(self, application):
        def one_at_a_time(environ, start_response):
            with LIVE_REQUEST:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


@pytest.fixture(scope="session", autouse=True)
def _live_server_requests_in_turn():
    # On PostgreSQL too: a request still running when a test ends would otherwise meet the
    # TRUNCATE that empties the database (a deadlock), and waiting for it needs the lock.
    original = LiveServerThread.server_class
    LiveServerThread.server_class = OneRequestAtATimeServer
    yield
    LiveServerThread.server_class = original


@pytest.fixture(scope="session")
def chromium():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    # Playwright's sync API keeps an event loop in this thread; the ORM calls made by the
    # tests between browser steps are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


# Every page tells the test about Content-Security-Policy violations as they happen (the
# event also covers those the console might word differently, or report in a frame).
_REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
    window.__cspViolation(
        event.effectiveDirective + " blocked " + (event.blockedURI || "inline") +
        " on " + event.documentURI + " (" + event.sourceFile + ":" + event.lineNumber + ")"
    );
});
"""


class BrowserProblems:
    """CSP violations and JavaScript dialogs seen by any page of a test. A test that expects
    a dialog says so with `expect_dialog()`; any other dialog is dismissed and fails the test."""

    def __init__(self):
        self.problems: list[str] = []
        self.dialogs_expected = 0
        self.expected_violations: list[str] = []

    def expect_dialog(self, count: int = 1) -> None:
        self.dialogs_expected += count

    def expect_violation(self, text: str) -> None:
        """From now on, a violation whose message contains `text` is what the test wants
        (a frame the policy must refuse), not a problem."""
        self.expected_violations.append(text)

    def _add(self, problem: str) -> None:
        if not any(text in problem for text in self.expected_violations):
            self.problems.append(problem)

    def watch_context(self, context) -> None:
        context.expose_function("__cspViolation", self._violation)
        context.add_init_script(_REPORT_VIOLATIONS)
        context.on("page", self._watch_page)

    def _watch_page(self, page) -> None:
        page.on("console", self._console)
        page.on("dialog", self._dialog)

    def _violation(self, text: str) -> None:
        self._add(f"securitypolicyviolation: {text}")

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self._add(f"console: {message.text}")

    def _dialog(self, dialog) -> None:
        if self.dialogs_expected:
            self.dialogs_expected -= 1
            dialog.accept()
            return
        self.problems.append(f"unexpected {dialog.type} dialog: {dialog.message}")
        dialog.dismiss()


class WatchedBrowser:
    """The session's Chromium, whose contexts report their problems to the current test."""

    def __init__(self, browser, problems: BrowserProblems):
        self._browser = browser
        self._problems = problems
        self._contexts = []

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        self._problems.watch_context(context)
        self._contexts.append(context)
        return context

    def close_contexts(self) -> None:
        """Close what the test opened: a page left open keeps its timers (Wagtail's editing
        session pings every few seconds) hitting the live server during later tests."""
        for context in self._contexts:
            context.close()
        self._contexts.clear()
        # A request the closed pages sent may still be running: let it finish first.
        with LIVE_REQUEST:
            pass

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture
def browser_problems():
    return BrowserProblems()


@pytest.fixture
def browser(chromium, browser_problems):
    """Chromium for one test: the test fails on any CSP violation or unexpected dialog."""
    watched = WatchedBrowser(chromium, browser_problems)
    yield watched
    watched.close_contexts()
    problems = browser_problems.problems
    assert not problems, "The browser reported:\n" + "\n".join(problems)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def site_data(transactional_db):
    """Reference data and the home page: a live-server test starts from an emptied database."""
    places_sync()
    ocop_categories_sync()
    home_page_ensure()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
