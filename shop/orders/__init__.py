"""The order's life after placement: its statuses and payment methods (statuses.py), and the
one owner of "paid", "cancelled" and "cash collected" (lifecycle.py)."""
