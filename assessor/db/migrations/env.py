"""Alembic environment: runs on the connection handed over by ``assessor.db.migrate``."""

from alembic import context
from sqlalchemy.engine import Connection

from assessor.db.engine import make_engine, resolve_db_url
from assessor.db.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    """Run the migrations on the given connection (or on ASSESSOR_DB for the alembic CLI)."""
    connection = config.attributes.get("connection")
    if connection is None:
        engine = make_engine(resolve_db_url(config.get_main_option("sqlalchemy.url") or None))
        with engine.begin() as conn:
            _configure(conn)
        return
    _configure(connection)


def _configure(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
