"""Time a merge of two assessments of about 10,000 recommendations with 1,000 conflicts.

Mine is the big database of ``make_big_db.py``; theirs is a copy in which:

- **1,000 conflicts**: the rating of 1,000 recommendations is changed on both sides (to two
  different levels); their comments are left alone, so each is one conflict, not two;
- **500 recommendations only theirs**: unassessed on both sides before, rated and commented in
  theirs only (1,000 values taken).

The edits are written with SQL, without history entries, so the merge cannot tell which side
changed a value both have: a recommendation rated before and changed on one side only would be
a conflict too ("no base to tell"). That is why the first version of this bench, which changed
rating *and* comment of 1,000 recommendations and rated 500 others whatever they had, made
2,152 conflicts. The script checks that the plan has exactly 1,000 conflicts and 2,000
differences.

Times, each of ``RUNS`` runs on a fresh copy of mine: reading the package, preparing the plan
(from the package and from the database file) and applying it (all theirs).

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
RUNS = 3


def edit(path: Path, ids: list[int], rating: str, comment: str | None = None) -> None:
    """Set the rating (and the comment, unless None) of these recommendations (creating their
    assessments)."""
    db = open_database(path, backup=False)
    values = {"rating": rating, "updated_by": "bench"}
    if comment is not None:
        values["comment"] = comment
    with db.transaction() as s:
        have = set(s.scalars(select(Assessment.recommendation_id)))
        s.execute(update(Assessment).where(Assessment.recommendation_id.in_(ids)).values(values))
        s.add_all(Assessment(recommendation_id=i, **values) for i in ids if i not in have)
    db.close()


def ranged(values: list[float]) -> str:
    """The range of the figures ("0.61–0.66 s"), or one figure."""
    low, high = min(values), max(values)
    return f"{low:.2f} s" if f"{low:.2f}" == f"{high:.2f}" else f"{low:.2f}–{high:.2f} s"


def main() -> None:
    """Build both databases, then time each step."""
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/assessor-merge-bench")
    folder.mkdir(parents=True, exist_ok=True)
    pristine, theirs = folder / "mine-pristine.sqlite", folder / "theirs.sqlite"
    count = build(pristine)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{theirs}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(pristine, theirs)
    db = open_database(pristine, backup=False)
    with db.reading() as s:
        ids = list(s.scalars(select(Recommendation.id)))
        assessed = set(s.scalars(select(Assessment.recommendation_id)))
    db.close()
    rng = random.Random(3)
    conflicting = rng.sample(ids, CONFLICTS)
    fresh = sorted(set(ids) - assessed - set(conflicting))
    only_theirs = rng.sample(fresh, ONLY_THEIRS)
    edit(pristine, conflicting, "implemented")
    edit(theirs, conflicting, "not_implemented")
    edit(theirs, only_theirs, "partly", "Theirs only.")
    other = open_database(theirs, backup=False)
    start = time.perf_counter()
    write_package(other, folder / "theirs.assessor", by="Ann")
    written = time.perf_counter() - start
    other.close()
    times: dict[str, list[float]] = {"read": [], "pkg": [], "file": [], "apply": []}
    for _ in range(RUNS):
        mine = folder / "mine.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{mine}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(pristine, mine)
        db = open_database(mine, backup=False)
        start = time.perf_counter()
        package = read_package(folder / "theirs.assessor")
        times["read"].append(time.perf_counter() - start)
        start = time.perf_counter()
        plan = prepare_merge(db, package)
        times["pkg"].append(time.perf_counter() - start)
        start = time.perf_counter()
        from_file = prepare_merge(db, theirs)
        times["file"].append(time.perf_counter() - start)
        start = time.perf_counter()
        result = apply_merge(db, plan, prefer="theirs", by="bench")
        times["apply"].append(time.perf_counter() - start)
        db.close()
        conflicts, differences = len(plan.conflicts), len(plan.differences)
        if (conflicts, differences) != (CONFLICTS, CONFLICTS + 2 * ONLY_THEIRS):
            sys.exit(f"The plan has {conflicts} conflicts and {differences} differences, "
                     f"not {CONFLICTS} and {CONFLICTS + 2 * ONLY_THEIRS}.")  # fmt: skip
        same = from_file.differences == plan.differences and from_file.same == plan.same
    print(f"{count} recommendations; {conflicts} conflicts (ratings of {CONFLICTS} "
          f"recommendations), {differences} differences; applied {result.applied}; "
          f"{RUNS} runs")  # fmt: skip
    print(f"write package   {written:6.2f} s")
    print(f"read package    {ranged(times['read'])}")
    print(f"prepare (pkg)   {ranged(times['pkg'])}   (aim < 2 s)")
    print(f"prepare (file)  {ranged(times['file'])}   (aim < 2 s; "
          f"the same plan as the package's: {same})")  # fmt: skip
    print(f"apply           {ranged(times['apply'])}   (aim < 3 s)")


if __name__ == "__main__":
    main()
