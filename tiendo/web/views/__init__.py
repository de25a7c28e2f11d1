"""The web pages, one module per page family (each small enough to read in one sitting)."""
