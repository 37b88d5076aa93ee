"""The demo catalogue that `manage.py seed_demo` loads: producers, products, marks, packshots."""
