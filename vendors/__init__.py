"""Producers who sell on the marketplace: cooperatives, enterprises, households."""
