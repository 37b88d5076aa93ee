"""Background work of payments."""

from celery import shared_task

from shop.payments.services import bank_transfers_expire


@shared_task(name="payments.bank_transfers_expire")
def expire_bank_transfers() -> list[str]:
    # Safe to run twice: an order already cancelled is no longer awaiting its transfer.
    return bank_transfers_expire()
