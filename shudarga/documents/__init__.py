"""Plain report documents, readers, writers and scoring. No Django imports in this package."""
