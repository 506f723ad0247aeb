"""The centre's PostgreSQL store: what only PostgreSQL needs (search, credentials, plans)."""
