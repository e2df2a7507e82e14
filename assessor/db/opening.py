"""Opening a database, as one pipeline read top to bottom.

Each step is a function of its own module (where the database lives: ``location``; what the
file is: ``recovery`` and ``identify``; who else has it: ``lock``; keys: ``crypto``; copies:
``backup``; the schema: ``migrate``; connections: ``engine``); none of them calls back here.
"""

from __future__ import annotations

import os

from sqlalchemy.orm import sessionmaker

from assessor.db import crypto, identify, location, migrate, recovery
from assessor.db.backup import backup_before_upgrade, backup_on_open
from assessor.db.engine import Database, make_engine
from assessor.db.errors import DatabaseError, NoDatabaseYet
from assessor.db.identify import State
from assessor.db.lock import DatabaseLock
from assessor.i18n import _


def open_database(
    db: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    passphrase: str | None = None,
    backup: bool = True,
    create: bool = True,
) -> Database:
    """Open (creating if needed and ``create``) and migrate the database chosen by ``db``.

    A SQLite file is locked for this process (``DatabaseLocked`` says who else has it;
    ``read_only=True`` opens it anyway, without writing), quick-checked (``DatabaseDamaged``),
    recognised (another application's database, a text file, a half-made schema holding data
    or a version that disagrees with the tables are refused untouched), backed up before a
    schema upgrade, and with ``backup`` also on opening and closing when it changed since the
    last backup. A new schema is made in one transaction, and only with ``create`` (otherwise
    ``NoDatabaseYet``). ``passphrase`` opens or creates a SQLCipher database.
    """
    # 1. Where it lives.
    url = location.resolve_db_url(db)
    path = location.sqlite_path(url)
    if path is None:
        return _open_server(url, read_only=read_only, passphrase=passphrase)
    # 2. Whether it can be opened at all, before anything is made.
    if passphrase is not None:
        crypto.require_driver()
    if not read_only:
        location.refuse_unwritable(path)
    # 3. One writer at a time.
    lock = None if read_only else DatabaseLock.acquire(path)
    engine = None
    try:
        # 4. Preflight: what kind of file it is, whose schema, whether the key opens it.
        existed = crypto.is_plain(path) is not None
        found = recovery.check(path, passphrase) if existed else None
        contents = found.contents if found is not None else None
        state = identify.judge(path, contents) if contents is not None else State.NEW
        revision = found.revision if found is not None else None
        # 5. Check that this opening may go on with what was found.
        if state is not State.ASSESSOR and (read_only or not create):
            raise NoDatabaseYet(identify.nothing_yet(path, state, existed))
        upgrading = revision != migrate.head_revision()
        if read_only and upgrading:
            raise DatabaseError(
                _(
                    "The database {path} needs a schema upgrade, which a read-only opening "
                    "cannot do; open it normally once."
                ).format(path=path)
            )
        upgrading = upgrading and state is State.ASSESSOR and not read_only
        # 6. A verified copy before the schema changes.
        if upgrading:
            backup_before_upgrade(path, passphrase)
        # 7. Create or migrate (one transaction), and hand back the open database.
        if not existed and not read_only:
            location.create_private(path)
        engine = make_engine(url, passphrase=passphrase, read_only=read_only)
        if not read_only:
            migrate.bring_up_to_date(engine, url, rebuild=state is State.REBUILD)
        database = Database(
            url,
            engine,
            sessionmaker(engine, expire_on_commit=False),
            lock=lock,
            read_only=read_only,
            backup_on_close=backup,
            passphrase=passphrase,
        )
        if backup and state is State.ASSESSOR and not read_only and not upgrading:
            backup_on_open(path, passphrase)
        return database
    except BaseException:
        if engine is not None:
            engine.dispose()
        if lock is not None:
            lock.release()
        raise


def _open_server(url: location.URL, *, read_only: bool, passphrase: str | None) -> Database:
    """A server database (PostgreSQL): no file to lock, check or copy; migrated on opening."""
    if read_only or passphrase is not None:
        raise DatabaseError(_("Read-only and encrypted opening need a database file (SQLite)."))
    server = make_engine(url)
    migrate.bring_up_to_date(server, url)
    return Database(url, server, sessionmaker(server, expire_on_commit=False))
