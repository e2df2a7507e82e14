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
from assessor.cli.language import (
    TranslatedParser,
    chosen_language,
    saved_language,
    translate_argparse,
)
from assessor.cli.server import add_server_commands
from assessor.cli.storage import cmd_backup_list, cmd_backup_now, cmd_backup_restore, cmd_encrypt
from assessor.domain.scales import PRESETS
from assessor.i18n import LANGUAGE_NAMES, LANGUAGES, _, use_language

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
    parser: argparse.ArgumentParser = TranslatedParser(
        prog="assessor",
        description=_(
            "Assess States' compliance with the Lanzarote Committee's recommendations. "
            "Without a command, the window opens."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"assessor {__version__}",
        help=_("show the version and exit"),
    )
    parser.add_argument(
        "--lang",
        dest="ui_lang",
        choices=LANGUAGES,
        help=_(
            "the language Assessor speaks to you ({names}); default: the one saved in the "
            "settings, else the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)"
        ).format(names=", ".join(f"{k}: {v}" for k, v in LANGUAGE_NAMES.items())),
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=_("database file or URL (default: $ASSESSOR_DB, else user data)"),
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help=_("check this installation on a temporary database (no display needed), then exit"),
    )
    parser.add_argument(
        "--with-example",
        action="store_true",
        help=_("import the bundled example if the database is empty, then open the window"),
    )
    parser.add_argument(
        "--passphrase-prompt",
        action="store_true",
        help=_(
            "ask for the passphrase of an encrypted database (or create one); scripts set ${env}"
        ).format(env=ENV_PASSPHRASE),
    )
    parser.set_defaults(func=cmd_window)
    sub = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    p = sub.add_parser("backup", help=_("list, make or restore verified backups"))
    actions = p.add_subparsers(title=_("actions"), metavar="ACTION", required=True)
    b = actions.add_parser("list", help=_("list the backups, newest first, with their ids"))
    b.set_defaults(func=cmd_backup_list)
    b = actions.add_parser("now", help=_("make a verified backup now"))
    b.set_defaults(func=cmd_backup_now)
    b = actions.add_parser(
        "restore", help=_("restore a backup (the current state is backed up first)")
    )
    b.add_argument(
        "id", metavar="ID", help=_("a backup id (or its start) from `backup list`, or latest")
    )
    b.set_defaults(func=cmd_backup_restore)

    p = sub.add_parser(
        "encrypt",
        help=_("encrypt the database with a new passphrase (SQLCipher), or --decrypt"),
        description=_(
            "Encrypt the database and every one of its backups with a new passphrase "
            "(SQLCipher, an optional driver), so that only the passphrase opens them; with "
            "--decrypt, make them plain again."
        ),
        epilog=_(
            "The new passphrase is asked twice at a terminal and never taken from the "
            "command line; scripts set ${new} instead. --decrypt asks for the "
            "current passphrase at a terminal; scripts set ${env}. A forgotten "
            "passphrase cannot be recovered: without it, the database and its backups are lost."
        ).format(new=ENV_NEW_PASSPHRASE, env=ENV_PASSPHRASE),
    )
    p.add_argument(
        "--decrypt",
        action="store_true",
        help=_(
            "make an encrypted database and its backups plain again (asks for the current "
            "passphrase, or takes ${env})"
        ).format(env=ENV_PASSPHRASE),
    )
    p.set_defaults(func=cmd_encrypt)

    p = sub.add_parser(
        "import", help=_("import a factsheet, themed recommendations, or a questionnaire (.xlsx)")
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help=_(
            "a factsheet (.pdf, .docx, .md, .txt), themed recommendations (.txt), a "
            "filled-in .xlsx questionnaire returned by a State, or a whole export (.json) into an "
            "empty database"
        ),
    )
    p.add_argument("--kind", choices=("factsheet", "recommendations"), help=_("default: detected"))
    p.add_argument("--party", metavar="NAME", help=_("the Party (State) the file is about"))
    p.add_argument(
        "--scale",
        choices=tuple(PRESETS),
        help=_(
            "the rating scale of the factsheet's round (default: greco for a new round; "
            "a round keeps its scale once anything is rated)"
        ),
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=_(
            "print what importing would do (a factsheet's review: its tree, follow-ups, "
            "warnings and unplaced text; a questionnaire's rows), and write nothing"
        ),
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help=_("export the database"))
    formats = p.add_subparsers(title=_("formats"), metavar="FORMAT", required=True)
    _export(formats, "json", _("the assessor-json/1 interchange format"), cmd_export_json)
    pdf = _export(formats, "pdf", _("a PDF summary for Committee meetings"), cmd_export_pdf)
    pdf.add_argument(
        "--only-rated", action="store_true", help=_("print rated recommendations only")
    )
    pdf.add_argument(
        "--full-follow-ups", action="store_true", help=_("print follow-ups in full, not trimmed")
    )
    q = _export(
        formats,
        "questionnaire",
        _("an Excel questionnaire for the State to fill in"),
        cmd_export_questionnaire,
    )
    q.add_argument("--deadline", metavar="TEXT", help=_("the answer deadline shown to the State"))
    q.add_argument("--contact", metavar="TEXT", help=_("who the State returns the file to"))
    x = _export(formats, "xlsx", _("the assessment as an Excel workbook"), cmd_export_xlsx)
    x.add_argument("--all", action="store_true", help=_("an overview of every Party instead"))
    x.add_argument(
        "--agreement",
        metavar="FILE",
        help=_(
            "with --all: a sheet of how far a colleague's package or database file agrees on "
            "the ratings both gave (nothing is merged)"
        ),
    )

    k = _export(
        formats,
        "package",
        _("an assessment package (.assessor) for a colleague"),
        cmd_export_package,
    )
    k.add_argument(
        "--encrypt",
        action="store_true",
        help=_(
            "seal it with a passphrase (asked, or ${env}); always so when the database is encrypted"
        ).format(env=ENV_PACKAGE_PASSPHRASE),
    )
    k.add_argument(
        "--force", action="store_true", help=_("replace FILE if it exists (else refused)")
    )

    p = sub.add_parser(
        "merge",
        help=_("merge a colleague's assessment (.assessor package or database file)"),
        description=_(
            "Sort every difference between this database and a colleague's: only "
            "theirs (taken), only mine (kept), the same, and both changed (a conflict, to choose). "
            "Nothing is merged while a conflict has no choice."
        ),
    )
    p.add_argument("source", metavar="FILE", help=_("a .assessor package or another database file"))
    p.add_argument(
        "--prefer",
        choices=("mine", "theirs"),
        help=_("decide every conflict this way (else the command lists them and merges nothing)"),
    )
    p.add_argument("--dry-run", action="store_true", help=_("print the sorting, merge nothing"))
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("list", help=_("list the factsheets with their counts"))
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("rate", help=_("rate a recommendation by its code"))
    p.add_argument("code", metavar="CODE", help=_("a recommendation code, e.g. II-6"))
    p.add_argument(
        "rating",
        metavar="RATING",
        help=_(
            "the level's number as in the window (1, 2, …; 0 clears), key or label, e.g. partly"
        ),
    )
    p.add_argument("--comment", metavar="TEXT", help=_("the rapporteur's comment"))
    p.add_argument("--party", metavar="NAME", help=_("the Party, when several hold the code"))
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
        help=_("the file to write (default: stdout)") if to_stdout else _("the file to write"),
    )
    if not to_stdout:
        p.add_argument(
            "--party", metavar="NAME", help=_("the Party (needed when there are several)")
        )
    if name in ("pdf", "questionnaire"):
        p.add_argument(
            "--scope",
            choices=("compliance", "all"),
            default="compliance",
            help=_("compliance: require and request recommendations (default); all: invites too"),
        )
    if name in ("pdf", "questionnaire", "xlsx"):
        # The reader's language, not the user's: the global --lang (before the command) is that.
        p.add_argument(
            "--lang",
            dest="doc_lang",
            choices=LANGUAGES,
            help=_(
                "the language the document is written in ({names}); default: the language of "
                "the Party's factsheet, else yours"
            ).format(names=", ".join(f"{k}: {v}" for k, v in LANGUAGE_NAMES.items())),
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
            _(
                "{option} is for factsheets and themed recommendations, not for a questionnaire "
                "(.xlsx); nothing was imported."
            ).format(option=option)
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``assessor`` command; return its exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    # Before the parser is built: its help texts are in the user's language.
    use_language(chosen_language(arguments, saved_language()))
    translate_argparse()
    args = build_parser().parse_args(arguments)
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
                    _(
                        "a JSON export is imported whole into an empty database: --kind, "
                        "--scale, --party and --dry-run do not apply; nothing was imported."
                    )
                )
            func = cmd_import_json
        elif func is cmd_import:
            _refuse_unsupported(args)
        return func(args)
    except KeyboardInterrupt:
        print("assessor: " + _("interrupted."), file=sys.stderr)
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
            "assessor: "
            + _("unexpected error ({error}: {detail}); set {env}=1 to see the details.").format(
                error=type(exc).__name__, detail=printable(detail), env=ENV_DEBUG
            ),
            file=sys.stderr,
        )
        return EXIT_FAILURE
