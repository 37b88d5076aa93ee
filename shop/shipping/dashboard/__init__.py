"""A producer's shipping rules in its dashboard area."""
