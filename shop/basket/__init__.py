"""Oscar's basket app, forked: a voucher code refused in the basket says why."""
