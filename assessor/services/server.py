"""Rights on a PostgreSQL server, enforced by the server itself (``assessor server init|grant``).

``init_server`` (run by the database's owner, who needs CREATEROLE to make logins) sets up:

- two group roles per database: ``<database>_rapporteurs`` and ``<database>_readers``;
- readers may read every table; rapporteurs may read every table and write the per-Party tables
  (assessment, follow_up, theme, theme_item, and add to the history, ``change``), and nothing
  else: no factsheet, recommendation, Party or round, no schema;
- a table ``party_grant(login, party_id)`` and row-level security on the per-Party tables: a row
  may be written only when its recommendation → factsheet → Party is granted to ``current_user``
  (a refused row is an error, never a silent success); the foreign key of a row cannot be
  changed by a rapporteur (column rights), so a row cannot be moved to another Party;
- a trigger signing every history row with the database login (``"Display Name (login)"``), so
  that the audit trail cannot be typed in. A copy made by the owner
  (``assessor copy``) keeps the signatures it brings.

``grant_login`` makes a login (if missing) a rapporteur for one more Party, or a reader. Both are
idempotent; both refuse a SQLite file in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

from assessor.db.engine import Database
from assessor.i18n import N_, _
from assessor.services.errors import ServiceError

#: What ``server init`` / ``server grant`` say about a file.
NOT_A_SERVER = N_("server {command} is for a PostgreSQL server; a local file needs no rights.")
#: The session setting an owner's copy sets so that the history it brings keeps its signatures.
COPYING_SETTING = "assessor.copying"

#: Per-Party tables: (table, the column tying a row to its Party, the check of that column).
_PER_PARTY = (
    ("assessment", "recommendation_id", "assessor_may_write_recommendation"),
    ("follow_up", "recommendation_id", "assessor_may_write_recommendation"),
    ("theme", "factsheet_id", "assessor_may_write_factsheet"),
    ("theme_item", "theme_id", "assessor_may_write_theme"),
)


@dataclass(frozen=True)
class Roles:
    """The group roles of one database."""

    rapporteurs: str
    readers: str


@dataclass(frozen=True)
class GrantReport:
    """What ``grant_login`` did, in words."""

    login: str
    created: bool
    party: str | None
    read_only: bool

    def text(self) -> str:
        if self.read_only and self.created:
            said = _(
                "Made the login {login}; reads and exports every Party, and can change nothing."
            )
        elif self.read_only:
            said = _("{login}: reads and exports every Party, and can change nothing.")
        elif self.created:
            said = _("Made the login {login}; may now assess {party} (and read every Party).")
        else:
            said = _("{login}: may now assess {party} (and read every Party).")
        return said.format(login=self.login, party=self.party)


def _ident(name: str) -> str:
    """A role or table name quoted for SQL."""
    return '"' + name.replace('"', '""') + '"'


def is_server(db: Database) -> bool:
    """Whether the database is on a PostgreSQL server."""
    return db.url.get_backend_name() == "postgresql"


def require_server(db: Database, command: str) -> None:
    """Refuse a SQLite file (or any other backend) in plain words."""
    if not is_server(db):
        raise ServiceError(_(NOT_A_SERVER).format(command=command))


def roles_of(conn: Connection) -> Roles:
    """The group roles of the connected database."""
    name = str(conn.scalar(text("SELECT current_database()")))
    base = name[:50]
    return Roles(rapporteurs=f"{base}_rapporteurs", readers=f"{base}_readers")


def _refuse_unless_owner(conn: Connection, command: str) -> None:
    owner = conn.scalar(
        text(
            "SELECT pg_has_role(current_user, datdba, 'MEMBER') FROM pg_database "
            "WHERE datname = current_database()"
        )
    )
    if not owner:
        raise ServiceError(
            _(
                "server {command} is run by the database's owner (log in as the login that owns "
                "the database); nothing was changed."
            ).format(command=command)
        )
    may_create = conn.scalar(
        text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")
    )
    if not may_create:
        raise ServiceError(
            _(
                "server {command} makes roles: the database's owner needs the CREATEROLE right "
                "(ALTER ROLE … CREATEROLE, as a superuser); nothing was changed."
            ).format(command=command)
        )


def _role_exists(conn: Connection, name: str) -> bool:
    return bool(conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}))


def _ensure_group(conn: Connection, name: str) -> None:
    if not _role_exists(conn, name):
        conn.execute(text(f"CREATE ROLE {_ident(name)} NOLOGIN"))


def _functions(conn: Connection, schema: str) -> None:
    """The checks the policies call: may ``who`` write for this factsheet (recommendation …)?"""
    path = f"SET search_path = {_ident(schema)}, pg_temp"
    conn.execute(
        text(
            "CREATE OR REPLACE FUNCTION assessor_may_write_factsheet(fid integer, who name) "
            f"RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$ "
            "SELECT EXISTS (SELECT 1 FROM factsheet f JOIN party_grant g "
            "ON g.party_id = f.party_id WHERE f.id = fid AND g.login = who) $$"
        )
    )
    conn.execute(
        text(
            "CREATE OR REPLACE FUNCTION assessor_may_write_recommendation(rid integer, who name) "
            f"RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$ "
            "SELECT assessor_may_write_factsheet("
            "(SELECT factsheet_id FROM recommendation WHERE id = rid), who) $$"
        )
    )
    conn.execute(
        text(
            "CREATE OR REPLACE FUNCTION assessor_may_write_theme(tid integer, who name) "
            f"RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$ "
            "SELECT assessor_may_write_factsheet("
            "(SELECT factsheet_id FROM theme WHERE id = tid), who) $$"
        )
    )
    conn.execute(
        text(
            "CREATE OR REPLACE FUNCTION assessor_may_write_change(kind text, eid integer, "
            f"who name) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$ "
            "SELECT CASE kind "
            "WHEN 'recommendation' THEN assessor_may_write_recommendation(eid, who) "
            "WHEN 'factsheet' THEN assessor_may_write_factsheet(eid, who) "
            "WHEN 'theme_item' THEN assessor_may_write_theme("
            "(SELECT theme_id FROM theme_item WHERE id = eid), who) "
            "WHEN 'theme' THEN assessor_may_write_theme(eid, who) "
            "ELSE false END $$"
        )
    )
    # The history is signed by the server: "Display Name (login)". An owner's copy (which sets
    # assessor.copying) keeps the signatures of the history it brings.
    conn.execute(
        text(
            "CREATE OR REPLACE FUNCTION assessor_sign_change() RETURNS trigger "
            f"LANGUAGE plpgsql {path} AS $$ "
            "DECLARE login text := session_user; typed text := coalesce(NEW.\"by\", ''); "
            "BEGIN "
            f"IF current_setting('{COPYING_SETTING}', true) = 'on' AND pg_has_role(session_user, "
            "(SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN "
            "RETURN NEW; END IF; "
            "IF typed = '' THEN NEW.\"by\" := login; "
            "ELSE NEW.\"by\" := typed || ' (' || login || ')'; END IF; "
            "RETURN NEW; END $$"
        )
    )
    conn.execute(text('DROP TRIGGER IF EXISTS assessor_sign_change ON "change"'))
    conn.execute(
        text(
            'CREATE TRIGGER assessor_sign_change BEFORE INSERT ON "change" '
            "FOR EACH ROW EXECUTE FUNCTION assessor_sign_change()"
        )
    )


def _writable_columns(conn: Connection, table: str, schema: str, tie: str) -> list[str]:
    """The columns a rapporteur may update: all but the id, the Party tie and generated ones."""
    rows = conn.execute(
        text(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = :s "
            "AND table_name = :t AND is_generated = 'NEVER' AND generation_expression IS NULL "
            "ORDER BY ordinal_position"
        ),
        {"s": schema, "t": table},
    ).scalars()
    return [c for c in rows if c not in ("id", tie)]


def _policies(conn: Connection, table: str, check: str, rapporteurs: str) -> None:
    """Row-level security on one per-Party table: read by all, written only for one's Parties."""
    t, r = _ident(table), _ident(rapporteurs)
    conn.execute(text(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY"))
    for name in ("assessor_read", "assessor_insert", "assessor_update", "assessor_delete"):
        conn.execute(text(f"DROP POLICY IF EXISTS {name} ON {t}"))
    conn.execute(text(f"CREATE POLICY assessor_read ON {t} FOR SELECT USING (true)"))
    conn.execute(
        text(f"CREATE POLICY assessor_insert ON {t} FOR INSERT TO {r} WITH CHECK ({check})")
    )
    if table == "change":  # the history is only ever added to
        return
    # USING (true): a refused update is an error ("violates row-level security"), not 0 rows.
    conn.execute(
        text(
            f"CREATE POLICY assessor_update ON {t} FOR UPDATE TO {r} USING (true) "
            f"WITH CHECK ({check})"
        )
    )
    conn.execute(text(f"CREATE POLICY assessor_delete ON {t} FOR DELETE TO {r} USING ({check})"))


def init_server(db: Database) -> Roles:
    """Set up the roles, ``party_grant`` and row-level security (idempotent)."""
    require_server(db, "init")
    with db.engine.begin() as conn:
        _refuse_unless_owner(conn, "init")
        schema = str(conn.scalar(text("SELECT current_schema()")))
        database = str(conn.scalar(text("SELECT current_database()")))
        roles = roles_of(conn)
        # Role names are the cluster's: two inits at once must not both create them.
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('assessor server init'))"))
        for group in (roles.rapporteurs, roles.readers):
            _ensure_group(conn, group)
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS party_grant ("
                "login name NOT NULL, "
                "party_id integer NOT NULL REFERENCES party(id) ON DELETE CASCADE, "
                "PRIMARY KEY (login, party_id))"
            )
        )
        _functions(conn, schema)
        rap, rea, sch = _ident(roles.rapporteurs), _ident(roles.readers), _ident(schema)
        conn.execute(text(f"GRANT CONNECT ON DATABASE {_ident(database)} TO {rap}, {rea}"))
        conn.execute(text(f"GRANT USAGE ON SCHEMA {sch} TO {rap}, {rea}"))
        conn.execute(
            text(f"REVOKE ALL ON ALL TABLES IN SCHEMA {sch} FROM {rap}, {rea}")
        )  # a second init starts from nothing: rights only ever come from here
        conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA {sch} TO {rap}, {rea}"))
        conn.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {sch} TO {rap}"))
        # Tables a later upgrade adds can be read too (run init again to set their rights).
        conn.execute(
            text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {sch} GRANT SELECT ON TABLES TO {rap}, {rea}")
        )
        for table, tie, check in _PER_PARTY:
            columns = ", ".join(_ident(c) for c in _writable_columns(conn, table, schema, tie))
            conn.execute(text(f"GRANT INSERT, DELETE ON {_ident(table)} TO {rap}"))
            conn.execute(text(f"GRANT UPDATE ({columns}) ON {_ident(table)} TO {rap}"))
            _policies(conn, table, f"{check}({tie}, current_user)", roles.rapporteurs)
        conn.execute(text(f'GRANT INSERT ON "change" TO {rap}'))
        _policies(
            conn,
            "change",
            "assessor_may_write_change(entity, entity_id, current_user)",
            roles.rapporteurs,
        )
    return roles


