"""Content-Security-Policy: the site's policy per path, and the view that receives the
violation reports browsers send."""

from __future__ import annotations

import json
import logging
import re
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

logger = logging.getLogger(__name__)

# A real report is well under 4 KB; anything much larger is not a browser talking.
REPORT_MAX_BYTES = 16 * 1024
# Fields worth a log line, each cut short so a hostile report cannot flood the log.
REPORT_FIELDS = (
    "document-uri",
    "violated-directive",
    "effective-directive",
    "blocked-uri",
    "source-file",
    "line-number",
    "script-sample",
)
REPORT_FIELD_MAX = 300


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, plus `CSP_PATH_POLICIES`: pages under a path that needs another
    rule get those directives replaced, there only. A view's own replacements still win."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.path_policies = [
            (re.compile(pattern), directives)
            for pattern, directives in getattr(settings, "CSP_PATH_POLICIES", ())
        ]

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if getattr(request, "is_dummy", False):
            # Wagtail renders a preview or draft through a made-up request for the page's own
            # address; the admin's preview panel frames the result.
            directives = getattr(settings, "CSP_PREVIEW_POLICY", {})
        else:
            directives = next(
                (d for pattern, d in self.path_policies if pattern.match(request.path_info)), {}
            )
        if directives:
            parts.replace = {**directives, **(parts.replace or {})}
        return parts


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL, or "" when it has none."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def _short(value) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text[:REPORT_FIELD_MAX].replace("\n", " ")


def _violations(payload) -> list[dict]:
    """The reports in a body: `{"csp-report": {...}}` (report-uri) or the Reporting API's
    list of `{"type": "csp-violation", "body": {...}}`."""
    if isinstance(payload, dict) and isinstance(payload.get("csp-report"), dict):
        return [payload["csp-report"]]
    if isinstance(payload, list):
        found = []
        for entry in payload[:20]:
            if isinstance(entry, dict) and isinstance(entry.get("body"), dict):
                body = entry["body"]
                # The Reporting API spells the fields in camelCase.
                found.append(
                    {
                        "document-uri": body.get("documentURL", ""),
                        "effective-directive": body.get("effectiveDirective", ""),
                        "blocked-uri": body.get("blockedURL", ""),
                        "source-file": body.get("sourceFile", ""),
                        "line-number": body.get("lineNumber", ""),
                        "script-sample": body.get("sample", ""),
                    }
                )
        return found
    return []


@csrf_exempt
@require_POST
def csp_report(request):
    """Logs each violation a browser reports and answers 204. A body that is too large or not
    a report gets 4xx: browsers never send one, so nothing is lost."""
    try:
        declared = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        return HttpResponseBadRequest("Bad Content-Length.")
    if declared > REPORT_MAX_BYTES:
        return HttpResponse("Report too large.", status=413)
    body = request.read(REPORT_MAX_BYTES + 1)
    if len(body) > REPORT_MAX_BYTES:
        return HttpResponse("Report too large.", status=413)
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return HttpResponseBadRequest("Not a CSP report.")
    violations = _violations(payload)
    if not violations:
        return HttpResponseBadRequest("Not a CSP report.")
    for violation in violations:
        logger.warning(
            "CSP violation: %s",
            ", ".join(
                f"{field}={_short(violation[field])}"
                for field in REPORT_FIELDS
                if violation.get(field) not in (None, "")
            ),
        )
    return HttpResponse(status=204)
