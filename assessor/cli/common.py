"""What every command shares: exit statuses, plain errors, choosing and opening the database."""

from __future__ import annotations

import argparse
import errno
import getpass
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from assessor.i18n import N_, _
from assessor.importers.common import ImportRejected
from assessor.services.errors import ServiceError
from assessor.services.opening import (
    ENV_DB,
    DatabaseError,
    DatabaseLocked,
    Handle,
    NotAssessorDatabase,
    PassphraseError,
    open_handle,
    sqlite_problem,
)
from assessor.services.opening import resolve_location as resolve_db_url

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

    what: str  # marked with N_, translated where shown
    suffix: str
    example: str


#: The one rule for ``export FORMAT -o FILE``: what each format writes and how its name ends.
OUTPUT_KINDS = {
    "json": OutputKind(N_("a JSON export"), ".json", "assessor.json"),
    "pdf": OutputKind(N_("a PDF summary"), ".pdf", "summary.pdf"),
    "questionnaire": OutputKind(N_("a questionnaire"), ".xlsx", "questionnaire.xlsx"),
    "xlsx": OutputKind(N_("an Excel workbook"), ".xlsx", "assessment.xlsx"),
    "package": OutputKind(N_("an assessment package"), ".assessor", "assessment.assessor"),
}


class Failure(Exception):
    """A command cannot go on; the message is shown as is."""


def one_line(message: str) -> str:
    return " ".join(str(message).split()) or _("unknown error")


def check_output(args: argparse.Namespace) -> None:
    """Refuse ``-o FILE`` before anything is written: a folder, or a name of the wrong kind."""
    output = getattr(args, "output", None)
    kind: OutputKind | None = getattr(args, "output_kind", None)
    if not output or kind is None:
        return
    if Path(output).is_dir():
        raise Failure(folder_message(output, kind))
    if Path(output).suffix.casefold() != kind.suffix:
        raise Failure(
            _("{output}: {what}'s file name ends in {suffix}.").format(
                output=output, what=_(kind.what), suffix=kind.suffix
            )
        )


def folder_message(output: str, kind: OutputKind | None) -> str:
    """A folder was given where a file name was wanted."""
    example = Path(output) / (kind.example if kind else "file")
    return _("{output} is a folder; give a file name such as {example}.").format(
        output=output, example=example
    )


#: What to say when the system refuses for one of these reasons: what happened, what to do.
_OS_REASONS = {
    errno.ENOSPC: N_("the disk is full; free some space and try again; nothing was changed"),
    errno.EDQUOT: N_(
        "the disk quota is used up; free some space and try again; nothing was changed"
    ),
    errno.EROFS: N_("it is on a read-only disk; choose a place you can write to"),
    errno.ENAMETOOLONG: N_("the name is too long for the file system; choose a shorter name"),
    errno.EIO: N_("the disk reported an error; check the disk (or network folder) and try again"),
    errno.ELOOP: N_("it is a loop of links; give the real file's name"),
}


def _name(value: object) -> str:
    """A file name as it can always be printed (undecodable bytes shown as escapes)."""
    return os.fsdecode(value) if isinstance(value, bytes | os.PathLike) else str(value)


def printable(text: str) -> str:
    """``text`` with lone surrogates (bytes a name held that are not UTF-8) shown as escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def os_error_message(exc: OSError, args: argparse.Namespace) -> str:
    """What the system refused, in plain words: which file, what is wrong, what to do."""
    name = None if exc.filename is None else _name(exc.filename)
    reason = exc.strerror or str(exc)
    reason = reason[:1].lower() + reason[1:]
    output = getattr(args, "output", None)
    writing = name is not None and output is not None and name == os.fspath(output)
    if writing and output is not None and isinstance(exc, IsADirectoryError):
        return folder_message(output, getattr(args, "output_kind", None))
    shown = printable(name) if name is not None else None
    if exc.errno in _OS_REASONS:
        why = _(_OS_REASONS[exc.errno])
        if not shown:
            return _("the system refused: {reason}.").format(reason=why)
        if writing:
            return _("cannot write {name}: {reason}.").format(name=shown, reason=why)
        return _("cannot use {name}: {reason}.").format(name=shown, reason=why)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        if writing:
            return _(
                "cannot write {name}: permission denied; choose a folder you can write to."
            ).format(name=shown)
        if shown:
            return _(
                "cannot use {name}: permission denied; check its permissions (or its folder's)."
            ).format(name=shown)
        return _("permission denied; check the permissions of the files involved.")
    if writing:
        return _("cannot write {name}: {reason}.").format(name=shown, reason=reason)
    if shown is None:
        return printable(str(exc))
    return _("{name}: {reason}.").format(name=shown, reason=reason)


def unicode_message(exc: UnicodeError, args: argparse.Namespace) -> str:
    """A text that is not UTF-8 (a file's content, a name from the terminal), in plain words."""
    if isinstance(exc, UnicodeDecodeError):
        name = getattr(args, "file", None)
        byte = repr(exc.object[exc.start : exc.start + 1])
        text = _(
            "the text is not UTF-8 (byte {byte} at position {position}); save it as UTF-8 text "
            "and try again. Nothing was changed."
        ).format(byte=byte, position=exc.start)
        if name:
            return _("{name}: {reason}").format(name=printable(_name(name)), reason=text)
        return text
    culprit = getattr(exc, "object", "")
    for option in ("output", "file", "db"):
        value = getattr(args, option, None)
        if isinstance(value, str) and value and (value in str(culprit) or str(culprit) in value):
            return _(
                "{name}: the name holds bytes that are not UTF-8 text (the terminal "
                "or the file system uses another encoding); rename it, or give another name."
            ).format(name=printable(value))
    return _(
        "a text holds characters that cannot be written as UTF-8 (bytes from a terminal or a "
        "file name in another encoding); type it again, or rename the file. Nothing was changed."
    )


def user_message(exc: BaseException, args: argparse.Namespace) -> str | None:
    """The one sentence for a failure the user can understand and act on; None for a bug.

    The one mapping from what failed (a refusal of the system, of SQLite, of a service) to
    what the user reads: what happened, with the file's name, and what to do.
    """
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DatabaseLocked):
        return locked_message(exc)
    if isinstance(exc, NotAssessorDatabase):
        return _(
            "{path} is {what}; Assessor will not change it. Choose another file with --db."
        ).format(path=exc.path, what=exc.what)
    if isinstance(exc, OSError):
        return os_error_message(exc, args)
    if isinstance(exc, UnicodeError):
        return unicode_message(exc, args)
    if isinstance(exc, Failure | ServiceError | DatabaseError | ImportRejected):
        return printable(str(exc))
    if isinstance(exc, sqlite3.Error | DBAPIError):
        path = sqlite_file(getattr(args, "db", None))
        return sqlite_problem(exc, path if path is not None else "in use")
    return None


