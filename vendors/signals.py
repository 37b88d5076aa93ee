"""What producers' parcels announce to the packages above (the order's lifecycle listens)."""

from django.dispatch import Signal

# Sent inside the transaction that moved the parcel, with `fulfilment`, `old_status` and
# `new_status`, so a listener's writes commit or roll back with the move.
fulfilment_status_changed = Signal()
