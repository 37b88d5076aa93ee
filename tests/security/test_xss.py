"""Text written by producers, partners, applicants and editors never runs in a reader's page.

A corpus of XSS payloads is written into every such text (some rows straight into the
database, as an old row or an import would be), then every page that shows it is rendered
for the people who read it (shoppers, the producer, staff) and parsed: nothing active may
come out. The rows are written once for the module and rolled back after it.
"""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template import Context, Template
from django.test import Client, TestCase

from catalogue.html import clean_html, is_safe_link
from catalogue.models import Batch, Category, OcopCertificate, Product
from catalogue.services import ocop_categories_sync, places_sync
from cms.models import HomePage, RegionPage, StoryPage
from cms.richtext import clean_rich_text
from cms.services import home_page_ensure, section_pages_ensure
from shop.tourism.models import TourismPartner
from tests.factories import (
    BatchFactory,
    CertificateFactory,
    ProductFactory,
    UserFactory,
    VendorFactory,
    vendor_user,
)
from tests.html_forms import form_data
from tests.security.xss import PAYLOADS, active_content, chunks
from tests.tourism.factories import TourismPartnerFactory, WidgetFactory
from vendors.models import Vendor

User = get_user_model()

# Fills of at most 240 characters: each chunk goes into one set of rows; shorter fields take
# its start (a payload cut in two is one more broken tag to survive).
FILLS = [f"XSSMARK{i:02d} {text}" for i, text in enumerate(chunks(PAYLOADS, size=240))]
QUANG_NINH_REGION = "xss-quang-ninh"


def _fit(model, field: str, text: str) -> str:
    limit = model._meta.get_field(field).max_length
    return text[:limit] if limit else text


def _world_build() -> dict:
    staff = UserFactory(is_staff=True, is_superuser=True)
    home = home_page_ensure()
    stories, regions = section_pages_ensure(home=home)
    parent = Category.objects.get(ocop_code="I.2.b")
    sets = []
    for i, text in enumerate(FILLS):
        vendor = VendorFactory(
            # Oscar's partner, named after the producer, takes 128 characters.
            legal_name=text[:128],
            slug=f"xss-producer-{i}",
            street_address=_fit(Vendor, "street_address", text),
            old_district=_fit(Vendor, "old_district", text),
            contact_name=_fit(Vendor, "contact_name", text),
            story=text,
            status=Vendor.Status.PENDING if i % 2 else Vendor.Status.APPROVED,
        )
        category = parent.add_child(
            name=_fit(Category, "name", text), slug=f"xss-category-{i}", description=text
        )
        product = ProductFactory(title=_fit(Product, "title", text), vendor=vendor)
        product.categories.add(category)
        # Old rows: written around the models' save, as before the sanitiser or by an import.
        Product.objects.filter(pk=product.pk).update(description=text)
        Category.objects.filter(pk=category.pk).update(description=text, long_description=text)
        CertificateFactory(
            product=product,
            certificate_number=_fit(OcopCertificate, "certificate_number", text),
            decision_number=text[:64],
            issuer_name=text[:128],
        )
        batch = BatchFactory(product=product, number=_fit(Batch, "number", text), note=text)
        member = vendor_user(vendor)
        partner_user = UserFactory()
        partner = TourismPartnerFactory(
            organisation=_fit(TourismPartner, "organisation", text),
            contact_name=_fit(TourismPartner, "contact_name", text),
            members=[partner_user],
            status=TourismPartner.Status.PENDING if i % 2 else TourismPartner.Status.APPROVED,
        )
        widget = WidgetFactory(partner=partner, name=text[:128], product_ids=[product.pk])
        story = StoryPage(
            title=text[:255],
            slug=f"xss-story-{i}",
            intro=text[:400],
            author=text[:128],
            body=[
                {"type": "heading", "value": text[:128]},
                {"type": "paragraph", "value": text},
                {"type": "quote", "value": {"text": text, "attribution": text[:128]}},
                {
                    "type": "facts",
                    "value": {
                        "title": text[:128],
                        "facts": [{"value": text[:64], "label": text[:128]}],
                    },
                },
                {"type": "producer", "value": {"producer": vendor.pk, "note": text}},
                {"type": "products", "value": {"heading": text[:128], "products": [product.pk]}},
                {"type": "call_to_action", "value": {"label": text[:96], "text": text[:96]}},
            ],
        )
        stories.add_child(instance=story)
        story.save_revision().publish()
        sets.append(
            {
                "marker": text.split()[0],
                "vendor": vendor,
                "product": product,
                "category": category,
                "batch": batch,
                "member": member,
                "partner": partner,
                "partner_user": partner_user,
                "widget": widget,
                "story": story,
            }
        )
    everything = "".join(FILLS)
    region = RegionPage(
        title="Quảng Ninh",
        slug=QUANG_NINH_REGION,
        province=sets[0]["vendor"].commune.province,
        intro="<p>Vùng đất</p>",
        seasonal_highlights=[
            {"type": "highlight", "value": {"months": t[:64], "title": t[:128], "text": t}}
            for t in FILLS
        ],
    )
    regions.add_child(instance=region)
    region.save_revision().publish()
    # The rich text introductions as an old row would hold them.
    RegionPage.objects.filter(pk=region.pk).update(intro=everything)
    HomePage.objects.filter(pk=home.pk).update(intro=everything, hero_text=everything)
    return {"staff": staff, "sets": sets, "home": home, "region": region}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        # Browser tests empty the database when they end; the places and OCOP groups the
        # rows point at are loaded again here (idempotent, rolled back with the rest).
        places_sync()
        ocop_categories_sync()
        # What the rows queue after commit (the search index) runs as their commit would.
        with TestCase.captureOnCommitCallbacks(execute=True):
            world = _world_build()
        yield world
        transaction.set_rollback(True)


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _assert_inert(response, *, marker: str | None = None) -> str:
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    if marker:
        assert marker in page  # the payloads really reached this page
    assert active_content(page) == []
    return page


