"""Oscar's search, forked: catalogue browsing and product search."""
