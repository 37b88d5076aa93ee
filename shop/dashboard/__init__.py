"""Oscar's dashboard, forked: producers see their own listings; orders stay with staff; every
dashboard app of ours is included by its `get_urls()`."""
