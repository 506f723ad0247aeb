"""The centre server: the services over HTTP(S) for the desks of a team (DESIGN.md, "The
centre"). No PySide6; it uses services, reports and the shared command-line pieces only."""
