"""Plain values the services return and the window shows, and the rules over them.

Nothing here imports Qt, SQLAlchemy or anything above it (an import-linter contract checks it).
"""
