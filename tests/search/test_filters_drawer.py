"""The catalogue and search pages on a phone's terms: results first with a "Filter" link to the
drawer, long facets folded under "more", and an empty search that says what to do."""

import html as html_lib
import re
from urllib.parse import urljoin

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


def _followed(page_url: str, href: str) -> str:
    """The address a browser opens for a link of the page at `page_url` (facet links are
    query-only: "?vendor=..." stays on the page)."""
    return urljoin(page_url, html_lib.unescape(href))


def test_the_producers_fold_after_six_and_a_chosen_one_stays_in_sight(demo_catalogue, vietnamese):
    producers = _vendor_facet(vietnamese.get("/catalogue/").content.decode())
    shown, folded = producers.split('<details class="ocop-facet__more"')
    # Only six producers are in the page; "see all" holds a link to the whole list.
    assert shown.count('class="ocop-facet__option') == 6
    assert "ocop-facet__option" not in folded
    assert re.search(r"<summary>Xem tất cả</summary>", folded)
    full_url = _followed("/catalogue/", re.search(r'<a href="([^"]+)" rel="nofollow">', folded)[1])

    everyone = _vendor_facet(vietnamese.get(full_url).content.decode())
    links = re.findall(r'<a class="ocop-facet__option" href="([^"]+)"', everyone)
    assert len(links) > 6
    hidden_links = [link for link in links if link not in shown]

    chosen = vietnamese.get(_followed(full_url, hidden_links[0]))
    page = chosen.content.decode()
    producers = _vendor_facet(page)
    assert "Bỏ lọc:" in producers.split('<details class="ocop-facet__more"')[0]
    # The "Filter" link counts the filter chosen.
    assert re.search(r'Lọc <span class="ocop-filter-toggle__count">.*?1.*?</span></a>', page, re.S)


def test_see_all_loads_the_whole_list_of_producers(demo_catalogue, vietnamese):
    page = vietnamese.get("/catalogue/").content.decode()
    producers = _vendor_facet(page)
    shown = re.findall(r'<a class="ocop-facet__option" href="([^"]+)"', producers)
    fragment_url = _followed("/catalogue/", re.search(r'data-facet-more="([^"]+)"', producers)[1])
    full_url = _followed(
        "/catalogue/", re.search(r'<a href="([^"]+)" rel="nofollow">', producers)[1]
    )

    rest = vietnamese.get(fragment_url)
    everyone = _vendor_facet(vietnamese.get(full_url).content.decode())

    assert rest.status_code == 200
    fragment = rest.content.decode()
    assert fragment.lstrip().startswith("<ul") and "<html" not in fragment
    loaded = re.findall(r'<a class="ocop-facet__option" href="([^"]+)"', fragment)
    # The whole list, in the order of the page without a script, the page's six first.
    assert loaded == re.findall(r'<a class="ocop-facet__option" href="([^"]+)"', everyone)
    assert loaded[:6] == shown and len(loaded) > 6
    assert 'src="/static/js/facet-more.js"' in page


@pytest.mark.parametrize(
    "params",
    [{"q": "mat"}, {"stars": "3", "in_stock": "1"}, {"province": "22"}],
    ids=["text", "two filters", "one filter"],
)
def test_see_all_lists_what_the_full_page_lists_whatever_the_search(
    demo_catalogue, vietnamese, params, django_assert_max_num_queries
):
    everyone = _vendor_facet(
        vietnamese.get("/catalogue/", {**params, "more": "vendor"}).content.decode()
    )
    # The list alone: neither the results nor the other facets are counted for it.
    with django_assert_max_num_queries(10):
        fragment = vietnamese.get(
            "/catalogue/", {**params, "more": "vendor", "fragment": "1"}
        ).content.decode()

    option = r'<a class="ocop-facet__option" href="([^"]+)"'
    assert re.findall(option, fragment) == re.findall(option, everyone)


def test_the_full_list_of_a_group_page_keeps_its_links_on_the_group(demo_catalogue, vietnamese):
    from catalogue.models import Category

    food = Category.objects.get(ocop_code="I")
    page = vietnamese.get(food.get_absolute_url(), {"more": "vendor", "fragment": "1"})

    links = re.findall(r'<a class="ocop-facet__option" href="([^"]+)"', page.content.decode())
    # Read as a browser reads them once the list is in the group's page (query-only links).
    group_url = f"http://testserver{food.get_absolute_url()}"
    assert links and all(
        urljoin(group_url, html_lib.unescape(link)).startswith(group_url + "?") for link in links
    )
    # Anything else asked as "more" is the page itself, never an error.
    assert vietnamese.get("/catalogue/", {"more": "<script>", "fragment": "1"}).status_code == 200


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
