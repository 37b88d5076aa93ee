"""Pages are sent without the templates' indentation: a run of white space that holds a line
break becomes that one line break. A browser lays such a run out as a single space either way,
so the page looks the same, and the catalogue's indentation alone was some 6 KB a page."""

import re

from django.utils.deprecation import MiddlewareMixin

_INDENTED_BREAKS = re.compile(rb"\n[ \t\r\n]+")
# Elements whose white space is shown as written: a page holding one is sent untouched.
_VERBATIM = re.compile(rb"<(pre|textarea)[\s>]", re.IGNORECASE)


class HtmlWhitespaceMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        if (
            response.streaming
            or response.status_code != 200
            or response.has_header("Content-Encoding")
            or not response.get("Content-Type", "").startswith("text/html")
        ):
            return response
        content = response.content
        if _VERBATIM.search(content):
            return response
        response.content = _INDENTED_BREAKS.sub(b"\n", content)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
