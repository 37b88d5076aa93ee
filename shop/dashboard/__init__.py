"""Oscar's dashboard, forked: producers see their own listings; orders stay with staff."""
