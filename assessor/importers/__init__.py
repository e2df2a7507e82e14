"""Importers: pure functions from a file's text to plain data plus warnings. They never write."""