def login_exists(db: Database, login: str) -> bool:
    """Whether the server has a role of that name."""
    require_server(db, "grant")
    with db.engine.connect() as conn:
        return _role_exists(conn, login)


def grant_login(
    db: Database,
    login: str,
    *,
    party: str | None,
    read_only: bool = False,
    password: str | None = None,
) -> GrantReport:
    """Make ``login`` a rapporteur for ``party`` (or, ``read_only``, a reader); idempotent.

    The login is created (with ``password``) when missing. Needs ``init_server`` first.
    """
    require_server(db, "grant")
    login = login.strip()
    if not login:
        raise ServiceError(_("server grant needs a login name; nothing was changed."))
    if not read_only and not party:
        raise ServiceError(
            _(
                "server grant needs --party NAME (the Party the login may assess), or --read-only; "
                "nothing was changed."
            )
        )
    with db.engine.begin() as conn:
        _refuse_unless_owner(conn, "grant")
        if conn.scalar(text("SELECT to_regclass('party_grant')")) is None:
            raise ServiceError(
                _(
                    "this database has no rights yet: run `assessor server init` first; "
                    "nothing was changed."
                )
            )
        roles = roles_of(conn)
        party_id = None
        if not read_only:
            party_id = conn.scalar(text("SELECT id FROM party WHERE name = :n"), {"n": party})
            if party_id is None:
                names = ", ".join(conn.scalars(text("SELECT name FROM party ORDER BY name")))
                if names:
                    refused = _(
                        "there is no Party named {party} in this database (there are: {names}); "
                        "nothing was changed."
                    )
                else:
                    refused = _(
                        "there is no Party named {party} in this database; nothing was changed."
                    )
                raise ServiceError(refused.format(party=repr(party), names=names))
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('assessor server init'))"))
        created = not _role_exists(conn, login)
        if created:
            if not password:
                raise ServiceError(
                    _("the new login {login} needs a password; nothing was changed.").format(
                        login=login
                    )
                )
            conn.execute(
                text(f"CREATE ROLE {_ident(login)} LOGIN PASSWORD {_literal(conn, password)}")
            )
        member, other = (
            (roles.readers, roles.rapporteurs) if read_only else (roles.rapporteurs, roles.readers)
        )
        conn.execute(text(f"GRANT {_ident(member)} TO {_ident(login)}"))
        if _is_member(conn, login, other):
            conn.execute(text(f"REVOKE {_ident(other)} FROM {_ident(login)}"))
        if party_id is not None:
            conn.execute(
                text(
                    "INSERT INTO party_grant (login, party_id) VALUES (:l, :p) "
                    "ON CONFLICT DO NOTHING"
                ),
                {"l": login, "p": party_id},
            )
    return GrantReport(login=login, created=created, party=party, read_only=read_only)


def _is_member(conn: Connection, login: str, group: str) -> bool:
    return bool(
        conn.scalar(
            text(
                "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = :g AND u.rolname = :u"
            ),
            {"g": group, "u": login},
        )
    )


def _literal(conn: Connection, value: str) -> str:
    """A string literal quoted by the server (CREATE ROLE takes no bound parameters)."""
    return str(conn.scalar(text("SELECT quote_literal(:v)"), {"v": value}))


def granted_parties(db: Database, login: str) -> list[str]:
    """The Parties a login may assess (empty on a file, or before ``init``)."""
    if not is_server(db):
        return []
    with db.engine.connect() as conn:
        if conn.scalar(text("SELECT to_regclass('party_grant')")) is None:
            return []
        return list(
            conn.scalars(
                text(
                    "SELECT p.name FROM party_grant g JOIN party p ON p.id = g.party_id "
                    "WHERE g.login = :l ORDER BY p.name"
                ),
                {"l": login},
            )
        )
