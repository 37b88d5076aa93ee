"""Page types, their place in the tree, and what each shows a reader."""

import pytest
from django.core.exceptions import ValidationError

from cms.models import HomePage, RegionIndexPage, RegionPage, StoryIndexPage, StoryPage
from tests.cms.conftest import paragraph, product_cards, province
from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db


def test_pages_only_go_where_they_belong():
    assert StoryPage.allowed_parent_page_models() == [StoryIndexPage]
    assert RegionPage.allowed_parent_page_models() == [RegionIndexPage]
    assert set(HomePage.allowed_subpage_models()) == {StoryIndexPage, RegionIndexPage}
    assert StoryPage.allowed_subpage_models() == []


def test_home_takes_one_story_index_and_one_region_index(sections, home):
    assert not StoryIndexPage.can_create_at(home)
    assert not RegionIndexPage.can_create_at(home)


def test_story_page_shows_its_body_and_summary(english, make_story):
    story = make_story(
        title="Mật ong hoa ban Điện Biên",
        intro="Ong hút mật hoa ban mỗi mùa xuân.",
        region=province("Điện Biên"),
        body=[paragraph("Tháng ba, hoa ban nở trắng núi rừng.")],
    )
    response = english.get(story.url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Mật ong hoa ban Điện Biên" in text
    assert "Tháng ba, hoa ban nở trắng núi rừng." in text
    assert 'property="og:type" content="article"' in text


def test_lead_image_needs_alternative_text(make_story):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Đồi dong", file=get_test_image_file())
    story = make_story(publish=False)
    story.hero_image = image
    story.hero_image_alt = ""
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "hero_image_alt" in error.value.message_dict


def test_story_draft_is_not_public(client, make_story):
    story = make_story(title="Bản nháp", publish=False)
    assert client.get("/stories/ban-nhap/").status_code == 404
    assert not story.live


def test_region_page_lists_its_products_stories_and_producers(english, region_index, make_story):
    dien_bien = province("Điện Biên")
    from tests.factories import VendorFactory, commune

    vendor = VendorFactory(
        legal_name="HTX Ong mật Mường Phăng", commune=commune("Điện Biên", "Mường Phăng")
    )
    honey = ProductFactory(title="Mật ong hoa ban", vendor=vendor)
    CertificateFactory(product=honey, stars=4)
    elsewhere = ProductFactory(title="Miến dong Bình Liêu")
    region = RegionPage(
        title="Điện Biên", slug="dien-bien", province=dien_bien, intro="<p>Vùng đất hoa ban.</p>"
    )
    region_index.add_child(instance=region)
    make_story(title="Mùa hoa ban", region=dien_bien, body=[product_cards(honey)])

    response = english.get("/regions/dien-bien/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Mật ong hoa ban" in text
    assert elsewhere.title not in text
    assert "Mùa hoa ban" in text
    assert "HTX Ong mật Mường Phăng" in text
    assert "?province=11" in text or f"?province={dien_bien.code}" in text


def test_home_page_shows_latest_stories(english, make_story):
    make_story(title="Dầu sở Bình Liêu")
    response = english.get("/")
    assert response.status_code == 200
    assert "Dầu sở Bình Liêu" in response.content.decode()


def test_home_page_head_comes_from_the_editorial_base(english, home):
    text = english.get("/").content.decode()
    assert f'<meta property="og:description" content="{home.hero_text}" />' in text
    assert f'<link rel="canonical" href="{home.full_url}" />' in text
    assert text.count("css/stories.css") == 1
    assert 'rel="alternate" type="application/atom+xml"' in text
    assert home.hero_title in text
    # The editorial base names the page in its own words; the home page keeps the tagline.
    assert "<title>" in text and f"{home.title} |" in text
