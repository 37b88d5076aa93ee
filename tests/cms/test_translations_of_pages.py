"""English versions of pages at the same addresses; the switch keeps the reader on the page."""

import re

import pytest
from wagtail.models import Locale

from catalogue.models import Province
from cms.models import RegionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated_story(make_story):
    story = make_story(title="Mật ong hoa ban", intro="Ong hút mật hoa ban.")
    english_story = story.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english_story.title = "Ban flower honey"
    english_story.intro = "Bees and the Ban flower."
    english_story.save_revision().publish()
    return story, english_story


def test_reader_sees_the_page_in_the_language_chosen(vietnamese, translated_story):
    story, english_story = translated_story
    assert english_story.url == story.url
    assert "Mật ong hoa ban" in vietnamese.get(story.url).content.decode()
    vietnamese.cookies["django_language"] = "en"
    text = vietnamese.get(story.url).content.decode()
    assert "Ban flower honey" in text


def test_untranslated_page_is_shown_in_vietnamese_to_an_english_reader(english, make_story):
    make_story(title="Dầu sở Bình Liêu")
    response = english.get("/stories/dau-so-binh-lieu/")
    assert response.status_code == 200
    assert "Dầu sở Bình Liêu" in response.content.decode()


def test_language_switch_leads_to_the_translation(vietnamese, translated_story):
    story, english_story = translated_story
    text = vietnamese.get(story.url).content.decode()
    assert f'name="next" type="hidden" value="{english_story.url}"' in text
    response = vietnamese.post("/i18n/setlang/", {"language": "en", "next": english_story.url})
    assert response.status_code == 302
    assert response["Location"] == english_story.url
    assert "Ban flower honey" in vietnamese.get(response["Location"]).content.decode()


def test_story_lists_follow_the_language(english, translated_story):
    text = english.get("/stories/").content.decode()
    assert "Ban flower honey" in text
    assert "Mật ong hoa ban" not in text


def test_english_index_also_lists_stories_not_yet_translated(english, translated_story, make_story):
    make_story(title="Miến dong Bình Liêu")
    text = english.get("/stories/").content.decode()
    assert "Ban flower honey" in text
    assert "Miến dong Bình Liêu" in text


def test_a_page_missing_in_both_languages_is_not_found(english, translated_story):
    # The English tree falls back to the Vietnamese one, which then says 404 itself.
    for path in ("/stories/khong-co-chuyen-nay/", "/khong-co/"):
        assert english.get(path).status_code == 404
    # A NUL byte in the path is refused before any page is looked up.
    assert english.get("/stories/%00/").status_code == 400
    english.cookies["django_language"] = "vi"
    assert english.get("/stories/khong-co-chuyen-nay/").status_code == 404


def _story_region_link(text: str) -> str:
    [link] = re.findall(r'<p class="story-header__meta">\s*(<a [^>]*>[^<]*</a>)', text)
    return link


def test_an_english_story_names_its_province_by_the_english_region_page(
    client, make_story, region_index
):
    quang_ninh = Province.objects.get(short_name="Quảng Ninh")
    region = RegionPage(
        title="Quảng Ninh", slug="quang-ninh", province=quang_ninh, intro="<p>x</p>"
    )
    region_index.add_child(instance=region)
    region_en = region.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    region_en.title = "Quảng Ninh province"
    region_en.save_revision().publish()
    story = make_story(title="Miến dong Bình Liêu", region=quang_ninh)

    client.cookies["django_language"] = "en"
    english_link = _story_region_link(client.get(story.url).content.decode())
    client.cookies["django_language"] = "vi"
    vietnamese_link = _story_region_link(client.get(story.url).content.decode())

    assert english_link.endswith(">Quảng Ninh province</a>") and "lang=" not in english_link
    assert vietnamese_link.endswith(f">{quang_ninh.name}</a>") and "lang=" not in vietnamese_link


def test_without_an_english_region_page_the_province_is_marked_vietnamese(english, make_story):
    dien_bien = Province.objects.get(short_name="Điện Biên")
    story = make_story(title="Mật ong hoa ban", region=dien_bien)

    link = _story_region_link(english.get(story.url).content.decode())

    assert link.endswith(f' lang="vi">{dien_bien.name}</a>')
