"""Cancel during long work: each job stops at a check with nothing written and no file left."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from assessor.db import backup as db_backup
from assessor.db.engine import Database, open_database
from assessor.exporters.assessment_xlsx import export_assessment_xlsx
from assessor.exporters.json_export import write_json
from assessor.exporters.overview_xlsx import export_overview_xlsx
from assessor.exporters.package import write_package
from assessor.exporters.pdf_summary import write_pdf_summary
from assessor.exporters.questionnaire import export_questionnaire
from assessor.importers.package_file import read_package
from assessor.services import assessments as svc
from assessor.services import backups
from assessor.services.cancel import Cancel, Cancelled
from assessor.services.imports import prepare_import, write_import, write_imports
from assessor.services.json_import import import_json_file
from assessor.services.merge import apply_merge, prepare_merge
from assessor.services.questionnaires import apply_questionnaire, preview_questionnaire
from tests.questionnaire_helpers import FACTSHEET, FOLLOW_UP, THEMES, dump, fill, real_database


class CancelAfter(Cancel):
    """A token that asks to stop when it has been checked ``n`` times (Cancel pressed then)."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.left = n
        self.checks = 0

    def check(self) -> None:
        self.checks += 1
        self.left -= 1
        if self.left <= 0:
            self.request()
        super().check()


class Counting(Cancel):
    """A token never set, counting how often the work checks it."""

    def __init__(self) -> None:
        super().__init__()
        self.checks = 0

    def check(self) -> None:
        self.checks += 1
        super().check()


@pytest.fixture
def albania(tmp_path: Path) -> Iterator[Database]:
    """The seed factsheet of Albania and its themes, in a database file."""
    db = real_database(tmp_path / "albania.sqlite")
    yield db
    db.close()


def _left_in(folder: Path, name: str) -> list[str]:
    """Files in ``folder`` whose name mentions ``name`` (the export or its temporary file)."""
    return sorted(p.name for p in folder.iterdir() if name in p.name)


