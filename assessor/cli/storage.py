"""The commands that keep the work safe: backups (list, now, restore) and encryption."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from assessor.cli.common import (
    ENV_NEW_PASSPHRASE,
    ENV_PASSPHRASE,
    Failure,
    given_passphrase,
    no_database,
    open_db,
    sqlite_file,
)
from assessor.i18n import N_, _
from assessor.services.opening import resolve_location

#: What ``backup`` says on a server: the server's own tools back it up (docs/server.md).
ON_A_SERVER = N_(
    "a database on a server is backed up by the server, not by Assessor: take a dump with "
    "pg_dump --format=custom (every night, and before upgrading) and restore it with "
    "pg_restore into a new database; see docs/server.md, 'Backups'."
)


def _refuse_a_server(args: argparse.Namespace) -> None:
    if sqlite_file(args.db) is None and resolve_location(args.db).get_backend_name() != "sqlite":
        raise Failure(_(ON_A_SERVER))


def cmd_backup_list(args: argparse.Namespace) -> int:
    """List the backups of the database, newest first."""
    from assessor.services.backups import backup_dir, list_file_backups

    _refuse_a_server(args)
    path = sqlite_file(args.db)
    if path is None:
        raise Failure(_("backups are made of database files only."))
    found = list_file_backups(path)
    if not found:
        print(
            _("No backups of {path} yet (they go to {folder}).").format(
                path=path, folder=backup_dir(path)
            )
        )
    for b in found:
        print(f"{b.id}  {b.describe()}")
    return 0


def cmd_backup_now(args: argparse.Namespace) -> int:
    """Make a verified backup now."""
    from assessor.services.backups import backup_now

    _refuse_a_server(args)
    db = open_db(args, create=False)
    try:
        made = backup_now(db)
    finally:
        db.close()
    print(
        _("Made backup {id} ({description}): {path}").format(
            id=made.id, description=made.describe(), path=made.path
        )
    )
    return 0


def cmd_backup_restore(args: argparse.Namespace) -> int:
    """Restore a backup; a damaged database is first set aside, never deleted."""
    from assessor.services.backups import recover_damaged, restore_backup
    from assessor.services.opening import DatabaseDamaged

    _refuse_a_server(args)
    path = sqlite_file(args.db)
    if path is not None and no_database(path):  # lost or emptied: put the backup in its place
        print(recover_damaged(path, args.id, given_passphrase(args, path)).message())
        return 0
    try:
        db = open_db(args, create=False)
    except DatabaseDamaged as damaged:
        passphrase = given_passphrase(args, damaged.path)
        print(recover_damaged(damaged.path, args.id, passphrase).message())
        return 0
    try:
        done = restore_backup(db, args.id)
    finally:
        db.close()
    print(done.message())
    return 0


def cmd_encrypt(args: argparse.Namespace) -> int:
    """Encrypt a plain database, or decrypt an encrypted one (--decrypt)."""
    from assessor.services.backups import change_encryption

    path = sqlite_file(args.db)
    if path is None or no_database(path):
        raise Failure(
            _("there is no database file at {path} to convert.").format(path=path or args.db)
        )
    given = given_passphrase(args, path)
    if args.decrypt:
        old = given or ask_passphrase()
        done = change_encryption(path, old=old, new=None)
    else:
        new = os.environ.get(ENV_NEW_PASSPHRASE) or ask_new_passphrase()
        done = change_encryption(path, old=None, new=new)
    print(done.message())
    return 0


def ask_passphrase() -> str:
    """The current passphrase, asked at a terminal (scripts set ``$ASSESSOR_PASSPHRASE``)."""
    if not sys.stdin.isatty():
        raise Failure(
            _("the passphrase is asked at a terminal; scripts set {env}.").format(
                env=ENV_PASSPHRASE
            )
        )
    return getpass.getpass(_("Passphrase of the database: "))


def ask_new_passphrase() -> str:
    """A new passphrase, asked twice at a terminal (scripts set ``$ASSESSOR_NEW_PASSPHRASE``)."""
    if not sys.stdin.isatty():
        raise Failure(
            _("a new passphrase is asked at a terminal; scripts set {env}.").format(
                env=ENV_NEW_PASSPHRASE
            )
        )
    first = getpass.getpass(_("New passphrase: "))
    if not first or getpass.getpass(_("The same passphrase again: ")) != first:
        raise Failure(_("the passphrases were empty or differ; nothing was changed."))
    return first
