"""Partner sign-up, staff approval in the dashboard, the widget builder, statistics and the
reference carried through Oscar's checkout."""

import re
from decimal import Decimal

import pytest
from oscar.test.factories import UserFactory

from shop.tourism.models import OrderReferral, TourismPartner, Widget, WidgetDailyStat
from shop.tourism.services import partner_commission_record
from shop.tourism.tasks import flush_widget_counters
from tests.factories import ProductFactory
from tests.shop.test_checkout_hook import guest_checkout, vietnam  # noqa: F401
from tests.tourism.factories import TourismPartnerFactory, WidgetFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def test_a_visitor_applies_and_staff_approve_with_a_rate(english):
    response = english.post(
        "/partners/join/",
        {
            "organisation": "Homestay Lục Hồn",
            "kind": "hotel",
            "contact_name": "Vi Thị Hoa",
            "email": "hoa@homestay.example",
            "domains": "https://Homestay.example/vi/\n*.homestay.example",
            "email_login": "hoa@homestay.example",
            "password": "rat-kho-doan-2026",
            "privacy_consent": "on",
        },
    )

    assert response.status_code == 302
    partner = TourismPartner.objects.get()
    assert partner.status == "pending"
    assert partner.domains == ["homestay.example", "*.homestay.example"]
    assert partner.publishable_key.startswith("pk_")

    staff = UserFactory(is_staff=True)
    english.force_login(staff)
    listing = english.get("/dashboard/tourism-partners/")
    decision = english.post(
        f"/dashboard/tourism-partners/{partner.pk}/",
        {"status": "approved", "commission_percent": "7.5"},
    )

    assert "Homestay Lục Hồn" in listing.content.decode()
    assert "Tourism partners" in english.get("/dashboard/").content.decode()
    assert decision.status_code == 302
    partner.refresh_from_db()
    assert (partner.status, partner.commission_rate) == ("approved", Decimal("0.0750"))
    assert partner.reviewed_by == staff


def _join(client, email_login: str, organisation: str):
    return client.post(
        "/partners/join/",
        {
            "organisation": organisation,
            "kind": "hotel",
            "contact_name": "Vi Thị Hoa",
            "email": "dat-phong@homestay.example",
            "domains": "homestay.example",
            "email_login": email_login,
            "password": "rat-kho-doan-2026",
            "privacy_consent": "on",
        },
    )


def test_joining_does_not_tell_whether_the_sign_in_address_has_an_account(
    client, django_capture_on_commit_callbacks
):
    from django.core import mail

    UserFactory(email="lan@example.vn")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        known = _join(client, "lan@example.vn", "Homestay A")
    with django_capture_on_commit_callbacks(execute=True):
        new = _join(client, "hoa@homestay.example", "Homestay B")

    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert known["Location"] == "/accounts/signup/sent/"
    # Only the new address's application is filed; the known address's owner is told.
    assert list(TourismPartner.objects.values_list("organisation", flat=True)) == ["Homestay B"]
    assert [m.to for m in mail.outbox] == [["lan@example.vn"], ["hoa@homestay.example"]]
    assert "/accounts/signup/confirm/" in mail.outbox[1].body
    assert "_auth_user_id" not in client.session


def test_bad_domains_get_a_message_and_change_nothing(english):
    response = english.post(
        "/partners/join/",
        {
            "organisation": "X",
            "kind": "other",
            "contact_name": "A",
            "email": "a@b.example",
            "domains": "not a domain",
            "email_login": "a@b.example",
            "password": "rat-kho-doan-2026",
            "privacy_consent": "on",
        },
    )

    assert response.status_code == 400
    assert "is not a domain" in response.content.decode()
    assert not TourismPartner.objects.exists()


def test_a_customer_cannot_open_the_dashboard_page(client):
    client.force_login(UserFactory())

    assert client.get("/dashboard/tourism-partners/").status_code == 403


def test_the_builder_saves_a_widget_with_preview_and_snippet(english):
    user = UserFactory()
    partner = TourismPartnerFactory(members=[user])
    honey = ProductFactory()
    english.force_login(user)

    response = english.post(
        "/partners/widgets/new/",
        {
            "name": "Sảnh",
            "source": "products",
            "products": f"{honey.pk}",
            "layout": "carousel",
            "count": "4",
            "language": "en",
            "accent": "#112233",
        },
        follow=True,
    )

    widget = Widget.objects.get()
    text = response.content.decode()
    assert (widget.partner, widget.product_ids, widget.layout) == (partner, [honey.pk], "carousel")
    assert f"/embed/w/{widget.pk}/?key={partner.publishable_key}" in text
    assert "data-ocop-widget" in text and "widget/v1.js" in text


