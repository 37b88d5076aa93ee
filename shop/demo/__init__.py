"""Demo data for `manage.py seed_demo`: the OCOP catalogue, its producers, orders, stories and
accounts. Nothing outside this package imports it; `tests/test_demo_isolated.py` checks that."""
