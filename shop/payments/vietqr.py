"""VietQR (NAPAS) payloads: the EMVCo merchant-presented QR a Vietnamese banking app reads to
prefill a transfer to our account, for an exact amount, with the order number as reference."""

from dataclasses import dataclass
from decimal import Decimal

import segno

# NAPAS's application identifier and the service "transfer to an account number".
NAPAS_GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"


@dataclass(frozen=True)
class BankAccount:
    bin: str  # the bank's six-digit NAPAS BIN, e.g. 970436 for Vietcombank
    number: str
    holder: str
    bank_name: str


def _field(tag: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"EMVCo field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def crc16_ccitt(data: bytes) -> int:
    """CRC-16/CCITT-FALSE (polynomial 0x1021, start 0xFFFF), the checksum EMVCo asks for."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def payload(*, account: BankAccount, amount: Decimal, reference: str) -> str:
    """The QR text for a one-off transfer of `amount` đồng to `account`."""
    amount = Decimal(amount)
    if amount != amount.to_integral_value() or amount <= 0:
        raise ValueError(f"A transfer is a whole number of đồng above zero, not {amount}")
    beneficiary = _field("00", account.bin) + _field("01", account.number)
    merchant = (
        _field("00", NAPAS_GUID) + _field("01", beneficiary) + _field("02", SERVICE_TO_ACCOUNT)
    )
    text = (
        _field("00", "01")
        # 12: a dynamic code, valid for this one payment.
        + _field("01", "12")
        + _field("38", merchant)
        + _field("53", "704")
        + _field("54", str(int(amount)))
        + _field("58", "VN")
        + _field("62", _field("08", reference))
        + "6304"
    )
    return text + f"{crc16_ccitt(text.encode('ascii')):04X}"


def qr_svg(text: str) -> str:
    """The QR as an inline SVG (no file to store or serve)."""
    return segno.make(text, error="m", micro=False).svg_inline(scale=5, border=2)
