"""Importing files: detect the kind, parse (pure), then write everything in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assessor.db.engine import Database
from assessor.services.cancel import Cancel, Cancelled, check
from assessor.services.changes import NOTHING, Changes
from assessor.services.factsheet_writing import FACTSHEET_SOURCE, write_factsheet
from assessor.services.import_preparing import KINDS, PreparedImport, detect_kind, prepare_import
from assessor.services.import_report import ImportReport
from assessor.services.theme_writing import target_factsheet, write_themes

__all__ = [
    "FACTSHEET_SOURCE",
    "KINDS",
    "ImportBatch",
    "ImportReport",
    "PreparedImport",
    "detect_kind",
    "import_file",
    "prepare_import",
    "target_factsheet",
    "write_factsheet",
    "write_import",
    "write_imports",
    "write_themes",
]


def write_import(
    db: Database, prepared: PreparedImport, cancel: Cancel | None = None
) -> ImportReport:
    """Write a prepared import in one transaction.

    ``cancel`` is checked before, during (per section) and once more before the commit: a
    cancelled import writes nothing (``Cancelled``; the transaction rolls back).
    """
    check(cancel)
    with db.transaction() as session:
        if prepared.factsheet is not None:
            report = write_factsheet(
                session, prepared.factsheet, prepared.source, prepared.scale, cancel
            )
        else:
            assert prepared.themes is not None
            report = write_themes(session, prepared.themes, prepared.source, prepared.party)
        check(cancel)  # the last moment to stop: nothing is committed yet
        return report


def import_file(
    db: Database,
    path: str | Path,
    kind: str | None = None,
    party: str | None = None,
    scale: str | None = None,
) -> ImportReport:
    """Import a factsheet or a themed-recommendations file; nothing is written if it fails."""
    return write_import(db, prepare_import(path, kind, party, scale))


@dataclass(frozen=True)
class ImportBatch:
    """The files one import wrote, each in its own transaction, and what they changed."""

    reports: tuple[ImportReport, ...]
    changes: Changes


def write_imports(
    db: Database, prepared: Sequence[PreparedImport], cancel: Cancel | None = None
) -> ImportBatch:
    """Write prepared files one transaction each; Cancel rolls back the file being written and
    stops (during the first: ``Cancelled``, nothing written; later, the files done are kept)."""
    reports: list[ImportReport] = []
    for item in prepared:
        try:
            reports.append(write_import(db, item, cancel))
        except Cancelled:
            if not reports:
                raise
            break
    changes = NOTHING
    for report in reports:
        changes = changes.merge(report.changes)
    return ImportBatch(tuple(reports), changes)
