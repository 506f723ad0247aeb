"""Parts of pages: tab panels (``Page`` subclasses outside the navigation) and sub-views."""
