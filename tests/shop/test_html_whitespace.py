"""Pages leave without the templates' indentation, except where white space is shown as
written (a textarea or pre) and in answers that are not HTML."""

from django.http import HttpResponse, JsonResponse
from django.test import RequestFactory

from shop.html_whitespace import HtmlWhitespaceMiddleware


def sent(response):
    return HtmlWhitespaceMiddleware(lambda request: response)(RequestFactory().get("/"))


def test_indentation_becomes_one_line_break_and_the_words_keep_their_spaces():
    page = "<ul>\n    <li><a>Mật ong</a> <span>12</span></li>\n\n    <li>Chè</li>\n</ul>\n"

    original = HttpResponse(page)
    original["Content-Length"] = str(len(original.content))

    response = sent(original)

    assert response.content.decode() == (
        "<ul>\n<li><a>Mật ong</a> <span>12</span></li>\n<li>Chè</li>\n</ul>\n"
    )
    assert response["Content-Length"] == str(len(response.content))


def test_a_page_with_a_textarea_or_pre_is_sent_as_written():
    for page in (
        "<form>\n  <textarea>\n  Giao giờ hành chính</textarea>\n</form>",
        "<pre>\n  a\n</pre>",
    ):
        assert sent(HttpResponse(page)).content.decode() == page


def test_json_is_sent_as_written():
    response = JsonResponse({"name": "Mật ong\n    bạc hà"}, json_dumps_params={"indent": 4})

    assert sent(response).content == response.content
