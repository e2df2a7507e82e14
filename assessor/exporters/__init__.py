"""Exporters: the database out to JSON, Excel and PDF, each file written atomically."""
