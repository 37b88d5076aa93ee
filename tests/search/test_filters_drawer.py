"""The catalogue and search pages on a phone's terms: results first with a "Filter" link to the
drawer, long facets folded under "more", and an empty search that says what to do."""

import html as html_lib
import re

import pytest

pytestmark = pytest.mark.django_db


def _vendor_facet(html: str) -> str:
    """The producers' facet, from its heading to the next facet or the end of the filters."""
    start = html.index('id="ocop-facet-vendor"')
    ends = [
        i
        for i in (html.find('<div class="ocop-facet">', start), html.find("</section>", start))
        if i > 0
    ]
    return html[start : min(ends)]


def _text(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def test_results_come_first_and_the_filters_wait_behind_a_link(demo_catalogue, vietnamese):
    html = vietnamese.get("/catalogue/").content.decode()

    toggle = html.index('href="#ocop-filters"')
    assert _text(html[toggle : html.index("</a>", toggle)]).endswith("Lọc")
    assert toggle < html.index('class="ocop-grid')
    # The drawer itself: a labelled region with a way back to the results.
    assert re.search(
        r'<section class="ocop-filters" id="ocop-filters" aria-labelledby="ocop-filters-heading"',
        html,
    )
    assert re.search(r'href="#ocop-results" data-filters-close>Xem \d+ sản phẩm</a>', html)
    assert 'id="ocop-results"' in html


def test_the_producers_fold_after_six_and_a_chosen_one_stays_in_sight(demo_catalogue, vietnamese):
    producers = _vendor_facet(vietnamese.get("/catalogue/").content.decode())
    shown, folded = producers.split('<details class="ocop-facet__more">')
    hidden_links = re.findall(r'<a class="ocop-facet__option" href="([^"]+)"', folded)

    assert shown.count('class="ocop-facet__option') == 6
    assert re.search(rf"<summary>Xem thêm {len(hidden_links)}</summary>", folded)

    chosen = vietnamese.get(html_lib.unescape(hidden_links[0]))
    page = chosen.content.decode()
    producers = _vendor_facet(page)
    assert '<details class="ocop-facet__more" open>' in producers
    assert "Bỏ lọc:" in producers
    # The "Filter" link counts the filter chosen.
    assert re.search(r'Lọc <span class="ocop-filter-toggle__count">.*?1.*?</span></a>', page, re.S)


@pytest.mark.parametrize("typed", ["", "   "])
def test_an_empty_search_says_what_to_do_instead_of_quoting_nothing(
    demo_catalogue, vietnamese, typed
):
    response = vietnamese.get("/search/", {"q": typed})

    html = response.content.decode()
    assert response.status_code == 200
    assert '""' not in _text(html)
    assert re.search(r"<h1>\s*Tìm sản phẩm\s*</h1>", html)
    assert "Hãy gõ tên sản phẩm, địa danh hoặc nhà sản xuất" in html
    # Everything is listed meanwhile.
    assert 'class="ocop-grid' in html


def test_a_search_with_words_still_quotes_them(demo_catalogue, client):
    client.cookies["django_language"] = "en"

    html = client.get("/search/", {"q": "mien"}).content.decode()

    assert re.search(r'<h1>\s*Products matching "mien"\s*</h1>', html)
    assert "Type a product, a place or a producer" not in html
