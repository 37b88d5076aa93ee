"""Dashboard app of producers: a producer's parcels and ledger (its own data only), staff's
review of producers and payouts; `access` holds the dashboard's two access rules."""