def locked_message(exc: DatabaseLocked) -> str:
    """The database is held for writing elsewhere: say by whom, and what to do."""
    return _(
        "the database {path} is in use by another Assessor, the window or another command "
        "({owner}); close it there first, then run this command again."
    ).format(path=exc.path, owner=exc.owner)


def sqlite_file(db_arg: str | None) -> Path | None:
    """The database file the arguments point at, or None when it is not a SQLite file."""
    url = resolve_db_url(db_arg)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    if url.database.startswith("file::memory:") or url.query.get("mode") == "memory":
        return None
    return Path(url.database)


def db_choice(args: argparse.Namespace) -> str:
    """How the user chose the database, for messages: ``--db X``, ``$ASSESSOR_DB=X`` or none."""
    if args.db:
        return f"--db {args.db}"
    if os.environ.get(ENV_DB):
        return f"${ENV_DB}={os.environ[ENV_DB]}"
    return _("the default database {path}").format(path=sqlite_file(None))


def check_db_choice(args: argparse.Namespace) -> None:
    """Refuse a database choice that cannot be one (a folder, an unknown address) up front."""
    from sqlalchemy.exc import ArgumentError

    try:
        resolve_db_url(args.db).get_dialect()  # an unknown scheme fails here, not mid-command
    except ArgumentError:
        raise Failure(
            _("{choice}: not a database file path or a supported address (sqlite:///…).").format(
                choice=db_choice(args)
            )
        ) from None
    url = resolve_db_url(args.db)
    if url.get_backend_name() == "sqlite" and sqlite_file(args.db) is None:
        raise Failure(
            _(
                "{choice}: an in-memory database keeps nothing once the command ends; "
                "give a database file (--db PATH)."
            ).format(choice=db_choice(args))
        )
    path = sqlite_file(args.db)
    if path is not None and path.is_dir():
        raise Failure(
            _("{choice} is a folder, not a database file.").format(choice=db_choice(args))
        )


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
        raise Failure(
            _("--passphrase-prompt needs a terminal; scripts can set {env}.").format(
                env=ENV_PASSPHRASE
            )
        )
    passphrase = getpass.getpass(_("Passphrase of the database: "))
    new = path is not None and not path.exists()  # a new encrypted database: no typo allowed
    if new and getpass.getpass(_("The same passphrase again: ")) != passphrase:
        raise Failure(_("the two passphrases differ; nothing was created."))
    if not passphrase:
        raise Failure(_("an empty passphrase cannot encrypt anything."))
    return passphrase


def open_db(
    args: argparse.Namespace, create: bool, write: bool = True, read_only: bool = False
) -> Handle:
    """Open the chosen database; commands that only read also work while the window has it.

    ``read_only`` never writes, not even a schema upgrade or a backup (a dry run).
    """
    if not create:
        # Opening would create (or fill an empty file with) a database: only import may do that.
        path = sqlite_file(args.db)
        if no_database(path):
            assert path is not None
            if path.exists():
                raise Failure(
                    _("{path} is an empty file, not a database; import a factsheet first.").format(
                        path=path
                    )
                )
            raise Failure(
                _("there is no database at {path}; import a factsheet first.").format(path=path)
            )
    passphrase = given_passphrase(args, path=sqlite_file(args.db))
    while True:
        try:
            try:
                if read_only:
                    return open_handle(args.db, read_only=True, passphrase=passphrase)
                return open_handle(args.db, passphrase=passphrase, backup=write, create=create)
            except DatabaseLocked:
                if write:
                    raise
                return open_handle(args.db, read_only=True, passphrase=passphrase)
        except PassphraseError:
            # Asked at most once, and only of a person at a terminal; never taken from argv.
            if passphrase is not None or not sys.stdin.isatty():
                raise
            passphrase = getpass.getpass(_("Passphrase of the database: "))
