"""The ``assessor`` command: import, export, list and rate from a terminal, or start the window.

Every failure the user can cause (a bad file, an unknown code or rating, a damaged database)
ends as one line on stderr starting with ``assessor:`` and exit status 2, never a traceback;
the services run in one transaction each, so a failed command leaves the database unchanged.
Only ``import`` and the window create a database; every other command refuses a missing one.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from assessor import __version__
from assessor.db.engine import ENV_DB, Database, open_database, resolve_db_url
from assessor.db.errors import DatabaseError, DatabaseLocked, PassphraseError
from assessor.db.presets import PRESETS
from assessor.importers.common import ImportRejected
from assessor.services.errors import ServiceError
from assessor.settings import assessor_name
from assessor.wording import plural

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


class Failure(Exception):
    """A command cannot go on; the message is shown as is."""


def _one_line(message: str) -> str:
    return " ".join(str(message).split()) or "unknown error"


def _os_error_message(exc: OSError, args: argparse.Namespace) -> str:
    """What the system refused, in plain words: which file, what is wrong, what to do."""
    name = None if exc.filename is None else os.fspath(exc.filename)
    reason = exc.strerror or str(exc)
    reason = reason[:1].lower() + reason[1:]
    output = getattr(args, "output", None)
    if name is not None and output is not None and name == os.fspath(output):
        if isinstance(exc, IsADirectoryError):
            example = Path(output) / getattr(args, "output_example", "file")
            return f"{output} is a folder; give a file name such as {example}."
        if isinstance(exc, PermissionError):
            return f"cannot write {output}: permission denied; choose a folder you can write to."
        return f"cannot write {output}: {reason}."
    if name is None:
        return str(exc)
    return f"{name}: {reason}."


def _locked_message(exc: DatabaseLocked) -> str:
    """The database is held for writing elsewhere: say by whom, and what to do."""
    return (
        f"the database {exc.path} is in use by another Assessor, the window or another command "
        f"({exc.owner}); close it there first, then run this command again."
    )


def _sqlite_file(db_arg: str | None) -> Path | None:
    """The database file the arguments point at, or None when it is not a SQLite file."""
    url = resolve_db_url(db_arg)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _db_choice(args: argparse.Namespace) -> str:
    """How the user chose the database, for messages: ``--db X``, ``$ASSESSOR_DB=X`` or none."""
    if args.db:
        return f"--db {args.db}"
    if os.environ.get(ENV_DB):
        return f"${ENV_DB}={os.environ[ENV_DB]}"
    return f"the default database {_sqlite_file(None)}"


def _check_db_choice(args: argparse.Namespace) -> None:
    """Refuse a database choice that cannot be one (a folder, an unknown address) up front."""
    from sqlalchemy.exc import ArgumentError

    try:
        resolve_db_url(args.db).get_dialect()  # an unknown scheme fails here, not mid-command
    except ArgumentError:
        raise Failure(
            f"{_db_choice(args)}: not a database file path or a supported address (sqlite:///…)."
        ) from None
    path = _sqlite_file(args.db)
    if path is not None and path.is_dir():
        raise Failure(f"{_db_choice(args)} is a folder, not a database file.")


def _no_database(path: Path | None) -> bool:
    """Whether ``path`` holds no database yet: missing, or an empty file (nothing to open)."""
    if path is None:
        return False
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


def _given_passphrase(args: argparse.Namespace, path: Path | None) -> str | None:
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


def _open(
    args: argparse.Namespace, create: bool, write: bool = True, read_only: bool = False
) -> Database:
    """Open the chosen database; commands that only read also work while the window has it.

    ``read_only`` never writes, not even a schema upgrade or a backup (a dry run).
    """
    if not create:
        # Opening would create (or fill an empty file with) a database: only import may do that.
        path = _sqlite_file(args.db)
        if _no_database(path):
            assert path is not None
            if path.exists():
                raise Failure(f"{path} is an empty file, not a database; import a factsheet first.")
            raise Failure(f"there is no database at {path}; import a factsheet first.")
    passphrase = _given_passphrase(args, path=_sqlite_file(args.db))
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


def cmd_import(args: argparse.Namespace) -> int:
    """Import a factsheet or a themed-recommendations file."""
    from assessor.services.imports import prepare_import, write_import

    if Path(args.file).suffix.casefold() == ".xlsx":
        return cmd_import_questionnaire(args)
    # Read and parse before opening: a file refused cannot create a database.
    prepared = prepare_import(args.file, kind=args.kind, party=args.party, scale=args.scale)
    db = _open(args, create=prepared.kind == "factsheet")  # themes need a factsheet first
    try:
        report = write_import(db, prepared)
    finally:
        db.close()
    print(report.summary())
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    """Export the whole database as assessor-json/1."""
    from assessor.exporters.json_export import dumps, export_json, write_json

    db = _open(args, create=False, write=False)
    try:
        if args.output:
            data = write_json(db, args.output)
            print(f"Exported {plural(len(data['factsheets']), 'factsheet')} to {args.output}")
        else:
            sys.stdout.write(dumps(export_json(db)).decode("utf-8"))
    finally:
        db.close()
    return 0


def cmd_export_pdf(args: argparse.Namespace) -> int:
    """Write the PDF summary of a Party's assessment for a Committee meeting."""
    from assessor.exporters.pdf_summary import write_pdf_summary

    db = _open(args, create=False, write=False)
    try:
        write_pdf_summary(
            db,
            args.output,
            party=args.party,
            scope=args.scope,
            only_rated=args.only_rated,
            full_follow_ups=args.full_follow_ups,
            assessor_name=assessor_name(),
        )
    finally:
        db.close()
    print(f"Wrote the PDF summary to {args.output}")
    return 0


