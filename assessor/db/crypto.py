"""Opening database files, plain or encrypted with SQLCipher, and converting between the two.

Encryption is optional: it needs the ``sqlcipher3`` driver (``pip install 'assessor[encryption]'``).
Without it, plain databases work as usual and asking for encryption says why it cannot be done.
The passphrase is only ever held in memory, never written anywhere.
"""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any, Literal
from urllib.parse import quote

from sqlalchemy.engine import URL

from assessor.db.errors import DatabaseError, EncryptionUnavailable, PassphraseError
from assessor.fileio import atomic_path
from assessor.i18n import _

#: The first 16 bytes of every plain SQLite database; an encrypted one looks random.
SQLITE_HEADER = b"SQLite format 3\x00"
#: The driver package, and what to install to get it.
DRIVER = "sqlcipher3"
INSTALL_HINT = "pip install 'assessor[encryption]'"
#: How a converted file keeps its journal: a live database in WAL, a standalone backup not.
JournalMode = Literal["WAL", "DELETE"]


def driver() -> ModuleType | None:
    """The SQLCipher DB-API module, or None when it is not installed."""
    try:
        return importlib.import_module(DRIVER)
    except ImportError:
        return None


def encryption_available() -> bool:
    """Whether encrypted databases can be created and opened here."""
    return driver() is not None


def unavailable_reason() -> str | None:
    """Why encryption is unavailable, in plain words; None when it is available."""
    if encryption_available():
        return None
    return _(
        "Encrypted databases need the SQLCipher driver, which is not installed "
        "(install it with: {hint}). Plain databases work as usual."
    ).format(hint=INSTALL_HINT)


def require_driver() -> ModuleType:
    """The SQLCipher module, or ``EncryptionUnavailable`` saying how to get it."""
    module = driver()
    if module is None:
        raise EncryptionUnavailable(unavailable_reason() or "SQLCipher is unavailable.")
    return module


def is_plain(path: Path) -> bool | None:
    """True for a plain SQLite file, False for anything else, None if missing or empty."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return None
    if not head:
        return None
    return head == SQLITE_HEADER


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _target(path: Path, read_only: bool) -> tuple[str, bool]:
    if read_only:
        return f"file:{quote(str(path))}?mode=ro", True
    return str(path), False


def connect(path: Path, passphrase: str | None = None, *, read_only: bool = False) -> Any:
    """A DB-API connection to a database file: plain sqlite3, or SQLCipher keyed."""
    target, uri = _target(path, read_only)
    if passphrase is None:
        conn: Any = sqlite3.connect(target, uri=uri, isolation_level=None)
    else:
        conn = require_driver().connect(target, uri=uri, isolation_level=None)
        # SQLCipher logs a wrong key to stderr; the user gets our message instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def check_key(conn: Any, path: Path) -> None:
    """Read the schema once, turning a wrong passphrase into a clear ``PassphraseError``."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as exc:
        if "not a database" in str(exc):
            raise PassphraseError(
                _(
                    "The passphrase is wrong for {path} (or the file is not an Assessor database)."
                ).format(path=path)
            ) from exc
        raise


def engine_url(path: Path, passphrase: str | None, *, read_only: bool = False) -> URL:
    """The SQLAlchemy URL opening ``path`` plain or with SQLCipher, writable or not."""
    target, uri = _target(path, read_only)
    query = {"uri": "true"} if uri else {}
    if passphrase is None:
        return URL.create("sqlite", database=target, query=query)
    require_driver()
    # SQLAlchemy's pysqlcipher dialect sends the password as the key (quoted) on connect.
    return URL.create("sqlite+pysqlcipher", password=passphrase, database=target, query=query)


def _export(
    src: Path, src_key: str | None, dest: Path, dest_key: str | None, journal_mode: JournalMode
) -> None:
    """Copy every table of ``src`` into a new ``dest`` with another key (or none), checked."""
    module = require_driver()
    conn = module.connect(str(src), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if src_key is not None:  # no key at all means a plain file (an empty one is refused)
            conn.execute(f"PRAGMA key = {_quote(src_key)}")
        check_key(conn, src)
        conn.execute(f"ATTACH DATABASE {_quote(str(dest))} AS target KEY {_quote(dest_key or '')}")
        conn.execute("SELECT sqlcipher_export('target')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()
    check = connect(dest, dest_key)
    try:
        check.execute(f"PRAGMA journal_mode = {journal_mode}")
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        check.close()
    if result != "ok":
        raise DatabaseError(
            _("The converted copy failed its check ({result}); nothing changed.").format(
                result=result
            )
        )
    # An empty key makes SQLCipher write a plain file: never let that pass for an encrypted one.
    if is_plain(dest) != (dest_key is None):
        if dest_key is None:
            raise DatabaseError(_("The converted copy is not plain; nothing changed."))
        raise DatabaseError(_("The converted copy is not encrypted; nothing changed."))


def convert(
    path: Path, *, old: str | None, new: str | None, journal_mode: JournalMode = "WAL"
) -> None:
    """Re-key a closed database file in place: plain→encrypted, encrypted→plain, or a new key.

    The converted copy is written to a temporary file, checked, then moved into place, so a
    failure leaves the original as it was. The caller holds the database's lock. Backups are
    standalone files and are converted with ``journal_mode="DELETE"``.
    """
    if old is None and new is None:
        return
    # Fold any write-ahead log into the file first: a stale log beside the replaced file
    # would otherwise be replayed onto the converted one.
    conn = connect(path, old)
    try:
        check_key(conn, path)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    with atomic_path(path) as tmp:
        tmp.unlink()  # SQLCipher's ATTACH makes the file itself
        _export(path, old, tmp, new, journal_mode)