# Pages of one set of rows: (name, who reads it, its address).
SET_PAGES = {
    "product page (staff)": ("staff", lambda s: s["product"].get_absolute_url()),
    "product page (shopper)": (None, lambda s: s["product"].get_absolute_url()),
    "category page": (None, lambda s: s["category"].get_absolute_url()),
    "producer page": (None, lambda s: f"/vendors/{s['vendor'].slug}/"),
    "trace page of the product": (None, lambda s: f"/trace/{s['product'].trace_code.code}/"),
    "trace page of the batch": (None, lambda s: f"/trace/{s['batch'].trace_code.code}/"),
    "embed widget": (
        None,
        lambda s: f"/embed/w/{s['widget'].pk}/?key={s['widget'].partner.publishable_key}",
    ),
    "story page": (None, lambda s: s["story"].url),
    "producer review (staff)": ("staff", lambda s: f"/dashboard/producers/{s['vendor'].pk}/"),
    "partner review (staff)": (
        "staff",
        lambda s: f"/dashboard/tourism-partners/{s['partner'].pk}/",
    ),
    "product edit (staff)": (
        "staff",
        lambda s: f"/dashboard/catalogue/products/{s['product'].pk}/",
    ),
    "product edit (producer)": (
        "member",
        lambda s: f"/dashboard/catalogue/products/{s['product'].pk}/",
    ),
    "batches (producer)": ("member", lambda s: "/dashboard/producer/batches/"),
    "batch edit (producer)": ("member", lambda s: f"/dashboard/producer/batches/{s['batch'].pk}/"),
    "certificates (producer)": ("member", lambda s: "/dashboard/producer/certificates/"),
    "labels (producer)": ("member", lambda s: "/dashboard/producer/labels/"),
    "partner's own area": ("partner_user", lambda s: "/partners/"),
    "partner's widget edit": ("partner_user", lambda s: f"/partners/widgets/{s['widget'].pk}/"),
}
# Pages that show a set's text only once its producer and partner are approved.
_PUBLIC_ONLY_WHEN_APPROVED = {
    "producer page",
    "product page (shopper)",
    "category page",
    "embed widget",
}


