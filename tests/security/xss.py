"""XSS payloads and a check that a page emits nothing active.

The check parses the page the way a browser reads it (``html.parser``) instead of looking
for substrings: escaped text that merely shows a payload is fine; an element, attribute or
URL that would run something is not.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

# Each payload tries to run something; "XSS" or alert() marks what is theirs.
PAYLOADS: list[str] = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/xss.js></SCRIPT>",
    '<script type="module">alert(1)</script>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="fetch(\'/dashboard/payments/transfers/\')">',
    "<IMG SRC=x OnErRoR=alert(1)>",
    "<img src=`x`onerror=alert(1)>",
    "<img/src=x/onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<div onmouseover=alert(1)>XSS</div>",
    "<p onclick='alert(1)'>XSS</p>",
    '<a href="#" onfocus=alert(1) autofocus>XSS</a>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>XSS</marquee>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<select autofocus onfocus=alert(1)>",
    "<textarea autofocus onfocus=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><a><animate attributeName=href values="javascript:alert(1)"/><text>XSS</text></a></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text y=20>XSS</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<a href="javascript:alert(1)">XSS</a>',
    '<a href="JaVaScRiPt:alert(1)">XSS</a>',
    '<a href="&#106;avascript:alert(1)">XSS</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;script&colon;alert(1)">XSS</a>',
    '<a href="java\tscript:alert(1)">XSS</a>',
    '<a href="java\nscript:alert(1)">XSS</a>',
    '<a href=" javascript:alert(1)">XSS</a>',
    '<a href="vbscript:msgbox(1)">XSS</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">XSS</a>',
    '<form action="javascript:alert(1)"><button>XSS</button></form>',
    '<button formaction="javascript:alert(1)">XSS</button>',
    '<div style="background:url(javascript:alert(1))">XSS</div>',
    '<div style="width:expression(alert(1))">XSS</div>',
    "<style>@import 'javascript:alert(1)';</style>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    "<img src=x onerror=alert(1)",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<!--<img src=--><img src=x onerror=alert(1)//>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "{{ request.user.password }}{% debug %}",
    "${alert(1)}",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<x onclick=alert(1)>XSS",
]

_SCHEME = re.compile(r"^(javascript|vbscript|data|livescript):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "srcdoc",
    "values",
    "to",
    "from",
    "lowsrc",
    "dynsrc",
    "ping",
}
ACTIVE_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
# Inline handlers written in our and Oscar's templates, holding no data: the sort menu,
# the dashboard's "cancel" links and its photo upload fields.
OUR_HANDLERS = [
    re.compile(r"this\.form\.submit\(\)"),
    re.compile(r"window\.history\.go\(-1\);return false"),
    re.compile(r"\$\('#upload_button_id_images-\d+-original-image'\)\.hide\(\)"),
    # Oscar's photo field warns in the reader's language when the browser cannot show a file.
    re.compile(
        r"\$\('#upload_button_id_images-\d+-original-image'\)\.show\(\); alert\('[^'<>\\]*'\)"
    ),
]
# Scripts from our origin, Stripe.js on card pages and the jQuery of Oscar's dashboard.
OUR_SCRIPT_SOURCES = (
    "/static/",
    "https://js.stripe.com/",
    "https://ajax.googleapis.com/ajax/libs/jquery/",
)
# Frames the shop itself shows: the widget builder previews the partner's /embed/ page.
OUR_FRAME_SOURCES = ("/embed/",)
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


def _looks_dangerous_url(value: str) -> bool:
    return bool(_SCHEME.match(_INVISIBLE.sub("", value)))


class _ActiveContentFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script: dict | None = None
        self._in_style = False
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)
        if tag == "script":
            self._in_script = dict(attrs)
            self._text = []
        elif tag == "style":
            self._in_style = True
            self._text = []

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_data(self, data):
        if self._in_script is not None or self._in_style:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            body = "".join(self._text)
            if (self._in_script.get("type") or "").lower() in DATA_SCRIPT_TYPES:
                # Data, not code, as long as the text did not end the element early.
                try:
                    json.loads(body)
                except ValueError:
                    self.problems.append(f"data script broken open: {body[:80]!r}")
            elif "alert(" in body or "XSS" in body or "fetch(" in body:
                self.problems.append(f"script from the payload: {body[:80]!r}")
            self._in_script = None
        elif tag == "style" and self._in_style:
            body = "".join(self._text).lower()
            if "javascript:" in body or "expression(" in body or "<" in body:
                self.problems.append(f"style from the payload: {body[:80]!r}")
            self._in_style = False

    def _check(self, tag, attrs):
        if tag in ACTIVE_TAGS:
            source = dict(attrs).get("src") or ""
            if not (tag == "iframe" and source.startswith(OUR_FRAME_SOURCES)):
                self.problems.append(f"<{tag}> element")
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            content = dict(attrs).get("content") or ""
            if "url=" in content.lower():
                self.problems.append("<meta http-equiv> redirect")
        if tag == "script":
            source = dict(attrs).get("src")
            if source and not source.startswith(OUR_SCRIPT_SOURCES):
                self.problems.append(f"<script src={source!r}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and not any(h.fullmatch(value) for h in OUR_HANDLERS):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and _looks_dangerous_url(value):
                if tag == "img" and name == "src" and value.startswith("data:image/png"):
                    continue
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "style" and re.search(r"expression\(|javascript:|url\(", value, re.I):
                self.problems.append(f"<{tag} style={value!r}>")


def active_content(html: str) -> list[str]:
    """What in the page would run script or leave the page: empty when the page is inert."""
    finder = _ActiveContentFinder()
    finder.feed(html)
    finder.close()
    return finder.problems


def chunks(payloads: list[str], *, size: int) -> list[str]:
    """The payloads joined into strings of at most ``size`` characters (each a field's fill)."""
    out: list[str] = []
    current = ""
    for payload in payloads:
        if current and len(current) + len(payload) > size:
            out.append(current)
            current = ""
        current += payload
    if current:
        out.append(current)
    return out
