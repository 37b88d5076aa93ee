"""An editor writes a story with a product card in Wagtail's admin and submits it; a
moderator publishes it; readers see the product's current price and stars, and a new price
set in the producer's dashboard."""

from decimal import Decimal

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from catalogue.models import Category
from cms.models import StoryPage
from cms.services import (
    EDITORS,
    MODERATORS,
    editorial_groups_ensure,
    home_page_ensure,
    section_pages_ensure,
)
from tests.factories import CertificateFactory, ProductFactory, UserFactory, vendor_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _member(group_name: str, username: str):
    from django.contrib.auth.models import Group

    user = UserFactory(username=username, email=f"{username}@ocop.test")
    user.set_password("cms-pass-2026")
    user.save()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def _admin_log_in(context, base, username):
    page = context.new_page()
    page.goto(f"{base}/cms-admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "cms-pass-2026")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/cms-admin/")
    return page


def test_editor_submits_a_story_a_moderator_publishes_and_the_card_stays_live(
    live_server, browser, site_data, screenshot
):
    base = live_server.url
    home = home_page_ensure()
    story_index, _regions = section_pages_ensure(home=home)
    editorial_groups_ensure(home=home)
    _member(EDITORS, "bientap")
    _member(MODERATORS, "kiemduyet")
    honey = ProductFactory(title="Mật ong hoa ban Mường Phăng", stock=(Decimal("185000"), 20))
    CertificateFactory(product=honey, stars=4)
    # The dashboard's product form asks for a category, as a producer's listing has one.
    honey.categories.add(Category.objects.get(ocop_code="I.2.b"))
    vendor_user(honey.vendor, email="ongmat@ocop.test", password="producer-pass-2026")

    # The editor writes the story and submits it for moderation.
    editor = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="en-GB")
    editor.add_cookies([{"name": "django_language", "value": "en", "url": base}])
    page = _admin_log_in(editor, base, "bientap")
    page.goto(f"{base}/cms-admin/pages/add/cms/storypage/{story_index.pk}/")
    page.fill("#id_title", "Mùa mật hoa ban")
    page.fill("#id_intro", "Ong và hoa ban trên núi Mường Phăng.")
    page.locator("[data-streamfield-stream-container] button[title='Insert a block']").first.click()
    page.get_by_role("option", name="Product cards").click()
    # A click that lands before Wagtail's script has bound the button opens nothing: click
    # again until the chooser lists the product.
    product_link = page.get_by_role("link", name=honey.title)
    for _attempt in range(3):
        try:
            if not product_link.is_visible():
                page.get_by_role("button", name="Choose a product").first.click(timeout=5000)
            product_link.wait_for(timeout=8000)
            break
        except PlaywrightTimeoutError:
            continue
    product_link.click()
    page.wait_for_selector(f"text={honey.title}")
    screenshot(page, "cms-editor-story")
    page.locator("footer .w-dropdown__toggle").last.click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_load_state()
    screenshot(page, "cms-editor-submitted")

    story = StoryPage.objects.get(title="Mùa mật hoa ban")
    assert not story.live
    assert story.current_workflow_state is not None

    # The moderator approves, which publishes it.
    moderator = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="en-GB")
    moderator.add_cookies([{"name": "django_language", "value": "en", "url": base}])
    page = _admin_log_in(moderator, base, "kiemduyet")
    page.goto(f"{base}/cms-admin/pages/{story.pk}/edit/")
    screenshot(page, "cms-moderator-edit")
    page.locator("footer .w-dropdown__toggle").last.click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    page.wait_for_url(f"**/cms-admin/pages/{story_index.pk}/**")
    page.wait_for_load_state()
    screenshot(page, "cms-moderator-approved")
    story.refresh_from_db()
    assert story.live

    # A reader sees the live card; a new price in the stock record shows at once.
    reader = browser.new_context(viewport={"width": 1280, "height": 1000})
    reader.add_cookies([{"name": "django_language", "value": "en", "url": base}])
    page = reader.new_page()
    page.goto(f"{base}{story.url}")
    card = page.locator(".story-products")
    assert "185.000" in card.inner_text()
    assert "★★★★" in card.inner_text()
    screenshot(page, "cms-story-public")

    # The producer changes the price in its dashboard; the story follows.
    producer = browser.new_context(viewport={"width": 1280, "height": 1000})
    producer.add_cookies([{"name": "django_language", "value": "en", "url": base}])
    desk = producer.new_page()
    desk.goto(f"{base}/accounts/login/")
    desk.fill("#id_login-username", "ongmat@ocop.test")
    desk.fill("#id_login-password", "producer-pass-2026")
    desk.click("button[name=login_submit]")
    desk.wait_for_load_state()
    desk.goto(f"{base}/dashboard/catalogue/products/{honey.pk}/")
    desk.click("a[href='#product_stock']")
    desk.fill("#id_stockrecords-0-price", "199000")
    desk.click("button[name=action][value=save]")
    desk.wait_for_load_state()
    screenshot(desk, "cms-producer-price")
    assert honey.stockrecords.get().price == Decimal("199000")

    page.reload()
    assert "199.000" in page.locator(".story-products").inner_text()
    for context in (editor, moderator, reader, producer):
        context.close()
