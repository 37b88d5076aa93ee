"""/stories/: filters by region and topic, pages of stories."""

import pytest

from cms.models.pages import STORIES_PER_PAGE
from tests.cms.conftest import province

pytestmark = pytest.mark.django_db


def test_index_filters_by_region(english, make_story):
    make_story(title="Hoa ban tháng ba", region=province("Điện Biên"))
    make_story(title="Miến dong Bình Liêu", region=province("Quảng Ninh"))

    text = english.get("/stories/?region=dien-bien").content.decode()
    assert "Hoa ban tháng ba" in text
    assert "Miến dong Bình Liêu" not in text


def test_index_filters_by_tag(english, make_story):
    make_story(title="Mật ong hoa ban", tags=["mật ong"])
    make_story(title="Dầu sở", tags=["tinh dầu"])

    from taggit.models import Tag

    slug = Tag.objects.get(name="mật ong").slug
    text = english.get(f"/stories/?tag={slug}").content.decode()
    assert "Mật ong hoa ban" in text
    assert "Dầu sở" not in text


def test_unknown_filter_values_show_an_empty_list_not_an_error(english, make_story):
    make_story(title="Miến dong")
    response = english.get("/stories/?region=atlantis&tag=%3Cscript%3E&page=abc")
    assert response.status_code == 200
    assert "No story matches these filters yet." in response.content.decode()


def test_index_is_paginated_newest_first(english, make_story):
    from datetime import date, timedelta

    start = date(2026, 1, 1)
    for n in range(STORIES_PER_PAGE + 1):
        make_story(title=f"Câu chuyện số {n}", date=start + timedelta(days=n))

    first = english.get("/stories/").content.decode()
    assert f"Câu chuyện số {STORIES_PER_PAGE}<" in first
    assert "Câu chuyện số 0<" not in first
    second = english.get("/stories/?page=2").content.decode()
    assert "Câu chuyện số 0<" in second
