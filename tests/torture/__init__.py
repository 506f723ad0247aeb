"""The torture suite: tries to lose data (kills, full disks, I/O errors, hostile input).

``make test`` runs the short version; ``make torture`` the full one (``SV_TORTURE=full``).
What each run proved is written up in docs/reliability.md.
"""
