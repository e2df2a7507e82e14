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
from assessor.domain.scales import NOT_RATED_LABELS, level_label
from assessor.domain.scope import snippet
from assessor.i18n import _, current_language, ngettext, words
from assessor.importers.package_file import ParsedPackage
from assessor.settings import assessor_name
from assessor.wording import local_when

if TYPE_CHECKING:
    from assessor.services.opening import Handle as Database

#: The passphrase of a package, for scripts (a person is asked at the terminal).
ENV_PACKAGE_PASSPHRASE = "ASSESSOR_PACKAGE_PASSPHRASE"


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
        if twice:
            _check_new_passphrase(given)
        return given
    if not asked:
        return None
    if not sys.stdin.isatty():
        raise Failure(
            _("a passphrase is needed; set ${env} in a script.").format(env=ENV_PACKAGE_PASSPHRASE)
        )
    first = getpass.getpass(_("Passphrase of the package: "))
    if not first:
        raise Failure(_("an empty passphrase protects nothing; nothing was written."))
    if twice:
        _check_new_passphrase(first)  # before it is typed again
        if getpass.getpass(_("The same passphrase again: ")) != first:
            raise Failure(_("the two passphrases differ; nothing was written."))
    return first


def _check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to seal a new package (reading takes any)."""
    from assessor.services.package_rules import passphrase_too_short

    refused = passphrase_too_short(passphrase)
    if refused:
        raise Failure(refused)


def cmd_import_json(args: argparse.Namespace) -> int:
    """Import a whole assessor-json export into an empty database."""
    from assessor.services.json_import import import_json_file

    db = open_db(args, create=True)
    try:
        report = import_json_file(db, args.file)
    finally:
        db.close()
    print(
        _("Imported {factsheets} with {recommendations} from {file}.").format(
            factsheets=ngettext("{n} factsheet", "{n} factsheets", report.factsheets).format(
                n=report.factsheets
            ),
            recommendations=ngettext(
                "{n} recommendation", "{n} recommendations", report.recommendations
            ).format(n=report.recommendations),
            file=Path(args.file).name,
        )
    )
    return 0


def cmd_export_package(args: argparse.Namespace) -> int:
    """Write an assessment package (.assessor) to hand the work to a colleague."""
    from assessor.exporters.package import write_package

    if Path(args.output).exists() and not getattr(args, "force", False):
        raise Failure(
            _("{file} exists already; give another name, or --force to replace it.").format(
                file=args.output
            )
        )
    db = open_db(args, create=False, write=False)
    try:
        passphrase = _package_passphrase(args.encrypt or db.encrypted, twice=True)
        manifest = write_package(
            db, args.output, party=args.party, passphrase=passphrase, by=assessor_name()
        )
    finally:
        db.close()
    by = manifest.get("by") or _("unnamed")
    if args.party and passphrase:
        text = _(
            "Wrote the assessment of {party} to {file} (encrypted with a passphrase); by {by}."
        )
    elif args.party:
        text = _("Wrote the assessment of {party} to {file}; by {by}.")
    elif passphrase:
        text = _("Wrote the assessment to {file} (encrypted with a passphrase); by {by}.")
    else:
        text = _("Wrote the assessment to {file}; by {by}.")
    print(text.format(party=args.party, file=args.output, by=by))
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
            print(_("Nothing was merged (--dry-run)."))
            return EXIT_ROWS_REJECTED if plan.conflicts and not args.prefer else 0
        if plan.conflicts and not args.prefer:
            n = len(plan.conflicts)
            print(
                ngettext(
                    "{n} conflict needs a choice: keep yours or take theirs for all with "
                    "--prefer mine|theirs, or settle them by hand and merge again. Nothing was "
                    "merged.",
                    "{n} conflicts need a choice: keep yours or take theirs for all with "
                    "--prefer mine|theirs, or settle them by hand and merge again. Nothing was "
                    "merged.",
                    n,
                ).format(n=n),
                file=sys.stderr,
            )
            return EXIT_ROWS_REJECTED
        result = apply_merge(db, plan, prefer=args.prefer, by=assessor_name())
    finally:
        db.close()
    print(
        ngettext(
            "Merged {n} change from {source}.", "Merged {n} changes from {source}.", result.applied
        ).format(n=result.applied, source=source_words(plan))
    )
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

    lang = current_language()
    return {
        lv.key: level_label(lv, lang)
        for fs in plan.factsheets
        for lv in browsing.levels(db, fs.factsheet_id)
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
    """A count of one subject: "3 ratings", "1 status"."""
    if subject == "rating":
        return ngettext("{n} rating", "{n} ratings", count).format(n=count)
    if subject == "comment":
        return ngettext("{n} comment", "{n} comments", count).format(n=count)
    if subject == "status":
        return ngettext("{n} status", "{n} statuses", count).format(n=count)
    if subject == "follow_up":
        return ngettext("{n} follow-up", "{n} follow-ups", count).format(n=count)
    if subject == "theme_item":
        return ngettext("{n} themed recommendation", "{n} themed recommendations", count).format(
            n=count
        )
    return f"{count} {subject}"


def _subject(subject: str) -> str:
    """A subject's name in the user's language."""
    from assessor.services.merge_apply import SUBJECTS

    return _(SUBJECTS[subject]) if subject in SUBJECTS else subject


def _shown(d: Difference, side: Side, labels: Mapping[str, str]) -> str:
    """A side's value in words; a text quoted and cut short."""
    words = value_in_words(d, side, labels, NOT_RATED_LABELS[current_language()])
    quoted = side.value and d.subject not in ("rating", "status") and not d.state_only
    return _("“{text}”").format(text=snippet(words, 60)) if quoted else words


