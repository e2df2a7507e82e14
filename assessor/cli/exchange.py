"""Handing work over: ``export package``, ``merge``, and ``import FILE.json`` into an empty file."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections import Counter
from pathlib import Path

from assessor.cli.common import EXIT_ROWS_REJECTED, Failure, open_db
from assessor.domain.merge import Kind, MergePlan
from assessor.importers.package_file import ParsedPackage
from assessor.settings import assessor_name
from assessor.wording import plural

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
    from assessor.importers.package_file import PassphraseNeeded, read_package
    from assessor.services.merge import apply_merge, prepare_merge

    source: ParsedPackage | Path = Path(args.source)
    if not is_sqlite(args.source):
        try:
            source = read_package(args.source, _package_passphrase(False, twice=False))
        except PassphraseNeeded:
            source = read_package(args.source, _package_passphrase(True, twice=False))
    db = open_db(args, create=False)
    try:
        plan = prepare_merge(db, source)
        print(_describe(plan))
        if args.dry_run:
            print("Nothing was merged (--dry-run).")
            return EXIT_ROWS_REJECTED if plan.conflicts and not args.prefer else 0
        if plan.conflicts and not args.prefer:
            print(
                f"{plural(len(plan.conflicts), 'conflict')} need a choice: keep yours or take "
                "theirs for all with --prefer mine|theirs, or settle them by hand and merge "
                "again. Nothing was merged.",
                file=sys.stderr,
            )
            return EXIT_ROWS_REJECTED
        result = apply_merge(db, plan, prefer=args.prefer, by=assessor_name())
    finally:
        db.close()
    print(f"Merged {plural(result.applied, 'change')} from {plan.source}.")
    return 0


def is_sqlite(path: str) -> bool:
    """True when the file is a SQLite database (another rapporteur's whole database)."""
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _describe(plan: MergePlan) -> str:
    """The merge's sorting in words: per kind and subject, the conflicts listed, agreement."""
    lines = [f"Merging {plan.source}:"]
    for fs in plan.factsheets:
        offer = " — their factsheet is newer: import it to take it" if fs.reimport_offered else ""
        matched = plural(fs.matched, "recommendation")
        lines.append(f"  {fs.party}, {fs.round}: {matched} matched{offer}")
    words = {Kind.ONLY_THEIRS: "to take (only theirs changed)", Kind.ONLY_MINE: "kept (only mine)"}
    for kind, label in words.items():
        counts = Counter(d.subject for d in plan.of_kind(kind))
        if counts:
            listed = ", ".join(f"{n} {SUBJECTS.get(s, s)}" for s, n in counts.items())
            lines.append(f"  {label}: {listed}")
    same = sum(n for _, n in plan.same)
    lines.append(f"  the same on both sides: {same}")
    if plan.conflicts:
        lines.append(f"  conflicts ({len(plan.conflicts)}): both changed")
        for d in plan.conflicts:
            lines.append(
                f"    {d.party} {d.label} {SUBJECTS.get(d.subject, d.subject)}: mine "
                f"“{_short(d.mine.value)}” ({d.mine.by or '?'}, {d.mine.at or '?'}) / theirs "
                f"“{_short(d.theirs.value)}” ({d.theirs.by or '?'}, {d.theirs.at or '?'})"
            )
    a = plan.agreement
    if a.count and a.percent is not None:
        kappa = "undefined" if a.kappa is None else f"{a.kappa:.2f}"
        lines.append(
            f"  agreement on the {plural(a.count, 'rating')} both gave: {a.percent:.0f} % "
            f"(Cohen's kappa {kappa})"
        )
    return "\n".join(lines)


def _short(value: str | None, n: int = 60) -> str:
    text = " ".join((value or "—").split())
    return text if len(text) <= n else text[: n - 1] + "…"
