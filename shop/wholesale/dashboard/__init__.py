"""A producer's wholesale tiers in its own dashboard area."""