@pytest.mark.parametrize("index", range(len(FILLS)))
@pytest.mark.parametrize("page", sorted(SET_PAGES))
def test_written_text_is_shown_inert(world, page, index):
    rows = world["sets"][index]
    reader, address = SET_PAGES[page]
    user = world["staff"] if reader == "staff" else rows.get(reader) if reader else None
    response = _client(user).get(address(rows), HTTP_REFERER="https://khachsan.example/")
    shown = page not in _PUBLIC_ONLY_WHEN_APPROVED or rows["vendor"].status == "approved"
    if response.status_code == 404 and not shown:
        return
    _assert_inert(response, marker=rows["marker"] if shown else None)


# Pages that list every set at once.
LIST_PAGES = {
    "catalogue": (None, "/catalogue/"),
    "search": (None, "/search/?q=xssmark"),
    "home": (None, "/"),
    "stories": (None, "/stories/"),
    "region": (None, f"/regions/{QUANG_NINH_REGION}/"),
    "producers to review (staff)": ("staff", "/dashboard/producers/?status=pending"),
    "producers (staff)": ("staff", "/dashboard/producers/?status=approved"),
    "tourism partners (staff)": ("staff", "/dashboard/tourism-partners/"),
    "products (staff)": ("staff", "/dashboard/catalogue/"),
}
# Pages that may show some of the text (the newest listings, certificates to renew).
OTHER_PAGES = {
    "certificates (staff)": ("staff", "/dashboard/certificates/"),
    "dashboard home (staff)": ("staff", "/dashboard/"),
}


@pytest.mark.parametrize("page", sorted(LIST_PAGES) + sorted(OTHER_PAGES))
def test_lists_of_written_text_are_shown_inert(world, page):
    reader, address = {**LIST_PAGES, **OTHER_PAGES}[page]
    response = _client(world["staff"] if reader else None).get(address)
    _assert_inert(response, marker="XSSMARK" if page in LIST_PAGES else None)


def test_the_home_page_hero_fields_are_shown_inert(world, db):
    home = HomePage.objects.get(pk=world["home"].pk)
    for text in FILLS:
        home.hero_title = text[:160]
        home.hero_cta_label = text[:64]
        home.hero_cta_url = "/catalogue/"
        home.save()
        _assert_inert(_client().get("/"), marker=text.split()[0])


def test_the_products_api_returns_only_sanitised_descriptions(world):
    approved = [s for s in world["sets"] if s["vendor"].status == Vendor.Status.APPROVED]
    client = _client()
    listing = client.get("/api/v1/products/", {"q": "xssmark"})
    assert listing.status_code == 200 and listing.json()["count"] == len(approved)
    for rows in approved:
        answer = client.get(f"/api/v1/products/{rows['product'].pk}/")
        assert answer.status_code == 200
        assert answer["Content-Type"].startswith("application/json")
        description = answer.json()["description"]
        assert rows["marker"] in description
        assert active_content(f"<div>{description}</div>") == []


def test_structured_data_cannot_close_its_script(world):
    rows = world["sets"][0]
    page = _client().get(rows["product"].get_absolute_url()).content.decode()
    # The element carries the page's nonce, as every script element we write does.
    start = re.search(r'<script type="application/ld\+json"[^>]*>', page).end()
    data = json.loads(page[start : page.index("</script>", start)])
    assert data["name"] == rows["product"].title


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_sanitiser_leaves_nothing_active(payload):
    template = "{% load ocop_tags cms_tags %}<p>{{ v|clean_html }}</p><p>{{ v|clean_richtext }}</p>"
    rendered = Template(template).render(Context({"v": payload}))
    assert active_content(rendered) == []
    assert active_content(f"<div>{clean_html(payload)}</div>") == []
    assert active_content(f"<div>{clean_rich_text(payload)}</div>") == []
    # The sanitiser's output is stable: cleaning again changes nothing.
    assert clean_html(clean_html(payload)) == clean_html(payload)


