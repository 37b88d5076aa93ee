"""Dates as each language writes them (FORMAT_MODULE_PATH): Vietnamese "30/11/2026", English
"30 November 2026", both day first. Only what differs from Django's own locale files is here;
the rest (number separators, input formats) still comes from Django."""
