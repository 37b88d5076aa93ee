"""The carriers a producer may hand a parcel to, and where a buyer follows it.

The one place that knows each carrier's public tracking page: a page, a mail or the API asks
`tracking_url()` and never builds a carrier's address itself. Free of models, so migrations
and settings may read it.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Carrier(models.TextChoices):
    GHN = "ghn", "GHN (Giao Hàng Nhanh)"
    GHTK = "ghtk", "GHTK (Giao Hàng Tiết Kiệm)"
    VIETTEL_POST = "viettel_post", "Viettel Post"
    VNPOST = "vnpost", _("VNPost (Vietnam Post)")
    JT = "jt", "J&T Express"
    OWN = "own", _("The producer's own delivery")


@dataclass(frozen=True)
class CarrierPage:
    """A carrier's public tracking page; `{code}` stands for the tracking number."""

    pattern: str
    # Other ways producers write the carrier's name (matched without case or spaces).
    aliases: tuple[str, ...] = ()


# The producer's own delivery has no page: the buyer calls the producer.
TRACKING_PAGES: dict[str, CarrierPage] = {
    Carrier.GHN: CarrierPage(
        "https://donhang.ghn.vn/?order_code={code}", ("giaohangnhanh", "giao hàng nhanh")
    ),
    Carrier.GHTK: CarrierPage(
        "https://i.ghtk.vn/{code}", ("giaohangtietkiem", "giao hàng tiết kiệm")
    ),
    Carrier.VIETTEL_POST: CarrierPage(
        "https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/?peopleTracking=sender&orderNumber={code}",
        ("viettelpost", "vtp"),
    ),
    Carrier.VNPOST: CarrierPage(
        "https://www.vnpost.vn/vi-vn/dinh-vi/buu-pham?key={code}",
        ("vietnampost", "vietnam post", "bưu điện", "vnpost"),
    ),
    Carrier.JT: CarrierPage(
        "https://jtexpress.vn/vi/tracking?type=track&billcode={code}",
        ("j&t", "jt express", "j&texpress", "jnt"),
    ),
}

# Letters, digits, dots and dashes: what the carriers print under their barcodes (GHTK's
# numbers carry dots, "S1234567.MB1.A2.123456789"). Spaces are dropped, as people copy
# numbers printed in groups ("EE 123 456 789 VN").
TRACKING_MIN_LENGTH = 6
TRACKING_MAX_LENGTH = 40
_TRACKING_CHARACTERS = re.compile(r"^[A-Z0-9.\-]+$")


def _folded(text: str) -> str:
    return "".join(text.split()).casefold()


def carrier_code(text: str) -> str:
    """The code of the carrier named by `text` (its code, its name or a usual alias, in any
    case), or "" when it is none of ours."""
    folded = _folded(text)
    if not folded:
        return ""
    for carrier in Carrier:
        names = {carrier.value, str(carrier.label), carrier.label.split(" (")[0]}
        page = TRACKING_PAGES.get(carrier.value)
        if page:
            names.update(page.aliases)
        if folded in {_folded(name) for name in names}:
            return carrier.value
    return ""


def carrier_name(code: str) -> str:
    """The carrier's name as a buyer reads it; an unknown code (a parcel recorded before the
    list existed) is shown as it was typed."""
    try:
        return str(Carrier(code).label)
    except ValueError:
        return code


def tracking_url(*, carrier: str, tracking_code: str) -> str:
    """The carrier's public page for this parcel, or "" (own delivery, unknown carrier, no
    number)."""
    page = TRACKING_PAGES.get(carrier)
    if page is None or not tracking_code:
        return ""
    return page.pattern.format(code=quote(tracking_code, safe=""))


def tracking_code_clean(*, carrier: str, tracking_code: str) -> str:
    """The tracking number as it is stored (capitals, no spaces), or a ValidationError that
    says what is wrong. The producer's own delivery may have none."""
    code = "".join(tracking_code.split()).upper()
    if not code:
        if carrier == Carrier.OWN:
            return ""
        raise ValidationError(
            _("Enter the tracking number printed on the carrier's receipt."), code="required"
        )
    if not TRACKING_MIN_LENGTH <= len(code) <= TRACKING_MAX_LENGTH:
        raise ValidationError(
            _("A tracking number has %(min)d to %(max)d characters; this one has %(length)d.")
            % {"min": TRACKING_MIN_LENGTH, "max": TRACKING_MAX_LENGTH, "length": len(code)},
            code="length",
        )
    if not _TRACKING_CHARACTERS.match(code):
        raise ValidationError(
            _("A tracking number has only letters without accents, digits, dots and dashes."),
            code="characters",
        )
    return code


__all__ = [
    "TRACKING_PAGES",
    "Carrier",
    "carrier_code",
    "carrier_name",
    "tracking_code_clean",
    "tracking_url",
]
