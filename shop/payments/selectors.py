"""Read side of payments: what the buyer is shown about paying an order."""

from django.conf import settings

from shop.orders.selectors import order_due_now, order_payment_method, orders_due_now
from shop.orders.statuses import OrderStatus, PaymentMethod
from shop.payments import vietqr


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
    summary = {
        "method": method,
        "is_card": method == PaymentMethod.CARD,
        "is_cod": method == PaymentMethod.COD,
    }
    if method == PaymentMethod.BANK_TRANSFER and order.status == OrderStatus.AWAITING_TRANSFER:
        account = shop_bank_account()
        # A pre-order's balance is paid on delivery: the transfer is what is due now.
        amount = order_due_now(order=order)
        text = vietqr.payload(account=account, amount=amount, reference=order.number)
        summary.update(
            awaiting_transfer=True,
            account=account,
            qr_payload=text,
            qr_svg=vietqr.qr_svg(text),
            amount=amount,
            reference=order.number,
            expiry_hours=settings.PAYMENT_TRANSFER_EXPIRY_HOURS,
        )
    return summary


def orders_awaiting_transfer() -> list:
    """The orders whose transfer is awaited, oldest first, each with `due_now`: the amount
    its buyer was asked to transfer (less than its total when it holds pre-orders)."""
    from oscar.core.loading import get_model

    orders = list(
        get_model("order", "Order")
        .objects.filter(status=OrderStatus.AWAITING_TRANSFER)
        .order_by("date_placed")
    )
    due = orders_due_now(orders=orders)
    for order in orders:
        order.due_now = due[order.pk]
    return orders