def cmd_import_questionnaire(args: argparse.Namespace) -> int:
    """Import a filled-in Excel questionnaire and print the report (every row and its reason).

    With ``--dry-run`` only the preview is printed and nothing is written. The exit status is
    1 when rows were rejected (the others are imported), so that scripts notice.
    """
    from assessor.importers.questionnaire import read_questionnaire
    from assessor.services.questionnaires import REJECTED, apply_questionnaire, preview_parsed

    dry_run = getattr(args, "dry_run", False)
    parsed = read_questionnaire(args.file)  # a bad file is refused before the database opens
    db = _open(args, create=False, read_only=dry_run)
    try:
        preview = preview_parsed(db, parsed, party=args.party)
        if dry_run:
            # Every row is shown: an "unchanged" one may carry locked cells the State edited.
            print(preview.text())
            would = plural(len(preview.to_apply), "follow-up")
            print(f"Dry run: nothing was written; importing would write {would}.")
        else:
            print(apply_questionnaire(db, preview, by=assessor_name()).text())
    finally:
        db.close()
    rejected = preview.count(REJECTED)
    if rejected:
        rows = plural(rejected, "row")
        if dry_run:
            print(f"{rows} would be rejected (see the reasons above); correct the file first.")
        else:
            were = "was" if rejected == 1 else "were"
            print(
                f"{rows} {were} rejected and not imported (see the reasons above); correct "
                f"{'it' if rejected == 1 else 'them'} in the file and import it again."
            )
        return EXIT_ROWS_REJECTED
    return 0


