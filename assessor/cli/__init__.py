"""The ``assessor`` command: import, export, list and rate from a terminal, or start the window.

Every failure the user can cause (a bad file, an unknown code or rating, a damaged database)
ends as one line on stderr starting with ``assessor:`` and exit status 2, never a traceback;
the services run in one transaction each, so a failed command leaves the database unchanged.
Only ``import`` and the window create a database; every other command refuses a missing one.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from assessor import __version__
from assessor.cli.commands import (
    cmd_export_json,
    cmd_export_pdf,
    cmd_export_questionnaire,
    cmd_export_xlsx,
    cmd_import,
    cmd_list,
    cmd_rate,
    cmd_self_check,
    cmd_window,
)
from assessor.cli.common import (
    ENV_DEBUG,
    ENV_NEW_PASSPHRASE,
    ENV_PASSPHRASE,
    EXIT_FAILURE,
    EXIT_ROWS_REJECTED,
    OUTPUT_KINDS,
    Failure,
    check_db_choice,
    check_output,
    one_line,
    printable,
    user_message,
)
from assessor.cli.exchange import (
    ENV_PACKAGE_PASSPHRASE,
    cmd_export_package,
    cmd_import_json,
    cmd_merge,
    is_json_export,
)
from assessor.cli.server import add_server_commands
from assessor.cli.storage import cmd_backup_list, cmd_backup_now, cmd_backup_restore, cmd_encrypt
from assessor.domain.scales import PRESETS

__all__ = [
    "ENV_NEW_PASSPHRASE",
    "ENV_PASSPHRASE",
    "EXIT_FAILURE",
    "EXIT_ROWS_REJECTED",
    "build_parser",
    "main",
]


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

    p = sub.add_parser(
        "encrypt",
        help="encrypt the database with a new passphrase (SQLCipher), or --decrypt",
        description="Encrypt the database and every one of its backups with a new passphrase "
        "(SQLCipher, an optional driver), so that only the passphrase opens them; with "
        "--decrypt, make them plain again.",
        epilog=f"The new passphrase is asked twice at a terminal and never taken from the "
        f"command line; scripts set ${ENV_NEW_PASSPHRASE} instead. --decrypt asks for the "
        f"current passphrase at a terminal; scripts set ${ENV_PASSPHRASE}. A forgotten "
        f"passphrase cannot be recovered: without it, the database and its backups are lost.",
    )
    p.add_argument(
        "--decrypt",
        action="store_true",
        help=f"make an encrypted database and its backups plain again (asks for the current "
        f"passphrase, or takes ${ENV_PASSPHRASE})",
    )
    p.set_defaults(func=cmd_encrypt)

    p = sub.add_parser(
        "import", help="import a factsheet, themed recommendations, or a questionnaire (.xlsx)"
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help="a factsheet (.pdf, .docx, .md, .txt), themed recommendations (.txt), a "
        "filled-in .xlsx questionnaire returned by a State, or a whole export (.json) into an "
        "empty database",
    )
    p.add_argument("--kind", choices=("factsheet", "recommendations"), help="default: detected")
    p.add_argument("--party", metavar="NAME", help="the Party (State) the file is about")
    p.add_argument(
        "--scale",
        choices=tuple(PRESETS),
        help="the rating scale of the factsheet's round (default: greco for a new round; "
        "a round keeps its scale once anything is rated)",
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="print what importing would do (a factsheet's review: its tree, follow-ups, "
        "warnings and unplaced text; a questionnaire's rows), and write nothing",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="export the database")
    formats = p.add_subparsers(title="formats", metavar="FORMAT", required=True)
    _export(formats, "json", "the assessor-json/1 interchange format", cmd_export_json)
    pdf = _export(formats, "pdf", "a PDF summary for Committee meetings", cmd_export_pdf)
    pdf.add_argument("--only-rated", action="store_true", help="print rated recommendations only")
    pdf.add_argument(
        "--full-follow-ups", action="store_true", help="print follow-ups in full, not trimmed"
    )
    q = _export(
        formats,
        "questionnaire",
        "an Excel questionnaire for the State to fill in",
        cmd_export_questionnaire,
    )
    q.add_argument("--deadline", metavar="TEXT", help="the answer deadline shown to the State")
    q.add_argument("--contact", metavar="TEXT", help="who the State returns the file to")
    x = _export(formats, "xlsx", "the assessment as an Excel workbook", cmd_export_xlsx)
    x.add_argument("--all", action="store_true", help="an overview of every Party instead")
    x.add_argument(
        "--agreement",
        metavar="FILE",
        help="with --all: a sheet of how far a colleague's package or database file agrees on "
        "the ratings both gave (nothing is merged)",
    )

    k = _export(
        formats, "package", "an assessment package (.assessor) for a colleague", cmd_export_package
    )
    k.add_argument(
        "--encrypt",
        action="store_true",
        help=f"seal it with a passphrase (asked, or ${ENV_PACKAGE_PASSPHRASE}); always so when "
        "the database is encrypted",
    )

    p = sub.add_parser(
        "merge",
        help="merge a colleague's assessment (.assessor package or database file)",
        description="Sort every difference between this database and a colleague's: only "
        "theirs (taken), only mine (kept), the same, and both changed (a conflict, to choose). "
        "Nothing is merged while a conflict has no choice.",
    )
    p.add_argument("source", metavar="FILE", help="a .assessor package or another database file")
    p.add_argument(
        "--prefer",
        choices=("mine", "theirs"),
        help="decide every conflict this way (else the command lists them and merges nothing)",
    )
    p.add_argument("--dry-run", action="store_true", help="print the sorting, merge nothing")
    p.set_defaults(func=cmd_merge)

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
    add_server_commands(sub)
    return parser


def _export(
    formats: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    func: Callable[[argparse.Namespace], int],
) -> argparse.ArgumentParser:
    """An export format: -o FILE (its ending checked), and --party / --scope where they apply."""
    p = formats.add_parser(name, help=help_text)
    to_stdout = name == "json"  # the whole database, to a file or to stdout
    p.add_argument(
        "-o",
        "--output",
        metavar=_file(name),
        required=not to_stdout,
        help="the file to write" + (" (default: stdout)" if to_stdout else ""),
    )
    if not to_stdout:
        p.add_argument("--party", metavar="NAME", help="the Party (needed when there are several)")
    if name in ("pdf", "questionnaire"):
        p.add_argument(
            "--scope",
            choices=("compliance", "all"),
            default="compliance",
            help="compliance: require and request recommendations (default); all: invites too",
        )
    p.set_defaults(func=func, output_kind=OUTPUT_KINDS[name])
    return p


def _file(fmt: str) -> str:
    """The metavar of ``-o``: FILE with the ending the format's file name must have."""
    return "FILE" + OUTPUT_KINDS[fmt].suffix


