"""Vietnamese tax codes (mã số thuế) as an invoice needs them: an organisation's 10 digits, or a
branch's 10 digits, "-" and 3 digits.

The tenth digit is a check digit over the first nine; python-stdnum's `stdnum.vn.mst`
implements that rule, so a mistyped digit is caught before the producer's invoice is refused
by the tax authority's system.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_exceptions
from stdnum.vn import mst

# Spaces and dots people type between groups are dropped; the branch dash is kept.
_SEPARATORS = re.compile(r"[\s.]+")
TAX_CODE_FORMAT = re.compile(r"^[0-9]{10}(-[0-9]{3})?\Z")


def tax_code_clean(raw: str) -> str:
    """The tax code as stored ("0100109106" or "0100109106-001"), or ValidationError with a
    message saying what a valid code looks like."""
    text = _SEPARATORS.sub("", raw or "")
    if not TAX_CODE_FORMAT.match(text):
        raise ValidationError(
            _(
                "A tax code is 10 digits, or 10 digits, a dash and 3 digits for a branch "
                "(e.g. 0100109106 or 0100109106-001)."
            ),
            code="tax_code_format",
        )
    try:
        mst.validate(text)
    except stdnum_exceptions.ValidationError:
        raise ValidationError(
            _("This tax code does not exist: check its digits against your business registration."),
            code="tax_code_check_digit",
        ) from None
    return text