def cmd_export_questionnaire(args: argparse.Namespace) -> int:
    """Write the Excel questionnaire a State fills in."""
    from assessor.exporters.questionnaire import export_questionnaire

    db = _open(args, create=False, write=False)
    try:
        rows = export_questionnaire(
            db, args.output, party=args.party, scope=args.scope,
            deadline=args.deadline or "", contact=args.contact or "",
        )  # fmt: skip
    finally:
        db.close()
    print(f"Wrote a questionnaire of {plural(rows, 'recommendation')} to {args.output}")
    return 0


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    """Write a Party's assessment workbook, or with --all the overview of every Party."""
    from assessor.exporters.assessment_xlsx import export_assessment_xlsx, export_overview_xlsx

    db = _open(args, create=False, write=False)
    try:
        if args.all:
            codes, parties = export_overview_xlsx(db, args.output)
            print(
                f"Wrote the overview of {plural(parties, 'factsheet')} × {plural(codes, 'code')} "
                f"to {args.output}"
            )
        else:
            rows = export_assessment_xlsx(db, args.output, party=args.party)
            print(f"Wrote the assessment of {plural(rows, 'recommendation')} to {args.output}")
    finally:
        db.close()
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """List the factsheets with their counts."""
    from assessor.db.queries import list_factsheets

    path = _sqlite_file(args.db)
    if _no_database(path):
        print(f"No factsheets: there is no database at {path} yet.")
        return 0
    db = _open(args, create=False, write=False)
    try:
        with db.reading() as s:
            sheets = list_factsheets(s)
    finally:
        db.close()
    if not sheets:
        print("No factsheets yet: import one with `assessor import FILE`.")
    for f in sheets:
        print(
            f"{f.party} — {f.round}: {plural(f.recommendations, 'recommendation')} "
            f"({f.require} require, {f.request} request, {f.invite} invite), "
            f"{f.follow_ups} with follow-up, {f.rated_in_scope}/{f.in_scope} in scope rated"
        )
    return 0


def cmd_rate(args: argparse.Namespace) -> int:
    """Rate one recommendation by its code."""
    from assessor.services.assessments import rate_by_code, rating_label_by_code

    code = args.code.strip()
    db = _open(args, create=False)
    try:
        changes = rate_by_code(
            db, code, args.rating, comment=args.comment, party=args.party, by=assessor_name()
        )
        label = rating_label_by_code(db, code, party=args.party)
    finally:
        db.close()
    if changes:
        print(f"Rated {code}: {label}." if label else f"Cleared the rating of {code}.")
    else:
        state = f"rated {label}" if label else "not rated"
        comment = " with that comment" if args.comment is not None else ""
        print(f"{code} is already {state}{comment}; nothing changed.")
    return 0


def cmd_backup_list(args: argparse.Namespace) -> int:
    """List the backups of the database, newest first."""
    from assessor.db.backup import backup_dir, list_backups

    path = _sqlite_file(args.db)
    if path is None:
        raise Failure("backups are made of database files only.")
    found = list_backups(path)
    if not found:
        print(f"No backups of {path} yet (they go to {backup_dir(path)}).")
    for b in found:
        print(f"{b.id}  {b.describe()}")
    return 0


def cmd_backup_now(args: argparse.Namespace) -> int:
    """Make a verified backup now."""
    from assessor.services.backups import backup_now

    db = _open(args, create=False)
    try:
        made = backup_now(db)
    finally:
        db.close()
    print(f"Made backup {made.id} ({made.describe()}): {made.path}")
    return 0


def cmd_backup_restore(args: argparse.Namespace) -> int:
    """Restore a backup; a damaged database is first set aside, never deleted."""
    from assessor.db.errors import DatabaseDamaged
    from assessor.services.backups import recover_damaged, restore_backup

    path = _sqlite_file(args.db)
    if path is not None and _no_database(path):  # lost or emptied: put the backup in its place
        print(recover_damaged(path, args.id, _given_passphrase(args, path)).message())
        return 0
    try:
        db = _open(args, create=False)
    except DatabaseDamaged as damaged:
        passphrase = _given_passphrase(args, damaged.path)
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

    path = _sqlite_file(args.db)
    if path is None or _no_database(path):
        raise Failure(f"there is no database file at {path or args.db} to convert.")
    given = _given_passphrase(args, path)
    if args.decrypt:
        old = given or getpass.getpass("Passphrase of the database: ")
        done = change_encryption(path, old=old, new=None)
    else:
        new = os.environ.get(ENV_NEW_PASSPHRASE) or _ask_new_passphrase()
        done = change_encryption(path, old=None, new=new)
    print(done.message())
    return 0


