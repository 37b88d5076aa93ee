"""Dashboard pages of producers (their own data only) and of staff (every producer)."""
