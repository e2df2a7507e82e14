"""``assessor server init|grant`` (rights enforced by a PostgreSQL server) and ``assessor copy``.

The work is done by ``assessor.services.server``; this module asks for what it needs (a new
login's password) and prints what was done.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from assessor.cli.common import Failure, open_db, sqlite_file
from assessor.i18n import _
from assessor.services.opening import resolve_location

#: The password ``server grant`` gives a new login, for scripts (a person is asked).
ENV_NEW_PASSWORD = "ASSESSOR_NEW_PASSWORD"


def _refuse_a_file(args: argparse.Namespace, command: str) -> None:
    """Refuse before opening (opening a missing file would create one)."""
    if sqlite_file(args.db) is not None or resolve_location(args.db).get_backend_name() != (
        "postgresql"
    ):
        raise Failure(
            _("server {command} is for a PostgreSQL server; a local file needs no rights.").format(
                command=command
            )
        )


def cmd_server_init(args: argparse.Namespace) -> int:
    """Set up the roles and row-level security of a server database."""
    from assessor.services.server import init_server

    _refuse_a_file(args, "init")
    db = open_db(args, create=True)
    try:
        roles = init_server(db)
    finally:
        db.close()
    print(
        _(
            "Rights are set up on {location}: rapporteurs ({rapporteurs}) write only the "
            "Parties granted to them, readers ({readers}) read and export. "
            "Give each person a login with `assessor server grant LOGIN --party NAME`."
        ).format(location=db.location, rapporteurs=roles.rapporteurs, readers=roles.readers)
    )
    return 0


def cmd_server_grant(args: argparse.Namespace) -> int:
    """Give a login (made if missing) one more Party to assess, or read-only access."""
    from assessor.services.server import grant_login, login_exists

    _refuse_a_file(args, "grant")
    if not args.read_only and not args.party:
        raise Failure(
            _(
                "server grant needs --party NAME (the Party the login may assess), or "
                "--read-only; nothing was changed."
            )
        )
    db = open_db(args, create=False)
    try:
        password = None
        if not login_exists(db, args.login):
            password = os.environ.get(ENV_NEW_PASSWORD) or _ask_password(args.login)
        report = grant_login(
            db, args.login, party=args.party, read_only=args.read_only, password=password
        )
    finally:
        db.close()
    print(report.text())
    return 0


def _ask_password(login: str) -> str:
    if not sys.stdin.isatty():
        raise Failure(
            _(
                "the new login {login} needs a password, asked at a terminal; scripts set "
                "{env}. Nothing was changed."
            ).format(login=login, env=ENV_NEW_PASSWORD)
        )
    first = getpass.getpass(_("Password for the new login {login}: ").format(login=login))
    if not first or getpass.getpass(_("The same password again: ")) != first:
        raise Failure(_("the passwords were empty or differ; nothing was changed."))
    return first


def cmd_copy(args: argparse.Namespace) -> int:
    """Copy a whole database, with its history, into an empty one (verified)."""
    from assessor.services.copy import copy_database

    print(copy_database(args.source, args.target).text())
    return 0


def add_server_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``server init`` and ``server grant`` on the command's subparsers."""
    p = sub.add_parser(
        "server",
        help=_("set up logins and rights on a PostgreSQL server (init, grant)"),
        description=_(
            "Rights enforced by the server itself (row-level security), not only by "
            "the window: rapporteurs write only the Parties granted to them; readers read and "
            "export. Run by the database's owner."
        ),
    )
    actions = p.add_subparsers(title=_("actions"), metavar="ACTION", required=True)
    a = actions.add_parser(
        "init", help=_("set up the roles, the Party grants and row-level security (idempotent)")
    )
    a.set_defaults(func=cmd_server_init)
    a = actions.add_parser(
        "grant",
        help=_("let a login (made if missing) assess a Party, or read only"),
        epilog=_("A new login's password is asked at a terminal; scripts set ${env}.").format(
            env=ENV_NEW_PASSWORD
        ),
    )
    a.add_argument("login", metavar="USER", help=_("the database login"))
    a.add_argument("--party", metavar="NAME", help=_("the Party this login may assess"))
    a.add_argument(
        "--read-only",
        action="store_true",
        help=_("the login reads and exports every Party and changes nothing"),
    )
    a.set_defaults(func=cmd_server_grant)

    p = sub.add_parser(
        "copy",
        help=_("copy a whole database with its history into an empty one (file ↔ server)"),
        description=_(
            "Copy a whole database, with its history, into an empty database: a SQLite "
            "file to a PostgreSQL server and back. The copy is checked by comparing the JSON "
            "export of both; when they differ, the target is left as it was."
        ),
    )
    p.add_argument("--from", dest="source", metavar="URL", required=True, help=_("file or URL"))
    p.add_argument("--to", dest="target", metavar="URL", required=True, help=_("file or URL"))
    p.set_defaults(func=cmd_copy)
