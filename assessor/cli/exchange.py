"""Handing work over: ``export package``, ``merge``, and ``import FILE.json`` into an empty file."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assessor.cli.common import EXIT_ROWS_REJECTED, Failure, open_db
from assessor.domain.merge import Difference, Kind, MergePlan, Side, value_in_words
from assessor.domain.scales import NOT_RATED_LABEL
from assessor.domain.scope import snippet
from assessor.importers.package_file import ParsedPackage
from assessor.settings import assessor_name
from assessor.wording import local_when, plural

if TYPE_CHECKING:
    from assessor.services.opening import Handle as Database

#: The passphrase of a package, for scripts (a person is asked at the terminal).
ENV_PACKAGE_PASSPHRASE = "ASSESSOR_PACKAGE_PASSPHRASE"
SUBJECTS = {
    "rating": "rating",
    "comment": "comment",
    "status": "status",
    "follow_up": "follow-up",
    "theme_item": "themed recommendation",
}


def is_json_export(path: str) -> bool:
    """True when the file is an assessor-json export (told by its first bytes, not its name)."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return head.lstrip()[:1] == b"{" and b"assessor-json" in head


def _package_passphrase(asked: bool, twice: bool) -> str | None:
    """The package passphrase: from the environment, else asked at a terminal if wanted."""
    given = os.environ.get(ENV_PACKAGE_PASSPHRASE)
    if given:
        return given
    if not asked:
        return None
    if not sys.stdin.isatty():
        raise Failure(f"a passphrase is needed; set ${ENV_PACKAGE_PASSPHRASE} in a script.")
    first = getpass.getpass("Passphrase of the package: ")
    if twice and getpass.getpass("The same passphrase again: ") != first:
        raise Failure("the two passphrases differ; nothing was written.")
    if not first:
        raise Failure("an empty passphrase protects nothing; nothing was written.")
    return first


def cmd_import_json(args: argparse.Namespace) -> int:
    """Import a whole assessor-json export into an empty database."""
    from assessor.services.json_import import import_json_file

    db = open_db(args, create=True)
    try:
        report = import_json_file(db, args.file)
    finally:
        db.close()
    print(
        f"Imported {plural(report.factsheets, 'factsheet')} with "
        f"{plural(report.recommendations, 'recommendation')} from {Path(args.file).name}."
    )
    return 0


def cmd_export_package(args: argparse.Namespace) -> int:
    """Write an assessment package (.assessor) to hand the work to a colleague."""
    from assessor.exporters.package import write_package

    db = open_db(args, create=False, write=False)
    try:
        passphrase = _package_passphrase(args.encrypt or db.encrypted, twice=True)
        manifest = write_package(
            db, args.output, party=args.party, passphrase=passphrase, by=assessor_name()
        )
    finally:
        db.close()
    sealed = " (encrypted with a passphrase)" if passphrase else ""
    what = f"the assessment of {args.party}" if args.party else "the assessment"
    print(f"Wrote {what} to {args.output}{sealed}; by {manifest.get('by') or 'unnamed'}.")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    """Merge a colleague's package or database file into this database."""
    from assessor.services.merge import apply_merge, prepare_merge

    source = merge_source(args.source)
    db = open_db(args, create=False)
    try:
        plan = prepare_merge(db, source)
        print(_describe(plan, rating_labels(db, plan)))
        if args.dry_run:
            print("Nothing was merged (--dry-run).")
            return EXIT_ROWS_REJECTED if plan.conflicts and not args.prefer else 0
        if plan.conflicts and not args.prefer:
            n = len(plan.conflicts)
            print(
                f"{plural(n, 'conflict')} {'needs' if n == 1 else 'need'} a choice: keep yours "
                "or take theirs for all with --prefer mine|theirs, or settle them by hand and "
                "merge again. Nothing was merged.",
                file=sys.stderr,
            )
            return EXIT_ROWS_REJECTED
        result = apply_merge(db, plan, prefer=args.prefer, by=assessor_name())
    finally:
        db.close()
    print(f"Merged {plural(result.applied, 'change')} from {plan.source}.")
    return 0


def merge_source(path: str) -> ParsedPackage | Path:
    """A colleague's work to compare with: a package read (asking its passphrase if needed),
    or the path of their database file."""
    from assessor.importers.package_file import PassphraseNeeded, read_package
    from assessor.services.merge import is_package

    if not is_package(path):  # another database file, plain or encrypted
        return Path(path)
    try:
        return read_package(path, _package_passphrase(False, twice=False))
    except PassphraseNeeded:
        return read_package(path, _package_passphrase(True, twice=False))


def rating_labels(db: Database, plan: MergePlan) -> dict[str, str]:
    """The labels of the rating levels of the factsheets merged into, by key."""
    from assessor.services import browsing

    return {
        lv.key: lv.label for fs in plan.factsheets for lv in browsing.levels(db, fs.factsheet_id)
    }


#: The order subjects are counted and listed in.
ORDER = ("rating", "comment", "status", "follow_up", "theme_item")
#: How many differences taken are listed one by one before "and N more".
LISTED = 20


def _counts(differences: Sequence[Difference]) -> str:
    """How many of each subject, in a fixed order: "3 ratings, 1 comment"."""
    counts = Counter(d.subject for d in differences)
    order = [*ORDER, *sorted(set(counts) - set(ORDER))]
    return ", ".join(_noun(counts[s], s) for s in order if counts[s])


def _noun(count: int, subject: str) -> str:
    if subject == "status":
        return plural(count, "status", "statuses")
    return plural(count, SUBJECTS.get(subject, subject))


def _shown(d: Difference, side: Side, labels: Mapping[str, str]) -> str:
    """A side's value in words; a text quoted and cut short."""
    words = value_in_words(d, side, labels, NOT_RATED_LABEL)
    quoted = side.value and d.subject not in ("rating", "status")
    return f"“{snippet(words, 60)}”" if quoted else words


def _signed(side: Side) -> str:
    return f"{side.by or '?'}, {local_when(side.at)}"


def _describe(plan: MergePlan, labels: Mapping[str, str] | None = None) -> str:
    """The merge's sorting in words, as a rapporteur reads it: what matched, what will be taken
    (listed), what is kept, how much is the same, the conflicts with both sides, the agreement.

    ``labels``: the rating levels' labels by key (the round's scale), for showing ratings.
    """
    labels = labels or {}
    several = len({fs.party for fs in plan.factsheets}) > 1
    written = f" (written {local_when(plan.written_at)})" if plan.written_at else ""
    lines = [f"Merging {plan.source}{written}:"]
    for fs in plan.factsheets:
        offer = " — their factsheet is newer: import it to take it" if fs.reimport_offered else ""
        matched = plural(fs.matched, "recommendation")
        round_title = fs.round.split(":", 1)[0].strip() or fs.round  # "2nd monitoring round"
        lines.append(f"  {fs.party}, {round_title}: {matched} matched{offer}")
        if fs.unmatched:
            lines.append(
                f"    {plural(len(fs.unmatched), 'code')} of theirs match none of yours (not "
                f"merged): {', '.join(fs.unmatched[:LISTED])}"
                + (f" and {len(fs.unmatched) - LISTED} more" if len(fs.unmatched) > LISTED else "")
            )

    def where(d: Difference) -> str:
        return f"{d.party} {d.label}" if several else d.label

    rank = {s: n for n, s in enumerate(ORDER)}
    taken = sorted(plan.of_kind(Kind.ONLY_THEIRS), key=lambda d: rank.get(d.subject, len(rank)))
    if taken:
        lines.append(f"  to take (only theirs changed): {_counts(taken)}")
        for d in taken[:LISTED]:
            lines.append(
                f"    {where(d)} {SUBJECTS.get(d.subject, d.subject)}: "
                f"{_shown(d, d.theirs, labels)} ({_signed(d.theirs)})"
            )
        if len(taken) > LISTED:
            lines.append(f"    and {len(taken) - LISTED} more")
    kept = plan.of_kind(Kind.ONLY_MINE)
    if kept:
        lines.append(f"  kept (only mine changed): {_counts(kept)}")
    same = sum(n for _, n in plan.same)
    lines.append(f"  the same on both sides: {plural(same, 'value')}")
    if plan.conflicts:
        lines.append(
            f"  {plural(len(plan.conflicts), 'conflict')} (both changed): {_counts(plan.conflicts)}"
        )
        for d in plan.conflicts:
            lines.append(
                f"    {d.party} {d.label} {SUBJECTS.get(d.subject, d.subject)}: mine "
                f"{_shown(d, d.mine, labels)} ({_signed(d.mine)}) / theirs "
                f"{_shown(d, d.theirs, labels)} ({_signed(d.theirs)})"
            )
    a = plan.agreement
    if a.count and a.percent is not None:
        kappa = "undefined" if a.kappa is None else f"{a.kappa:.2f}"
        lines.append(
            f"  agreement on the {plural(a.count, 'rating')} both gave: {a.percent:.0f} % "
            f"(Cohen's kappa {kappa})"
        )
    return "\n".join(lines)
