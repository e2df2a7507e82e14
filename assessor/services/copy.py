"""``assessor copy --from URL --to URL``: a whole database, with its history, into an empty one.

SQLite → PostgreSQL and back (or file to file, server to server). The copy goes through the
JSON interchange format (``export_json`` of the source, ``import_assessment`` into the target)
and is verified by comparing ``export_json`` of both, apart from the export time. Nothing is
left half-written: on a server the whole copy and its check run in one transaction, committed
only when both exports agree; a file is written under a temporary name beside the target and
moved into place only then.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from assessor.db.engine import Database, resolve_db_url, sqlite_path
from assessor.db.opening import open_database
from assessor.exporters.json_export import dumps, export_json
from assessor.i18n import _, ngettext
from assessor.importers.json_file import parse_json_bytes
from assessor.services.errors import ServiceError
from assessor.services.json_import import (
    JsonImportReport,
    database_is_empty,
    import_assessment,
)
from assessor.services.server import COPYING_SETTING


@dataclass(frozen=True)
class CopyReport:
    """What was copied."""

    source: str
    target: str
    factsheets: int
    recommendations: int
    history: int

    def text(self) -> str:
        return _(
            "Copied {source} to {target}: {factsheets}, {recommendations}, {history}; both "
            "exports agree."
        ).format(
            source=self.source,
            target=self.target,
            factsheets=ngettext("{n} factsheet", "{n} factsheets", self.factsheets).format(
                n=self.factsheets
            ),
            recommendations=ngettext(
                "{n} recommendation", "{n} recommendations", self.recommendations
            ).format(n=self.recommendations),
            history=ngettext("{n} history entry", "{n} history entries", self.history).format(
                n=self.history
            ),
        )


class CopyDiffers(ServiceError):
    """The target's export differs from the source's; the target was left as it was."""


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "exported_at"}


def _first_difference(a: Any, b: Any, where: str = "") -> str:
    """Where two exports first differ, for the message (a path such as factsheets[0].title)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            if a.get(key) != b.get(key):
                return _first_difference(a.get(key), b.get(key), f"{where}.{key}" if where else key)
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{where} ({len(a)} against {len(b)} entries)"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{where}[{i}]")
    return where or "the whole export"


def _check_same(source: dict[str, Any], copied: dict[str, Any], target: str) -> None:
    if _comparable(source) != _comparable(copied):
        where = _first_difference(_comparable(source), _comparable(copied))
        raise CopyDiffers(
            _(
                "the copy in {target} differs from the source (first at {where}); it was not "
                "kept, and the target is as it was."
            ).format(target=target, where=where)
        )


def _refuse_unless_empty(db: Database) -> None:
    with db.reading() as s:
        if not database_is_empty(s):
            raise ServiceError(
                _(
                    "{location} already holds work: a copy goes into an empty database only; "
                    "nothing was copied."
                ).format(location=db.location)
            )


def _read_source(location: str) -> tuple[dict[str, Any], str]:
    url = resolve_db_url(location)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise ServiceError(
            _("there is no database at {path} to copy from; nothing was copied.").format(path=path)
        )
    source = open_database(location, backup=False, create=False)
    try:
        return export_json(source), source.location
    finally:
        source.close()


def copy_database(source_location: str, target_location: str) -> CopyReport:
    """Copy the whole database at ``source_location`` into the empty ``target_location``."""
    if resolve_db_url(source_location) == resolve_db_url(target_location):
        raise ServiceError(_("--from and --to name the same database; nothing was copied."))
    data, source_name = _read_source(source_location)
    parsed = parse_json_bytes(dumps(data), source_name)
    target_url = resolve_db_url(target_location)
    path = sqlite_path(target_url)
    if path is None:
        name, report = _copy_to_server(target_location, data, parsed)
    else:
        name, report = _copy_to_file(path, data, parsed)
    return CopyReport(
        source=source_name,
        target=name,
        factsheets=report.factsheets,
        recommendations=report.recommendations,
        history=report.history,
    )


def _copy_to_server(
    location: str, data: dict[str, Any], parsed: Any
) -> tuple[str, JsonImportReport]:
    """Copy and check in one transaction of the server's; committed only when both agree."""
    target = open_database(location, backup=False)
    try:
        _refuse_unless_empty(target)
        name = target.location
        with target.engine.connect() as conn:
            outer = conn.begin()
            try:
                if target.url.get_backend_name() == "postgresql":
                    # The history keeps its signatures (honoured for the owner only).
                    conn.execute(text(f"SET LOCAL {COPYING_SETTING} = 'on'"))
                inside = Database(
                    target.url,
                    target.engine,
                    sessionmaker(
                        bind=conn, expire_on_commit=False, join_transaction_mode="create_savepoint"
                    ),
                )
                report = import_assessment(inside, parsed)
                _check_same(data, export_json(inside), name)
            except BaseException:
                outer.rollback()
                raise
            outer.commit()
        return name, report
    finally:
        target.close()


def _copy_to_file(path: Path, data: dict[str, Any], parsed: Any) -> tuple[str, JsonImportReport]:
    """Write a temporary file beside ``path``, check it, then move it into place."""
    if path.exists() and path.stat().st_size > 0:
        existing = open_database(path, backup=False, create=False)
        try:
            _refuse_unless_empty(existing)
        finally:
            existing.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".copy", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    temporary.unlink()  # opened as a new database
    try:
        copy = open_database(temporary, backup=False)
        try:
            report = import_assessment(copy, parsed)
            _check_same(data, export_json(copy), str(path))
        finally:
            copy.close()
        os.replace(temporary, path)
    finally:
        for leftover in (temporary, *(Path(f"{temporary}{s}") for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
    return str(path), report
