"""Our own 404 and 500 pages, in Vietnamese and in English."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "link"),
    [
        ("vi", "Chúng tôi không tìm thấy trang này", "Tất cả sản phẩm"),
        ("en", "We could not find this page", "All products"),
    ],
)
def test_an_unknown_address_shows_our_page_with_status_404(client, language, heading, link):
    client.cookies["django_language"] = language

    for url in ("/khong-co-trang-nay/", "/catalogue/khong-co_999999/", "/stories/khong-co/"):
        response = client.get(url)

        html = response.content.decode()
        assert response.status_code == 404, url
        assert f'<html lang="{language}"' in html
        assert heading in html
        # The site's own header (search box, basket) and a way on from the page itself.
        assert 'id="site-search-q"' in html
        assert f'<a href="/catalogue/">{link}</a>' in html
        assert 'action="/search/"' in html


@pytest.mark.parametrize(
    ("language", "heading"),
    [("vi", "Hệ thống của chúng tôi đang gặp sự cố"), ("en", "Something went wrong on our side")],
)
def test_the_500_page_renders_alone_without_the_database(language, heading):
    # No django_db mark: any query made while rendering would fail this test.
    with translation.override(language):
        response = server_error(RequestFactory().get("/"))

    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}">' in html
    assert heading in html
    assert "/static/css/ocop.css" in html
    assert 'action="/search/"' in html
