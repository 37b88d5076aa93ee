"""The order's lifecycle hears what happens elsewhere: a producer's parcel moving (vendors
announces it) and a status changed on Oscar's order dashboard."""

from django.conf import settings
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext
from oscar.apps.order.signals import order_status_changed

from shop.orders import lifecycle
from shop.orders.selectors import order_cash_due, order_due_now, order_payment_method
from shop.orders.statuses import FulfilmentStatus, OrderStatus, PaymentMethod
from vendors.signals import fulfilment_status_changed


@receiver(fulfilment_status_changed, dispatch_uid="shop.orders.parcel_moved")
def parcel_moved(sender, fulfilment, old_status, new_status, **kwargs) -> None:
    # A cash-on-delivery order is paid once no parcel is still on its way: after the last
    # delivery, or after the last open parcel is cancelled when the others were delivered.
    # Not while the order itself is being cancelled: that cancels its parcels too.
    if lifecycle.lifecycle_is_moving():
        return
    if new_status in (FulfilmentStatus.DELIVERED, FulfilmentStatus.CANCELLED):
        lifecycle.order_cash_collected_if_delivered(order=fulfilment.order)


@receiver(order_status_changed, dispatch_uid="shop.orders.status_changed_elsewhere")
def status_changed_elsewhere(sender, order, old_status, new_status, **kwargs) -> None:
    """Staff moved the order on Oscar's dashboard (the pipeline offered the move): give it
    the consequences our own services give it. Runs in the request's transaction."""
    if lifecycle.lifecycle_is_moving():
        return
    if new_status == OrderStatus.CANCELLED:
        # The buyer reads the reason in the mail about each parcel, in the shop's language.
        with translation.override(settings.LANGUAGE_CODE):
            reason = gettext("The shop cancelled the order.")
        lifecycle.order_cancel(order=order, reason=reason)
    elif new_status == OrderStatus.PAID:
        method = order_payment_method(order=order)
        amount = (
            order_cash_due(order=order)
            if method == PaymentMethod.COD
            else order_due_now(order=order)
        )
        lifecycle.order_payment_received(
            order=order, method=method, amount=amount, reference=f"staff-{order.number}"
        )
