"""Tab panels inside pages (each a ``Page`` of its own, not in the navigation)."""
