"""Importers: one module per file format, each bytes in -> plain records out (no SQL, no Textual)."""
