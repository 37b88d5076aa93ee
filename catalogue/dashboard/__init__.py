"""Dashboard pages about OCOP certificates: a producer's own, and staff's across producers."""