def _ask_new_passphrase() -> str:
    if not sys.stdin.isatty():
        raise Failure(f"a new passphrase is asked at a terminal; scripts set {ENV_NEW_PASSPHRASE}.")
    first = getpass.getpass("New passphrase: ")
    if not first or getpass.getpass("The same passphrase again: ") != first:
        raise Failure("the passphrases were empty or differ; nothing was changed.")
    return first


def cmd_window(args: argparse.Namespace) -> int:
    """Start the window (the passphrase is asked here, at the terminal, before Qt starts)."""
    passphrase = _given_passphrase(args, path=_sqlite_file(args.db))
    try:
        from assessor.ui.app import run_app  # Qt is loaded only when a window is wanted
    except ImportError as exc:  # Qt or a system library it needs is missing
        raise Failure(f"the window cannot start ({exc}); the commands still work.") from exc
    # The window imports the example itself, once the database is open (it may ask first).
    return run_app(args.db, with_example=args.with_example, passphrase=passphrase)


def cmd_self_check(args: argparse.Namespace) -> int:
    """Check this installation headless: database, example, xlsx, PDF, window (0 = all ok)."""
    from assessor.selfcheck import run_self_check

    return run_self_check()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``assessor`` command."""
    parser = argparse.ArgumentParser(
        prog="assessor",
        description="Assess States' compliance with the Lanzarote Committee's recommendations. "
        "Without a command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"assessor {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="database file or URL (default: $ASSESSOR_DB, else user data)"
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check this installation on a temporary database (no display needed), then exit",
    )
    parser.add_argument(
        "--with-example",
        action="store_true",
        help="import the bundled example if the database is empty, then open the window",
    )
    parser.add_argument(
        "--passphrase-prompt",
        action="store_true",
        help=f"ask for the passphrase of an encrypted database (or create one); "
        f"scripts set ${ENV_PASSPHRASE}",
    )
    parser.set_defaults(func=cmd_window)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("backup", help="list, make or restore verified backups")
    actions = p.add_subparsers(title="actions", metavar="ACTION", required=True)
    b = actions.add_parser("list", help="list the backups, newest first, with their ids")
    b.set_defaults(func=cmd_backup_list)
    b = actions.add_parser("now", help="make a verified backup now")
    b.set_defaults(func=cmd_backup_now)
    b = actions.add_parser(
        "restore", help="restore a backup (the current state is backed up first)"
    )
    b.add_argument(
        "id", metavar="ID", help="a backup id (or its start) from `backup list`, or latest"
    )
    b.set_defaults(func=cmd_backup_restore)

    p = sub.add_parser("encrypt", help="encrypt the database with a new passphrase (SQLCipher)")
    p.add_argument("--decrypt", action="store_true", help="turn an encrypted database plain again")
    p.set_defaults(func=cmd_encrypt)

    p = sub.add_parser(
        "import", help="import a factsheet, themed recommendations, or a questionnaire (.xlsx)"
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help="a factsheet (.md/.txt), themed recommendations (.txt), or a filled-in .xlsx "
        "questionnaire returned by a State",
    )
    p.add_argument("--kind", choices=("factsheet", "recommendations"), help="default: detected")
    p.add_argument("--party", metavar="NAME", help="the Party (State) the file is about")
    p.add_argument(
        "--scale",
        choices=tuple(PRESETS),
        help="the rating scale of the factsheet's round (default: greco for a new round; "
        "a round keeps its scale once anything is rated)",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="export the database")
    formats = p.add_subparsers(title="formats", metavar="FORMAT", required=True)
    j = formats.add_parser("json", help="the assessor-json/1 interchange format")
    j.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    j.set_defaults(func=cmd_export_json, output_example="assessor.json")
    pdf = formats.add_parser("pdf", help="a PDF summary for Committee meetings")
    pdf.add_argument("-o", "--output", metavar="FILE", required=True, help="the PDF file to write")
    pdf.add_argument("--party", metavar="NAME", help="the Party (needed when there are several)")
    pdf.add_argument(
        "--scope",
        choices=("compliance", "all"),
        default="compliance",
        help="compliance: require and request recommendations (default); all: invites too",
    )
    pdf.add_argument("--only-rated", action="store_true", help="print rated recommendations only")
    pdf.add_argument(
        "--full-follow-ups", action="store_true", help="print follow-ups in full, not trimmed"
    )
    pdf.set_defaults(func=cmd_export_pdf, output_example="summary.pdf")
    q = formats.add_parser("questionnaire", help="an Excel questionnaire for the State to fill in")
    q.add_argument("-o", "--output", metavar="FILE", required=True, help="the .xlsx file to write")
    q.add_argument("--party", metavar="NAME", help="the Party (needed when there are several)")
    q.add_argument(
        "--scope",
        choices=("compliance", "all"),
        default="compliance",
        help="compliance: require and request recommendations (default); all: invites too",
    )
    q.add_argument("--deadline", metavar="TEXT", help="the answer deadline shown to the State")
    q.add_argument("--contact", metavar="TEXT", help="who the State returns the file to")
    q.set_defaults(func=cmd_export_questionnaire, output_example="questionnaire.xlsx")
    x = formats.add_parser("xlsx", help="the assessment as an Excel workbook")
    x.add_argument("-o", "--output", metavar="FILE", required=True, help="the .xlsx file to write")
    x.add_argument("--party", metavar="NAME", help="the Party (needed when there are several)")
    x.add_argument("--all", action="store_true", help="an overview of every Party instead")
    x.set_defaults(func=cmd_export_xlsx, output_example="assessment.xlsx")

    p = sub.add_parser("list", help="list the factsheets with their counts")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("rate", help="rate a recommendation by its code")
    p.add_argument("code", metavar="CODE", help="a recommendation code, e.g. II-6")
    p.add_argument(
        "rating",
        metavar="RATING",
        help="the level's number as in the window (1, 2, …; 0 clears), key or label, e.g. partly",
    )
    p.add_argument("--comment", metavar="TEXT", help="the rapporteur's comment")
    p.add_argument("--party", metavar="NAME", help="the Party, when several hold the code")
    p.set_defaults(func=cmd_rate)
    _add_questionnaire_options(sub.choices["import"])
    return parser


def _add_questionnaire_options(p: argparse.ArgumentParser) -> None:
    """The options of ``import`` that only a questionnaire (.xlsx) takes."""
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="for a questionnaire (.xlsx): print what importing would do, and write nothing",
    )


def _refuse_unsupported(args: argparse.Namespace) -> None:
    """Refuse an option the chosen file cannot honour, rather than silently ignore it."""
    if getattr(args, "dry_run", False) and Path(args.file).suffix.casefold() != ".xlsx":
        raise Failure("--dry-run previews questionnaires (.xlsx) only; nothing was imported.")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``assessor`` command; return its exit status."""
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    if args.self_check:
        func = cmd_self_check
    try:
        if func is not cmd_self_check:
            _check_db_choice(args)
        if func is cmd_import:
            _refuse_unsupported(args)
        return func(args)
    except DatabaseLocked as exc:  # commands that only read never get here: they read-only
        print(f"assessor: {_one_line(_locked_message(exc))}", file=sys.stderr)
        return EXIT_FAILURE
    except OSError as exc:  # the one place where the system's refusals become plain words
        print(f"assessor: {_one_line(_os_error_message(exc, args))}", file=sys.stderr)
        return EXIT_FAILURE
    except (Failure, *USER_ERRORS) as exc:
        print(f"assessor: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("assessor: interrupted.", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get(ENV_DEBUG):
            raise
        # A bug, not the user's fault: still one line, with a way to see more.
        print(
            f"assessor: unexpected error ({type(exc).__name__}: {_one_line(str(exc))}); "
            f"set {ENV_DEBUG}=1 to see the details.",
            file=sys.stderr,
        )
        return EXIT_FAILURE
