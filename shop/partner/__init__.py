"""Oscar's partner app, forked: the strategy that decides what the shop sells now."""
