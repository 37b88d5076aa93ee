"""Wholesale for tourism partners: each producer's quantity tiers, the prices an approved
partner pays, and the invoice details it gives at checkout for the producer's VAT invoice."""