def test_the_sanitiser_keeps_what_a_description_needs():
    html = (
        "<h3>Miến dong</h3><p><strong>Ngon</strong> &amp; <em>dai</em></p><ul><li>500 g</li></ul>"
        "<table><tr><th>Năng lượng</th><td>350 kcal</td></tr></table>"
        '<a href="https://binhlieu.example/mien">Hợp tác xã</a><a href="/catalogue/">Xem</a>'
    )
    cleaned = clean_html(html)
    for kept in ("<h3>", "<strong>", "<em>", "<li>", "<td>", "&amp;", 'href="/catalogue/"'):
        assert kept in cleaned
    assert 'href="https://binhlieu.example/mien" rel="nofollow noopener"' in cleaned


# Finding 1, as reported: a producer's description with an image whose error handler runs.
FINDING_1 = "<p>Mật ong</p><img src=x onerror=\"fetch('/dashboard/payments/transfers/')\">"


def test_a_description_saved_in_the_dashboard_cannot_run_for_staff_or_the_api(client, db):
    product = ProductFactory(title="Mật ong hoa Ban", description="Mật ong.")
    product.categories.add(Category.objects.get(ocop_code="I.2.b"))
    CertificateFactory(product=product)
    client.force_login(vendor_user(product.vendor))
    url = f"/dashboard/catalogue/products/{product.pk}/"
    data = form_data(client.get(url).content.decode(), "create_update_product_form")
    data["description"] = FINDING_1
    assert client.post(url, data).status_code == 302

    product.refresh_from_db()
    staff_page = _client(UserFactory(is_staff=True, is_superuser=True)).get(
        product.get_absolute_url()
    )
    api = _client().get(f"/api/v1/products/{product.pk}/").json()
    assert "onerror" not in product.description and "Mật ong" in product.description
    assert "onerror" not in _assert_inert(staff_page, marker="Mật ong")
    assert "onerror" not in api["description"] and "Mật ong" in api["description"]


def test_an_old_description_row_is_shown_inert_to_staff_and_in_the_api(db):
    product = ProductFactory(title="Mật ong hoa Ban")
    CertificateFactory(product=product)
    Product.objects.filter(pk=product.pk).update(description=FINDING_1)

    staff_page = _client(UserFactory(is_staff=True, is_superuser=True)).get(
        product.get_absolute_url()
    )
    api = _client().get(f"/api/v1/products/{product.pk}/").json()
    assert "onerror" not in _assert_inert(staff_page, marker="Mật ong")
    assert "onerror" not in api["description"] and "<p>Mật ong</p>" in api["description"]


def test_descriptions_are_sanitised_when_saved(db):
    product = ProductFactory(description=FINDING_1 + "<script>alert(1)</script>")
    category = Category.objects.get(ocop_code="I.2.b")
    category.description = "<svg onload=alert(1)><p>Mật ong</p>"
    category.save()

    product.refresh_from_db()
    category.refresh_from_db()
    assert product.description.startswith("<p>Mật ong</p>")
    assert "onerror" not in product.description and "script" not in product.description
    assert "svg" not in category.description and "<p>Mật ong</p>" in category.description


# Finding 8: links typed by editors, producers and partners.
BAD_LINKS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/",
    "/\\evil.example/",
]


@pytest.mark.parametrize("link", BAD_LINKS)
def test_the_home_page_button_refuses_a_script_link(link, db):
    home = home_page_ensure()
    home.hero_cta_url = link

    with pytest.raises(ValidationError) as refused:
        home.full_clean()

    assert "hero_cta_url" in refused.value.message_dict


def test_the_home_page_button_takes_site_paths_and_web_addresses(db):
    home = home_page_ensure()
    for link in ("/catalogue/", "/stories/mua-mien/", "https://ocop.example/tet"):
        home.hero_cta_url = link
        home.full_clean()
        assert is_safe_link(link)


