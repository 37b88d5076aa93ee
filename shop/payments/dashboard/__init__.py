"""Staff pages of payments in Oscar's dashboard."""