def test_a_source_needs_its_choice_and_another_partners_widget_is_404(english):
    user = UserFactory()
    TourismPartnerFactory(members=[user])
    english.force_login(user)

    missing = english.post(
        "/partners/widgets/new/",
        {
            "name": "Tỉnh",
            "source": "province",
            "layout": "grid",
            "count": "4",
            "language": "vi",
            "accent": "#112233",
        },
    )

    assert missing.status_code == 400
    assert 'role="alert">Choose a province.</div>' in missing.content.decode()
    assert english.get(f"/partners/widgets/{WidgetFactory().pk}/").status_code == 404


def test_the_builder_offers_named_choices_in_the_readers_language(english):
    user = UserFactory()
    TourismPartnerFactory(members=[user])
    english.force_login(user)

    page = english.get("/partners/widgets/new/").content.decode()

    assert "---------" not in page
    assert '<option value="" selected>Choose a province</option>' in page
    assert '<option value="" selected>Choose a group</option>' in page
    # The OCOP groups by code and English name, as the producers' forms list them.
    assert re.search(r"<option value=\"\d+\">I Food</option>", page)


def test_rotating_the_key_retires_the_old_one(english):
    user = UserFactory()
    partner = TourismPartnerFactory(members=[user])
    old = partner.publishable_key
    english.force_login(user)

    english.post("/partners/key/rotate/")

    partner.refresh_from_db()
    assert partner.publishable_key != old
    assert english.get("/api/v1/provinces/", {"key": old}).status_code == 403


def test_an_order_through_oscars_checkout_is_credited_and_shown_in_the_statistics(
    client,
    vietnam,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    user = UserFactory()
    widget = WidgetFactory(partner=TourismPartnerFactory(members=[user]))
    honey = ProductFactory(stock=(Decimal("200000"), 10))
    widget.product_ids = [honey.pk]
    widget.save()
    client.get(f"/embed/w/{widget.pk}/", {"key": widget.partner.publishable_key})
    client.get(honey.get_absolute_url(), {"ref": widget.partner.ref, "w": widget.pk})

    with django_capture_on_commit_callbacks(execute=True):
        placed = guest_checkout(client, [(honey, 1)])

    assert placed.status_code == 302
    referral = OrderReferral.objects.get()
    assert referral.widget == widget and referral.goods_total == Decimal("200000")
    partner_commission_record(order=referral.order)

    flush_widget_counters()  # the beat task, every five minutes in production
    client.force_login(user)
    csv_text = client.get("/partners/stats/", {"format": "csv"}).content.decode()
    assert WidgetDailyStat.objects.get().impressions == 1
    assert csv_text.splitlines()[1].endswith(",1,1,1,200000,10000")


def test_the_partner_home_and_statistics_pages_render(english):
    user = UserFactory()
    widget = WidgetFactory(partner=TourismPartnerFactory(members=[user]), name="Sảnh chính")
    english.force_login(user)

    home = english.get("/partners/")
    stats = english.get("/partners/stats/")

    assert home.status_code == 200
    assert widget.partner.publishable_key in home.content.decode()
    assert "Sảnh chính" in home.content.decode()
    assert stats.status_code == 200
    assert english.get("/partners/", follow=False).status_code == 200


def test_statistics_without_a_row_say_so_in_a_sentence_not_an_empty_table(english):
    user = UserFactory()
    WidgetFactory(partner=TourismPartnerFactory(members=[user]))
    english.force_login(user)

    page = english.get("/partners/stats/").content.decode()

    assert (
        '<p class="text-muted" id="stats-empty">Nothing yet: statistics appear once your '
        "widgets are shown.</p>"
    ) in page
    assert "table-striped" not in page


def test_someone_without_a_partner_is_sent_to_the_sign_up(client):
    client.force_login(UserFactory())

    response = client.get("/partners/")

    assert response.status_code == 302
    assert response["Location"].endswith("/partners/join/")


def test_joining_opens_the_account_as_every_sign_up_form_does(
    client, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        _join(client, "thu@homestay.example", "Homestay Nà Sản")

    user = get_user_model().objects.get(email="thu@homestay.example")
    # Oscar's generated user name and an account waiting for its link, like /accounts/.
    assert len(user.username) == 30 and user.username != user.email
    assert not user.is_active
    assert [m.to for m in mail.outbox] == [["thu@homestay.example"]]
    assert user.tourism_partners.get().organisation == "Homestay Nà Sản"
