"""What every command shares: exit statuses, plain errors, choosing and opening the database."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from assessor.db.engine import ENV_DB, Database, open_database, resolve_db_url
from assessor.db.errors import DatabaseError, DatabaseLocked, PassphraseError
from assessor.importers.common import ImportRejected
from assessor.services.errors import ServiceError

#: Exit status of a command that failed for a reason the user can fix.
EXIT_FAILURE = 2
#: Exit status of an import that was applied but refused some rows (scripts should look).
EXIT_ROWS_REJECTED = 1
#: The passphrase of an encrypted database, for scripts (a person uses --passphrase-prompt).
ENV_PASSPHRASE = "ASSESSOR_PASSPHRASE"
#: The passphrase ``assessor encrypt`` gives a plain database, for scripts.
ENV_NEW_PASSPHRASE = "ASSESSOR_NEW_PASSPHRASE"
#: Set to a non-empty value to see the traceback of an unexpected error.
ENV_DEBUG = "ASSESSOR_DEBUG"

USER_ERRORS = (ServiceError, DatabaseError, ImportRejected, OSError, UnicodeError)


@dataclass(frozen=True)
class OutputKind:
    """What an export writes, for messages, and the ending its file name must have."""

    what: str
    suffix: str
    example: str


#: The one rule for ``export FORMAT -o FILE``: what each format writes and how its name ends.
OUTPUT_KINDS = {
    "json": OutputKind("a JSON export", ".json", "assessor.json"),
    "pdf": OutputKind("a PDF summary", ".pdf", "summary.pdf"),
    "questionnaire": OutputKind("a questionnaire", ".xlsx", "questionnaire.xlsx"),
    "xlsx": OutputKind("an Excel workbook", ".xlsx", "assessment.xlsx"),
}


class Failure(Exception):
    """A command cannot go on; the message is shown as is."""


def one_line(message: str) -> str:
    return " ".join(str(message).split()) or "unknown error"


def check_output(args: argparse.Namespace) -> None:
    """Refuse ``-o FILE`` before anything is written: a folder, or a name of the wrong kind."""
    output = getattr(args, "output", None)
    kind: OutputKind | None = getattr(args, "output_kind", None)
    if not output or kind is None:
        return
    if Path(output).is_dir():
        raise Failure(folder_message(output, kind))
    if Path(output).suffix.casefold() != kind.suffix:
        raise Failure(f"{output}: {kind.what}'s file name ends in {kind.suffix}.")


def folder_message(output: str, kind: OutputKind | None) -> str:
    """A folder was given where a file name was wanted."""
    example = Path(output) / (kind.example if kind else "file")
    return f"{output} is a folder; give a file name such as {example}."


def os_error_message(exc: OSError, args: argparse.Namespace) -> str:
    """What the system refused, in plain words: which file, what is wrong, what to do."""
    name = None if exc.filename is None else os.fspath(exc.filename)
    reason = exc.strerror or str(exc)
    reason = reason[:1].lower() + reason[1:]
    output = getattr(args, "output", None)
    if name is not None and output is not None and name == os.fspath(output):
        if isinstance(exc, IsADirectoryError):
            return folder_message(output, getattr(args, "output_kind", None))
        if isinstance(exc, PermissionError):
            return f"cannot write {output}: permission denied; choose a folder you can write to."
        return f"cannot write {output}: {reason}."
    if name is None:
        return str(exc)
    return f"{name}: {reason}."


def locked_message(exc: DatabaseLocked) -> str:
    """The database is held for writing elsewhere: say by whom, and what to do."""
    return (
        f"the database {exc.path} is in use by another Assessor, the window or another command "
        f"({exc.owner}); close it there first, then run this command again."
    )


def sqlite_file(db_arg: str | None) -> Path | None:
    """The database file the arguments point at, or None when it is not a SQLite file."""
    url = resolve_db_url(db_arg)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def db_choice(args: argparse.Namespace) -> str:
    """How the user chose the database, for messages: ``--db X``, ``$ASSESSOR_DB=X`` or none."""
    if args.db:
        return f"--db {args.db}"
    if os.environ.get(ENV_DB):
        return f"${ENV_DB}={os.environ[ENV_DB]}"
    return f"the default database {sqlite_file(None)}"


def check_db_choice(args: argparse.Namespace) -> None:
    """Refuse a database choice that cannot be one (a folder, an unknown address) up front."""
    from sqlalchemy.exc import ArgumentError

    try:
        resolve_db_url(args.db).get_dialect()  # an unknown scheme fails here, not mid-command
    except ArgumentError:
        raise Failure(
            f"{db_choice(args)}: not a database file path or a supported address (sqlite:///…)."
        ) from None
    path = sqlite_file(args.db)
    if path is not None and path.is_dir():
        raise Failure(f"{db_choice(args)} is a folder, not a database file.")


def no_database(path: Path | None) -> bool:
    """Whether ``path`` holds no database yet: missing, or an empty file (nothing to open)."""
    if path is None:
        return False
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


def given_passphrase(args: argparse.Namespace, path: Path | None) -> str | None:
    """The passphrase from ``$ASSESSOR_PASSPHRASE`` (scripts) or ``--passphrase-prompt``."""
    from_env = os.environ.get(ENV_PASSPHRASE)
    if from_env:
        return from_env
    if not getattr(args, "passphrase_prompt", False):
        return None
    if not sys.stdin.isatty():
        raise Failure(f"--passphrase-prompt needs a terminal; scripts can set {ENV_PASSPHRASE}.")
    passphrase = getpass.getpass("Passphrase of the database: ")
    new = path is not None and not path.exists()  # a new encrypted database: no typo allowed
    if new and getpass.getpass("The same passphrase again: ") != passphrase:
        raise Failure("the two passphrases differ; nothing was created.")
    if not passphrase:
        raise Failure("an empty passphrase cannot encrypt anything.")
    return passphrase


def open_db(
    args: argparse.Namespace, create: bool, write: bool = True, read_only: bool = False
) -> Database:
    """Open the chosen database; commands that only read also work while the window has it.

    ``read_only`` never writes, not even a schema upgrade or a backup (a dry run).
    """
    if not create:
        # Opening would create (or fill an empty file with) a database: only import may do that.
        path = sqlite_file(args.db)
        if no_database(path):
            assert path is not None
            if path.exists():
                raise Failure(f"{path} is an empty file, not a database; import a factsheet first.")
            raise Failure(f"there is no database at {path}; import a factsheet first.")
    passphrase = given_passphrase(args, path=sqlite_file(args.db))
    while True:
        try:
            try:
                if read_only:
                    return open_database(args.db, read_only=True, passphrase=passphrase)
                return open_database(args.db, passphrase=passphrase, backup=write)
            except DatabaseLocked:
                if write:
                    raise
                return open_database(args.db, read_only=True, passphrase=passphrase)
        except PassphraseError:
            # Asked at most once, and only of a person at a terminal; never taken from argv.
            if passphrase is not None or not sys.stdin.isatty():
                raise
            passphrase = getpass.getpass("Passphrase of the database: ")
