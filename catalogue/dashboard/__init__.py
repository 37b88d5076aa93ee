"""Dashboard app of the OCOP catalogue: certificates, a producer's batches and QR labels, and
staff taking a listing off sale."""
