"""Oscar's customer app, forked: sign-up that does not tell whether an address has an
account, confirmation of new addresses, log-out by POST, the client address for throttling."""
