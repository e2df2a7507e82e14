"""Time a merge of two assessments of about 10,000 recommendations with 1,000 conflicts.

Mine is the big database of ``make_big_db.py``; theirs is a copy in which 1,000 ratings and
comments are changed on both sides (conflicts) and 500 only on theirs. Times preparing (from a
package and from the database file) and applying (all theirs).

    .venv/bin/python bench/merge_bench.py [FOLDER]     (default: /tmp/assessor-merge-bench)
"""

from __future__ import annotations

import random
import shutil
import sys
import time
from pathlib import Path

from sqlalchemy import select, update

from assessor.db.engine import open_database
from assessor.db.models import Assessment, Recommendation
from assessor.exporters.package import write_package
from assessor.importers.package_file import read_package
from assessor.services.merge import apply_merge, prepare_merge

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_big_db import build

CONFLICTS, ONLY_THEIRS = 1000, 500


def edit(path: Path, ids: list[int], rating: str, comment: str) -> None:
    """Set the rating and comment of these recommendations (creating their assessments)."""
    db = open_database(path, backup=False)
    with db.transaction() as s:
        have = set(s.scalars(select(Assessment.recommendation_id)))
        s.execute(update(Assessment).where(Assessment.recommendation_id.in_(ids)).values(
            rating=rating, comment=comment, updated_by="bench"))  # fmt: skip
        s.add_all(
            Assessment(recommendation_id=i, rating=rating, comment=comment, updated_by="bench")
            for i in ids
            if i not in have
        )
    db.close()


def main() -> None:
    """Build both databases, then time each step."""
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/assessor-merge-bench")
    folder.mkdir(parents=True, exist_ok=True)
    mine, theirs = folder / "mine.sqlite", folder / "theirs.sqlite"
    count = build(mine)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{theirs}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(mine, theirs)
    db = open_database(mine, backup=False)
    with db.reading() as s:
        ids = list(s.scalars(select(Recommendation.id)))
    db.close()
    rng = random.Random(3)
    picked = rng.sample(ids, CONFLICTS + ONLY_THEIRS)
    edit(mine, picked[:CONFLICTS], "implemented", "Mine.")
    edit(theirs, picked[:CONFLICTS], "not_implemented", "Theirs.")
    edit(theirs, picked[CONFLICTS:], "partly", "")
    other = open_database(theirs, backup=False)
    start = time.perf_counter()
    write_package(other, folder / "theirs.assessor", by="Ann")
    written = time.perf_counter() - start
    other.close()
    db = open_database(mine, backup=False)
    start = time.perf_counter()
    package = read_package(folder / "theirs.assessor")
    read = time.perf_counter() - start
    start = time.perf_counter()
    plan = prepare_merge(db, package)
    prepared = time.perf_counter() - start
    start = time.perf_counter()
    from_file = prepare_merge(db, theirs)
    prepared_file = time.perf_counter() - start
    start = time.perf_counter()
    result = apply_merge(db, plan, prefer="theirs", by="bench")
    applied = time.perf_counter() - start
    db.close()
    print(f"{count} recommendations; {len(plan.conflicts)} conflicts, "
          f"{len(plan.differences)} differences; applied {result.applied}")  # fmt: skip
    print(f"write package   {written:6.2f} s")
    print(f"read package    {read:6.2f} s")
    print(f"prepare (pkg)   {prepared:6.2f} s   (aim < 2 s; with reading: {read + prepared:.2f} s)")
    same = from_file.differences == plan.differences and from_file.same == plan.same
    conflicts = len(from_file.conflicts)
    print(f"prepare (file)  {prepared_file:6.2f} s   (aim < 2 s; {conflicts} conflicts; "
          f"the same plan as the package's: {same})")  # fmt: skip
    print(f"apply           {applied:6.2f} s   (aim < 3 s)")


if __name__ == "__main__":
    main()
