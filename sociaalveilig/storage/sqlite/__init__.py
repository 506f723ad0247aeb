"""The single-desk store: SQLite with SQLCipher, the first implementation of the seam.

Everything only SQLite needs lives in this package and nowhere else: the keyed engine and
its PRAGMAs (``engine``), FTS5 search (``search``), list plans (``plans``), the online
backup API (``backup``), VACUUM and integrity checks (``maintenance``), and the store folder
itself (``store``: ``Store`` implements ``storage.seam.StoreSeam``). The services see it
only through the seam; the few single-desk service modules that sign in to a folder, back
it up or restore it import ``store`` directly (docs/architecture.md lists them).
"""
