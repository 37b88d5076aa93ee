"""Read side of payments: what the buyer is shown about paying an order."""

from django.conf import settings

from shop.checkout.selectors import order_payment_method
from shop.payments import vietqr
from shop.payments.services import (
    BANK_TRANSFER,
    CARD,
    COD,
    STATUS_AWAITING_TRANSFER,
)


def shop_bank_account() -> vietqr.BankAccount:
    return vietqr.BankAccount(
        bin=settings.PAYMENT_BANK_BIN,
        number=settings.PAYMENT_BANK_ACCOUNT,
        holder=settings.PAYMENT_BANK_ACCOUNT_HOLDER,
        bank_name=settings.PAYMENT_BANK_NAME,
    )


def order_payment_summary(*, order) -> dict:
    """The payment part of the confirmation page: the method and, for a transfer still
    awaited, the bank details and the VietQR code for the exact amount."""
    method = order_payment_method(order=order)
    summary = {"method": method, "is_card": method == CARD, "is_cod": method == COD}
    if method == BANK_TRANSFER and order.status == STATUS_AWAITING_TRANSFER:
        account = shop_bank_account()
        text = vietqr.payload(account=account, amount=order.total_incl_tax, reference=order.number)
        summary.update(
            awaiting_transfer=True,
            account=account,
            qr_payload=text,
            qr_svg=vietqr.qr_svg(text),
            amount=order.total_incl_tax,
            reference=order.number,
            expiry_hours=settings.PAYMENT_TRANSFER_EXPIRY_HOURS,
        )
    return summary


def orders_awaiting_transfer():
    from oscar.core.loading import get_model

    return (
        get_model("order", "Order")
        .objects.filter(status=STATUS_AWAITING_TRANSFER)
        .order_by("date_placed")
    )
