"""Oscar's checkout, forked: placing an order also writes each producer's parcel and ledger."""