def _refuse_unsupported(args: argparse.Namespace) -> None:
    """Refuse an option the chosen file cannot honour, rather than silently ignore it."""
    from assessor.importers.xlsx_file import is_workbook

    questionnaire = is_workbook(args.file)
    if questionnaire and (args.kind or args.scale):
        option = "--kind" if args.kind else "--scale"
        raise Failure(
            f"{option} is for factsheets and themed recommendations, not for a questionnaire "
            "(.xlsx); nothing was imported."
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``assessor`` command; return its exit status."""
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    if args.self_check:
        func = cmd_self_check
    try:
        if func is not cmd_self_check:
            check_db_choice(args)
            check_output(args)
        if func is cmd_import and is_json_export(args.file):
            if args.kind or args.scale or args.dry_run or args.party:
                raise Failure(
                    "a JSON export is imported whole into an empty database: --kind, --scale, "
                    "--party and --dry-run do not apply; nothing was imported."
                )
            func = cmd_import_json
        elif func is cmd_import:
            _refuse_unsupported(args)
        return func(args)
    except KeyboardInterrupt:
        print("assessor: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``assessor … | head``): what it wanted was written; say nothing.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:
        # The one place where refusals (the system's, SQLite's, the services') become words.
        message = user_message(exc, args)
        if message is not None:
            print(f"assessor: {one_line(message)}", file=sys.stderr)
            return EXIT_FAILURE
        if os.environ.get(ENV_DEBUG):
            raise
        # A bug, not the user's fault: still one line (never the SQL), with a way to see more.
        detail = one_line(str(getattr(exc, "orig", None) or exc))
        print(
            f"assessor: unexpected error ({type(exc).__name__}: {printable(detail)}); "
            f"set {ENV_DEBUG}=1 to see the details.",
            file=sys.stderr,
        )
        return EXIT_FAILURE
