"""Personal data: consents given with the policy's version, a buyer's copy of their data,
the erasure of an account, and the audit of both."""
