"""The commands that import, export, list and rate, and the window and self-check."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from assessor.cli.common import (
    EXIT_ROWS_REJECTED,
    Failure,
    given_passphrase,
    no_database,
    open_db,
    sqlite_file,
)
from assessor.settings import assessor_name
from assessor.wording import plural

if TYPE_CHECKING:
    from assessor.services.imports import PreparedImport


def cmd_import(args: argparse.Namespace) -> int:
    """Import a factsheet or a themed-recommendations file."""
    from assessor.importers.xlsx_file import is_workbook
    from assessor.services.import_checks import party_mismatch
    from assessor.services.imports import prepare_import, write_import

    if is_workbook(args.file):  # by content too: an .xlsm, or a workbook named otherwise
        return cmd_import_questionnaire(args)
    # Read and parse before opening: a file refused cannot create a database.
    prepared = prepare_import(args.file, kind=args.kind, party=args.party, scale=args.scale)
    if getattr(args, "dry_run", False):
        print(preview(prepared, _reimport_lines(args, prepared)))
        return 0
    db = open_db(args, create=prepared.kind == "factsheet")  # themes need a factsheet first
    try:
        mismatch = party_mismatch(db, prepared)
        if mismatch is not None:
            raise Failure(
                f"{mismatch.describe(prepared.source)}; nothing was imported. If it is "
                f'{mismatch.party}\'s factsheet, import it with --party "{mismatch.party}"; '
                "if it is another Party's, correct its title."
            )
        report = write_import(db, prepared)
    finally:
        db.close()
    print(report.summary())
    return 0


def _reimport_lines(args: argparse.Namespace, prepared: PreparedImport) -> list[str]:
    """What a dry run's factsheet would change in the database, when there is one."""
    from assessor.services.import_checks import reimport_preview

    path = sqlite_file(args.db)
    if prepared.factsheet is None or path is None or no_database(path):
        return []
    db = open_db(args, create=False, read_only=True)
    try:
        return reimport_preview(db, prepared.factsheet)
    finally:
        db.close()


def preview(prepared: PreparedImport, reimport: list[str] | None = None) -> str:
    """What ``import --dry-run`` prints for a factsheet or themes file; nothing is written."""
    from assessor.services.import_review import review_text

    if prepared.factsheet is not None:
        lines = review_text(prepared.factsheet).split("\n")
        lines[0] = f"{prepared.source}: {lines[0]}"
        lines[3:3] = reimport or []
        return "\n".join(lines) + "\nNothing was imported (--dry-run)."
    assert prepared.themes is not None
    items = sum(len(t.items) for t in prepared.themes.themes)
    return (
        f"{prepared.source}: {plural(len(prepared.themes.themes), 'theme')} with "
        f"{plural(items, 'recommendation')}.\nNothing was imported (--dry-run)."
    )


def cmd_export_json(args: argparse.Namespace) -> int:
    """Export the whole database as assessor-json/1."""
    from assessor.exporters.json_export import dumps, export_json, write_json

    db = open_db(args, create=False, write=False)
    try:
        if args.output:
            data = write_json(db, args.output)
            print(f"Exported {plural(len(data['factsheets']), 'factsheet')} to {args.output}")
        else:
            sys.stdout.write(dumps(export_json(db)).decode("utf-8"))
    finally:
        db.close()
    return 0


def cmd_export_pdf(args: argparse.Namespace) -> int:
    """Write the PDF summary of a Party's assessment for a Committee meeting."""
    from assessor.exporters.pdf_summary import write_pdf_summary

    db = open_db(args, create=False, write=False)
    try:
        write_pdf_summary(
            db,
            args.output,
            party=args.party,
            scope=args.scope,
            only_rated=args.only_rated,
            full_follow_ups=args.full_follow_ups,
            assessor_name=assessor_name(),
        )
    finally:
        db.close()
    print(f"Wrote the PDF summary to {args.output}")
    return 0


def cmd_import_questionnaire(args: argparse.Namespace) -> int:
    """Import a filled-in Excel questionnaire and print the report (every row and its reason).

    With ``--dry-run`` only the preview is printed and nothing is written. The exit status is
    1 when rows were rejected (the others are imported), so that scripts notice.
    """
    from assessor.importers.questionnaire import read_questionnaire
    from assessor.services.questionnaires import REJECTED, apply_questionnaire, preview_parsed

    dry_run = getattr(args, "dry_run", False)
    parsed = read_questionnaire(args.file)  # a bad file is refused before the database opens
    db = open_db(args, create=False, read_only=dry_run)
    try:
        preview = preview_parsed(db, parsed, party=args.party)
        if dry_run:
            # Every row is shown: an "unchanged" one may carry locked cells the State edited.
            print(preview.text())
            would = plural(len(preview.to_apply), "follow-up")
            print(f"Dry run: nothing was written; importing would write {would}.")
        else:
            print(apply_questionnaire(db, preview, by=assessor_name()).text())
    finally:
        db.close()
    rejected = preview.count(REJECTED)
    if rejected:
        rows = plural(rejected, "row")
        if dry_run:
            print(f"{rows} would be rejected (see the reasons above); correct the file first.")
        else:
            were = "was" if rejected == 1 else "were"
            print(
                f"{rows} {were} rejected and not imported (see the reasons above); correct "
                f"{'it' if rejected == 1 else 'them'} in the file and import it again."
            )
        return EXIT_ROWS_REJECTED
    return 0


