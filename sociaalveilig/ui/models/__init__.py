"""Table models for the lists: row ids in memory, rows fetched lazily (see ``lazy``)."""