EXPORTS: dict[str, Callable[[Database, Path, Cancel], Any]] = {
    "assessment.xlsx": lambda db, out, c: export_assessment_xlsx(db, out, "Albania", cancel=c),
    "overview.xlsx": lambda db, out, c: export_overview_xlsx(db, out, cancel=c),
    "questionnaire.xlsx": lambda db, out, c: export_questionnaire(db, out, "Albania", cancel=c),
    "export.json": lambda db, out, c: write_json(db, out, c),
    "package.assessor": lambda db, out, c: write_package(db, out, by="Ann", cancel=c),
    "summary.pdf": lambda db, out, c: write_pdf_summary(db, out, scope="all", cancel=c),
}


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_a_cancelled_export_leaves_no_file(albania: Database, tmp_path: Path, name: str) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    counted = Counting()
    EXPORTS[name](albania, tmp_path / name, counted)
    assert counted.checks >= 2  # checked as it goes, not once at the start
    for n in sorted({1, 2, counted.checks // 2, counted.checks}):
        target = out_dir / name
        streamed = [p for p in ALL_TEMP_FILES if Path(p).exists()]
        with pytest.raises(Cancelled):
            EXPORTS[name](albania, target, CancelAfter(n))
        assert not _left_in(out_dir, name), f"stopped at check {n}"
        # Nor the rows a write-only sheet streamed to the temporary folder.
        assert [p for p in ALL_TEMP_FILES if Path(p).exists()] == streamed


@pytest.mark.parametrize("name", ["assessment.xlsx", "export.json"])
def test_a_cancelled_export_keeps_the_file_it_would_replace(
    albania: Database, tmp_path: Path, name: str
) -> None:
    target = tmp_path / name
    target.write_bytes(b"yesterday's export")
    with pytest.raises(Cancelled):
        EXPORTS[name](albania, target, CancelAfter(3))
    assert target.read_bytes() == b"yesterday's export"
    assert _left_in(tmp_path, name) == [name]


def test_the_rows_are_checked_one_by_one(albania: Database, tmp_path: Path) -> None:
    counted = Counting()
    rows = export_assessment_xlsx(albania, tmp_path / "a.xlsx", "Albania", cancel=counted)
    assert counted.checks > rows


def test_a_cancelled_import_writes_nothing(db: Database) -> None:
    prepared = prepare_import(FACTSHEET)
    counted = Counting()
    with db.transaction():
        pass
    before = dump(db)
    for n in (1, 2, 5, 20):
        with pytest.raises(Cancelled):
            write_import(db, prepared, CancelAfter(n))
        assert dump(db) == before, f"stopped at check {n}"
    write_import(db, prepared, counted)  # the same import, not cancelled, writes
    assert counted.checks > 20 and dump(db) != before


def test_cancel_during_the_second_file_keeps_the_first(db: Database) -> None:
    first, second = prepare_import(FACTSHEET), prepare_import(THEMES)
    counted = Counting()
    write_import(db, first, counted)  # how many checks the first file takes
    db2_reports = write_imports(db, [first, second], CancelAfter(counted.checks + 1))
    assert [r.kind for r in db2_reports.reports] == ["factsheet"]
    with pytest.raises(Cancelled):
        write_imports(db, [first, second], CancelAfter(1))


def test_a_cancelled_questionnaire_import_writes_nothing(albania: Database, tmp_path: Path) -> None:
    blank = tmp_path / "blank.xlsx"
    export_questionnaire(albania, blank, "Albania")
    filled = fill(
        blank,
        tmp_path / "filled.xlsx",
        {f"{FOLLOW_UP}:II-6": "The law now covers it.", f"{FOLLOW_UP}:IV-4": "Done."},
    )
    with pytest.raises(Cancelled):
        preview_questionnaire(albania, filled, cancel=CancelAfter(1))
    preview = preview_questionnaire(albania, filled)
    before = dump(albania)
    for n in (1, 2, 3):
        with pytest.raises(Cancelled):
            apply_questionnaire(albania, preview, cancel=CancelAfter(n))
        assert dump(albania) == before, f"stopped at check {n}"
    report = apply_questionnaire(albania, preview, cancel=Counting())
    assert report.applied == 2 and dump(albania) != before


def test_a_cancelled_merge_writes_nothing(tmp_path: Path) -> None:
    ann = real_database(tmp_path / "ann.sqlite")
    write_json(ann, tmp_path / "base.json")
    bob = open_database(tmp_path / "bob.sqlite")
    try:
        import_json_file(bob, tmp_path / "base.json")
        svc.rate_by_code(ann, "II-6", "partly", comment="Ann's view.", by="Ann")
        svc.rate_by_code(ann, "IV-4", "not_implemented", by="Ann")
        write_package(ann, tmp_path / "ann.assessor", by="Ann")
        plan = prepare_merge(bob, read_package(tmp_path / "ann.assessor"))
        before = dump(bob)
        for n in (1, 2, 3):
            with pytest.raises(Cancelled):
                apply_merge(bob, plan, cancel=CancelAfter(n))
            assert dump(bob) == before, f"stopped at check {n}"
        assert apply_merge(bob, plan, cancel=Counting()).applied == len(plan.differences)
    finally:
        ann.close()
        bob.close()


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Copy one page per step, so that even the small seed database takes many steps."""
    monkeypatch.setattr(db_backup, "STEP_PAGES", 1)


def test_a_cancelled_backup_leaves_no_file(albania: Database, small_steps: None) -> None:
    assert albania.path is not None
    folder = db_backup.backup_dir(albania.path)
    existing = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    for n in (1, 2, 10):
        with pytest.raises(Cancelled):
            backups.backup_now(albania, cancel=CancelAfter(n))
        assert sorted(p.name for p in folder.iterdir()) == existing, f"stopped at check {n}"
    counted = Counting()
    made = backups.backup_now(albania, cancel=counted)
    assert counted.checks > 10 and made.path.exists()


def test_a_cancelled_restore_leaves_the_database_as_it_was(
    albania: Database, small_steps: None
) -> None:
    made = backups.backup_now(albania)
    svc.rate_by_code(albania, "II-6", "partly", comment="After the backup.", by="Ann")
    now = dump(albania)
    # The safety backup takes its checks first; stop at some of them and in the copy back.
    counted = Counting()
    backups.backup_now(albania, cancel=counted)
    for n in (1, counted.checks + 2, counted.checks + 20):
        with pytest.raises(Cancelled):
            backups.restore_backup(albania, made.id, CancelAfter(n))
        assert dump(albania) == now, f"stopped at check {n}"
    backups.restore_backup(albania, made.id, Counting())
    assert dump(albania) != now