def cmd_export_questionnaire(args: argparse.Namespace) -> int:
    """Write the Excel questionnaire a State fills in."""
    from assessor.exporters.questionnaire import export_questionnaire

    db = open_db(args, create=False, write=False)
    try:
        rows = export_questionnaire(
            db, args.output, party=args.party, scope=args.scope,
            deadline=args.deadline or "", contact=args.contact or "",
        )  # fmt: skip
    finally:
        db.close()
    print(f"Wrote a questionnaire of {plural(rows, 'recommendation')} to {args.output}")
    return 0


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    """Write a Party's assessment workbook, or with --all the overview of every Party."""
    from assessor.exporters.assessment_xlsx import export_assessment_xlsx
    from assessor.exporters.overview_xlsx import export_overview_xlsx

    db = open_db(args, create=False, write=False)
    try:
        if args.all:
            plan = None
            if args.agreement:
                from assessor.cli.exchange import merge_source
                from assessor.services.merge import prepare_merge

                plan = prepare_merge(db, merge_source(args.agreement))  # nothing is written
            codes, parties = export_overview_xlsx(db, args.output, agreement=plan)
            with_agreement = (
                f", with the agreement with {plan.their_name} on "
                f"{plural(plan.agreement.count, 'rating')} both gave"
                if plan
                else ""
            )
            print(
                f"Wrote the overview of {plural(parties, 'factsheet')} × {plural(codes, 'code')} "
                f"to {args.output}{with_agreement}"
            )
        else:
            if args.agreement:
                raise Failure("--agreement goes with --all (the overview workbook).")
            rows = export_assessment_xlsx(db, args.output, party=args.party)
            print(f"Wrote the assessment of {plural(rows, 'recommendation')} to {args.output}")
    finally:
        db.close()
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """List the factsheets with their counts."""
    from assessor.services.browsing import factsheets

    # A missing or empty file is refused like by every other reading command (open_db).
    db = open_db(args, create=False, write=False)
    try:
        sheets = factsheets(db)
    finally:
        db.close()
    if not sheets:
        print("No factsheets yet: import one with `assessor import FILE`.")
    for f in sheets:
        print(
            f"{f.party} — {f.round}: {plural(f.recommendations, 'recommendation')} "
            f"({f.require} require, {f.request} request, {f.invite} invite), "
            f"{f.follow_ups} with follow-up, {f.rated_in_scope}/{f.in_scope} in scope rated"
        )
    return 0


def cmd_rate(args: argparse.Namespace) -> int:
    """Rate one recommendation by its code."""
    from assessor.services.assessments import rate_by_code, rating_label_by_code
    from assessor.services.code_lookup import typed_codes

    code = ", ".join(typed_codes(args.code)) or args.code.strip()
    db = open_db(args, create=False)
    try:
        changes = rate_by_code(
            db, code, args.rating, comment=args.comment, party=args.party, by=assessor_name()
        )
        label = rating_label_by_code(db, code, party=args.party)
    finally:
        db.close()
    if changes:
        print(f"Rated {code}: {label}." if label else f"Cleared the rating of {code}.")
    else:
        state = f"rated {label}" if label else "not rated"
        comment = " with that comment" if args.comment is not None else ""
        print(f"{code} is already {state}{comment}; nothing changed.")
    return 0


def cmd_window(args: argparse.Namespace) -> int:
    """Start the window (the passphrase is asked here, at the terminal, before Qt starts)."""
    passphrase = given_passphrase(args, path=sqlite_file(args.db))
    try:
        from assessor.ui.app import run_app  # Qt is loaded only when a window is wanted
    except ImportError as exc:  # Qt or a system library it needs is missing
        raise Failure(f"the window cannot start ({exc}); the commands still work.") from exc
    # The window imports the example itself, once the database is open (it may ask first).
    return run_app(args.db, with_example=args.with_example, passphrase=passphrase)


def cmd_self_check(args: argparse.Namespace) -> int:
    """Check this installation headless: database, example, xlsx, PDF, window (0 = all ok)."""
    from assessor.selfcheck import run_self_check

    return run_self_check()