def source_words(plan: MergePlan) -> str:
    """Where their work comes from, in the user's language ("Ann's package of 2026-05-01").

    ``plan.source`` says it in English, as the history records it; the services give it in
    the user's language too (``plan.source_shown``).
    """
    if plan.source_shown:
        return plan.source_shown
    day = (plan.written_at or "?")[:10]
    if plan.source.startswith("the database "):
        return _("the database {name} of {day}").format(name=plan.their_name, day=day)
    if plan.source == f"a colleague's package of {day}":
        return _("a colleague's package of {day}").format(day=day)
    if plan.source.endswith(f"'s package of {day}"):
        return _("{name}'s package of {day}").format(name=plan.their_name, day=day)
    return plan.source


def _signed(side: Side) -> str:
    return f"{side.by or '?'}, {local_when(side.at)}"


def _describe(plan: MergePlan, labels: Mapping[str, str] | None = None) -> str:
    """The merge's sorting in words, as a rapporteur reads it: what matched, what will be taken
    (listed), what is kept, how much is the same, the conflicts with both sides, the agreement.

    ``labels``: the rating levels' labels by key (the round's scale), for showing ratings.
    """
    labels = labels or {}
    several = len({fs.party for fs in plan.factsheets}) > 1
    if plan.written_at:
        lines = [
            _("Merging {source} (written {when}):").format(
                source=source_words(plan), when=local_when(plan.written_at)
            )
        ]
    else:
        lines = [_("Merging {source}:").format(source=source_words(plan))]
    for fs in plan.factsheets:
        round_title = fs.round.split(":", 1)[0].strip() or fs.round  # "2nd monitoring round"
        matched = ngettext(
            "{party}, {round}: {n} recommendation matched",
            "{party}, {round}: {n} recommendations matched",
            fs.matched,
        ).format(party=fs.party, round=round_title, n=fs.matched)
        if fs.reimport_offered:
            matched = _("{matched} — their factsheet is newer: import it to take it").format(
                matched=matched
            )
        lines.append(f"  {matched}")
        if fs.unmatched:
            codes = ", ".join(fs.unmatched[:LISTED])
            if len(fs.unmatched) > LISTED:
                codes = _("{codes} and {n} more").format(codes=codes, n=len(fs.unmatched) - LISTED)
            lines.append(
                "    "
                + ngettext(
                    "{n} code of theirs matches none of yours (not merged): {codes}",
                    "{n} codes of theirs match none of yours (not merged): {codes}",
                    len(fs.unmatched),
                ).format(n=len(fs.unmatched), codes=codes)
            )

    def where(d: Difference) -> str:
        return f"{d.party} {d.label}" if several else d.label

    rank = {s: n for n, s in enumerate(ORDER)}
    taken = sorted(plan.of_kind(Kind.ONLY_THEIRS), key=lambda d: rank.get(d.subject, len(rank)))
    if taken:
        lines.append(
            "  " + _("to take (only theirs changed): {counts}").format(counts=_counts(taken))
        )
        for d in taken[:LISTED]:
            lines.append(
                "    "
                + _("{where} {subject}: {value} ({by})").format(
                    where=where(d),
                    subject=_subject(d.subject),
                    value=_shown(d, d.theirs, labels),
                    by=_signed(d.theirs),
                )
            )
        if len(taken) > LISTED:
            lines.append("    " + _("and {n} more").format(n=len(taken) - LISTED))
    kept = plan.of_kind(Kind.ONLY_MINE)
    if kept:
        lines.append("  " + _("kept (only mine changed): {counts}").format(counts=_counts(kept)))
    same = sum(n for _side, n in plan.same)
    lines.append(
        "  "
        + ngettext(
            "the same on both sides: {n} value", "the same on both sides: {n} values", same
        ).format(n=same)
    )
    if plan.conflicts:
        n = len(plan.conflicts)
        lines.append(
            "  "
            + ngettext(
                "{n} conflict (both changed): {counts}", "{n} conflicts (both changed): {counts}", n
            ).format(n=n, counts=_counts(plan.conflicts))
        )
        for d in plan.conflicts:
            lines.append(
                "    "
                + _(
                    "{party} {label} {subject}: mine {mine} ({mine_by}) / theirs {theirs} "
                    "({theirs_by})"
                ).format(
                    party=d.party,
                    label=d.label,
                    subject=_subject(d.subject),
                    mine=_shown(d, d.mine, labels),
                    mine_by=_signed(d.mine),
                    theirs=_shown(d, d.theirs, labels),
                    theirs_by=_signed(d.theirs),
                )
            )
    a = plan.agreement
    if a.count and a.percent is not None:
        kappa = _("undefined") if a.kappa is None else words().number(a.kappa, 2)
        lines.append(
            "  "
            + ngettext(
                "agreement on the {n} rating both gave: {percent} (Cohen's kappa {kappa})",
                "agreement on the {n} ratings both gave: {percent} (Cohen's kappa {kappa})",
                a.count,
            ).format(n=a.count, percent=f"{a.percent:.0f} %", kappa=kappa)
        )
    return "\n".join(lines)
