"""Oscar's catalogue, forked: OCOP groups, places, certificates, marks and producers' products."""