def test_an_old_script_link_on_the_home_page_is_not_rendered_as_a_link(client, db):
    home = home_page_ensure()
    HomePage.objects.filter(pk=home.pk).update(
        hero_cta_label="Mua ngay", hero_cta_url="javascript:alert(1)"
    )

    page = _assert_inert(client.get("/"))

    assert ">Mua ngay</a>" not in page
    assert 'class="btn btn-honey btn-lg" href="/catalogue/"' in page  # the default button


def test_websites_refuse_script_links_and_old_ones_are_not_links(client, db):
    vendor = VendorFactory(slug="htx-xss")
    partner = TourismPartnerFactory()
    for row in (vendor, partner):
        row.website = "javascript:alert(1)"
        with pytest.raises(ValidationError) as refused:
            row.full_clean()
        assert "website" in refused.value.message_dict
    Vendor.objects.filter(pk=vendor.pk).update(website="javascript:alert(1)")
    staff = _client(UserFactory(is_staff=True, is_superuser=True))

    public = _assert_inert(client.get("/vendors/htx-xss/"))
    review = _assert_inert(staff.get(f"/dashboard/producers/{vendor.pk}/"))

    assert "javascript:alert(1)</a>" not in public
    assert "javascript:alert(1)" in review  # shown to staff as text, not as a link


def test_the_application_form_refuses_a_script_website(client, db):
    from tests.vendors.onboarding_data import application_data

    response = client.post("/sell/", application_data(website="javascript:alert(1)"))

    assert response.status_code == 200
    assert not Vendor.objects.filter(tax_code="5701999001").exists()


# Applicants write through the public forms; staff then read what they wrote.
APPLICANT_TEXT = "XSSAPPLY <img src=x onerror=alert(1)><svg onload=alert(1)>"


def test_a_producer_application_is_shown_inert_to_staff(client, db):
    from tests.vendors.onboarding_data import application_data

    texts = {
        field: APPLICANT_TEXT
        for field in ("legal_name", "street_address", "old_district", "contact_name", "story")
    }
    texts.update(
        {
            "certificates-0-product_name": APPLICANT_TEXT,
            "certificates-0-certificate_number": APPLICANT_TEXT[:64],
            "certificates-0-decision_number": APPLICANT_TEXT[:64],
        }
    )
    assert client.post("/sell/", application_data(**texts)).status_code == 302
    vendor = Vendor.objects.get(tax_code="5701999001")
    # The applicant reads the application once the mailed link has confirmed the account.
    User.objects.filter(pk=vendor.applicant_id).update(is_active=True)
    applicant_page = _client(vendor.applicant).get("/sell/application/")
    staff = _client(UserFactory(is_staff=True, is_superuser=True))

    _assert_inert(applicant_page, marker="XSSAPPLY")
    _assert_inert(staff.get("/dashboard/producers/?status=pending"), marker="XSSAPPLY")
    _assert_inert(staff.get(f"/dashboard/producers/{vendor.pk}/"), marker="XSSAPPLY")
    _assert_inert(staff.get("/dashboard/catalogue/"), marker="XSSAPPLY")


def test_a_partner_application_is_shown_inert_to_staff(client, db):
    answer = client.post(
        "/partners/join/",
        {
            "organisation": APPLICANT_TEXT,
            "kind": "hotel",
            "contact_name": APPLICANT_TEXT,
            "email": "hoa@homestay.example",
            "phone": "0912345678",
            "domains": "homestay.example",
            "email_login": "hoa@homestay.example",
            "password": "rat-kho-doan-2026",
            "privacy_consent": "on",
        },
    )
    assert answer.status_code == 302
    partner = TourismPartner.objects.get(email="hoa@homestay.example")
    staff = _client(UserFactory(is_staff=True, is_superuser=True))

    _assert_inert(staff.get("/dashboard/tourism-partners/"), marker="XSSAPPLY")
    _assert_inert(staff.get(f"/dashboard/tourism-partners/{partner.pk}/"), marker="XSSAPPLY")
