"""What the reviews app announces to the packages above it (search listens)."""

from django.dispatch import Signal

# Sent with `product_id` when a product's buyer rating (average or count) changed: a review
# was approved, withdrawn or deleted. Sent inside the transaction that changed it.
buyer_rating_changed = Signal()
