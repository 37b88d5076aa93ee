"""Oscar's review models, unchanged: one review per buyer and product (see docs/decisions.md)."""

from oscar.apps.catalogue.reviews.models import *  # noqa: F403
