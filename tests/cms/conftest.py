"""Fixtures of the editorial site: the page tree and a story builder."""

import pytest
from django.utils.text import slugify

from catalogue.models import Province
from cms.models import StoryPage
from cms.services import home_page_ensure, section_pages_ensure


@pytest.fixture
def home(db):
    return home_page_ensure()


@pytest.fixture
def sections(home):
    return section_pages_ensure(home=home)


@pytest.fixture
def story_index(sections):
    return sections[0]


@pytest.fixture
def region_index(sections):
    return sections[1]


def province(short_name: str) -> Province:
    return Province.objects.get(short_name=short_name)


def product_cards(*products, heading: str = "") -> dict:
    return {"type": "products", "value": {"heading": heading, "products": [p.pk for p in products]}}


def producer_card(vendor, note: str = "") -> dict:
    return {"type": "producer", "value": {"producer": vendor.pk, "note": note}}


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


@pytest.fixture
def make_story(story_index):
    def make(
        title="Mùa miến dong Bình Liêu", body=None, region=None, tags=(), publish=True, **fields
    ):
        story = StoryPage(
            title=title,
            slug=slugify(title) or "story",
            intro=fields.pop("intro", "Một câu chuyện về vùng đất và con người."),
            region=region,
            live=False,
            body=body if body is not None else [paragraph("Nội dung câu chuyện.")],
            **fields,
        )
        story_index.add_child(instance=story)
        for tag in tags:
            story.tags.add(tag)
        revision = story.save_revision()
        if publish:
            revision.publish()
            story.refresh_from_db()
        return story

    return make
