"""The parts of the Privacy page, one module each: the audit log viewer, the noodknop list,
the retention terms with the purge, and the AVG art. 15 request (inzageverzoek).

Each part is a widget that runs its services through the page that holds it
(``Page.run``, off the GUI thread, dropped after a lock)."""
