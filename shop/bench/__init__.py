"""What only `make bench` serves (shop.settings.bench): never part of the site's URLs."""
