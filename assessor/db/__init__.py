"""The storage layer: typed SQLAlchemy models, engine setup, migrations and queries."""
