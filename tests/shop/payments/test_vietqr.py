"""The VietQR payload follows EMVCo's merchant-presented layout NAPAS reads."""

import binascii
from decimal import Decimal

import pytest

from shop.payments.vietqr import BankAccount, payload, qr_svg

ACCOUNT = BankAccount(bin="970436", number="0011001234567", holder="CHO OCOP", bank_name="VCB")


def tlv(text: str) -> dict[str, str]:
    """EMVCo's tag (2 digits), length (2 digits), value, one after another."""
    fields, i = {}, 0
    while i < len(text):
        tag, length = text[i : i + 2], int(text[i + 2 : i + 4])
        fields[tag] = text[i + 4 : i + 4 + length]
        i += 4 + length
    assert i == len(text)
    return fields


def test_the_payload_carries_bank_account_amount_currency_country_and_reference():
    text = payload(account=ACCOUNT, amount=Decimal("255000"), reference="100042")

    fields = tlv(text)
    assert fields["00"] == "01"
    assert fields["01"] == "12"
    merchant = tlv(fields["38"])
    assert merchant["00"] == "A000000727"
    assert tlv(merchant["01"]) == {"00": "970436", "01": "0011001234567"}
    assert merchant["02"] == "QRIBFTTA"
    assert fields["53"] == "704"
    assert fields["54"] == "255000"
    assert fields["58"] == "VN"
    assert tlv(fields["62"]) == {"08": "100042"}
    assert list(fields)[-1] == "63"


def test_the_checksum_is_crc16_ccitt_of_everything_before_it():
    text = payload(account=ACCOUNT, amount=Decimal("85000"), reference="100007")

    # binascii's CRC-CCITT with 0xFFFF as its start is CRC-16/CCITT-FALSE.
    expected = binascii.crc_hqx(text[:-4].encode("ascii"), 0xFFFF)
    assert text[-8:-4] == "6304"
    assert text[-4:] == f"{expected:04X}"


def test_a_known_payload_is_reproduced_to_the_character():
    text = payload(account=ACCOUNT, amount=Decimal("125000"), reference="100042")

    assert text == (
        "000201010212"
        "38570010A000000727"
        "0127"
        "0006970436"
        "01130011001234567"
        "0208QRIBFTTA"
        "5303704"
        "5406125000"
        "5802VN"
        "62100806100042"
        "6304" + f"{binascii.crc_hqx(text[:-4].encode(), 0xFFFF):04X}"
    )


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("-5"), Decimal("1000.5")])
def test_an_amount_that_is_not_whole_dong_above_zero_is_refused(amount):
    with pytest.raises(ValueError):
        payload(account=ACCOUNT, amount=amount, reference="1")


def test_the_code_renders_as_inline_svg():
    svg = qr_svg(payload(account=ACCOUNT, amount=Decimal("1000"), reference="1"))
    assert svg.startswith("<svg") and "path" in svg
