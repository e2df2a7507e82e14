"""The commands that import, export, list and rate, and the window and self-check."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from assessor.cli.common import (
    EXIT_ROWS_REJECTED,
    Failure,
    given_passphrase,
    no_database,
    open_db,
    sqlite_file,
)
from assessor.i18n import _, ngettext
from assessor.settings import assessor_name

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
                _(
                    "{mismatch}; nothing was imported. If it is {party}'s factsheet, import it "
                    'with --party "{party}"; if it is another Party\'s, correct its title.'
                ).format(mismatch=mismatch.describe(prepared.source), party=mismatch.party)
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
        lines[0] = _("{source}: {review}").format(source=prepared.source, review=lines[0])
        lines[3:3] = reimport or []
        return "\n".join([*lines, _("Nothing was imported (--dry-run).")])
    assert prepared.themes is not None
    items = sum(len(t.items) for t in prepared.themes.themes)
    themes = len(prepared.themes.themes)
    found = _("{source}: {themes} with {items}.").format(
        source=prepared.source,
        themes=ngettext("{n} theme", "{n} themes", themes).format(n=themes),
        items=ngettext("{n} recommendation", "{n} recommendations", items).format(n=items),
    )
    return "\n".join([found, _("Nothing was imported (--dry-run).")])


def cmd_export_json(args: argparse.Namespace) -> int:
    """Export the whole database as assessor-json/1."""
    from assessor.exporters.json_export import dumps, export_json, write_json

    db = open_db(args, create=False, write=False)
    try:
        if args.output:
            data = write_json(db, args.output)
            n = len(data["factsheets"])
            print(
                ngettext(
                    "Exported {n} factsheet to {file}", "Exported {n} factsheets to {file}", n
                ).format(n=n, file=args.output)
            )
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
            lang=args.doc_lang,
        )
    finally:
        db.close()
    print(_("Wrote the PDF summary to {file}").format(file=args.output))
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
            n = len(preview.to_apply)
            print(
                ngettext(
                    "Dry run: nothing was written; importing would write {n} follow-up.",
                    "Dry run: nothing was written; importing would write {n} follow-ups.",
                    n,
                ).format(n=n)
            )
        else:
            print(apply_questionnaire(db, preview, by=assessor_name()).text())
    finally:
        db.close()
    rejected = preview.count(REJECTED)
    if rejected:
        if dry_run:
            print(
                ngettext(
                    "{n} row would be rejected (see the reasons above); correct the file first.",
                    "{n} rows would be rejected (see the reasons above); correct the file first.",
                    rejected,
                ).format(n=rejected)
            )
        else:
            print(
                ngettext(
                    "{n} row was rejected and not imported (see the reasons above); correct it "
                    "in the file and import it again.",
                    "{n} rows were rejected and not imported (see the reasons above); correct "
                    "them in the file and import it again.",
                    rejected,
                ).format(n=rejected)
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
            deadline=args.deadline or "", contact=args.contact or "", lang=args.doc_lang,
        )  # fmt: skip
    finally:
        db.close()
    print(
        ngettext(
            "Wrote a questionnaire of {n} recommendation to {file}",
            "Wrote a questionnaire of {n} recommendations to {file}",
            rows,
        ).format(n=rows, file=args.output)
    )
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
            codes, parties = export_overview_xlsx(
                db, args.output, agreement=plan, lang=args.doc_lang
            )
            sheets = ngettext("{n} factsheet", "{n} factsheets", parties).format(n=parties)
            coded = ngettext("{n} code", "{n} codes", codes).format(n=codes)
            if plan:
                count = plan.agreement.count
                print(
                    ngettext(
                        "Wrote the overview of {factsheets} × {codes} to {file}, with the "
                        "agreement with {colleague} on {n} rating both gave",
                        "Wrote the overview of {factsheets} × {codes} to {file}, with the "
                        "agreement with {colleague} on {n} ratings both gave",
                        count,
                    ).format(
                        factsheets=sheets,
                        codes=coded,
                        file=args.output,
                        colleague=plan.their_name,
                        n=count,
                    )
                )
            else:
                print(
                    _("Wrote the overview of {factsheets} × {codes} to {file}").format(
                        factsheets=sheets, codes=coded, file=args.output
                    )
                )
        else:
            if args.agreement:
                raise Failure(_("--agreement goes with --all (the overview workbook)."))
            rows = export_assessment_xlsx(db, args.output, party=args.party, lang=args.doc_lang)
            print(
                ngettext(
                    "Wrote the assessment of {n} recommendation to {file}",
                    "Wrote the assessment of {n} recommendations to {file}",
                    rows,
                ).format(n=rows, file=args.output)
            )
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
        print(_("No factsheets yet: import one with `assessor import FILE`."))
    for f in sheets:
        print(
            ngettext(
                "{party} — {round}: {n} recommendation ({require} require, {request} request, "
                "{invite} invite), {follow_ups} with follow-up, {rated}/{in_scope} in scope rated",
                "{party} — {round}: {n} recommendations ({require} require, {request} request, "
                "{invite} invite), {follow_ups} with follow-up, {rated}/{in_scope} in scope rated",
                f.recommendations,
            ).format(
                party=f.party,
                round=f.round,
                n=f.recommendations,
                require=f.require,
                request=f.request,
                invite=f.invite,
                follow_ups=f.follow_ups,
                rated=f.rated_in_scope,
                in_scope=f.in_scope,
            )
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
        if label:
            print(_("Rated {code}: {label}.").format(code=code, label=label))
        else:
            print(_("Cleared the rating of {code}.").format(code=code))
    elif args.comment is not None:
        if label:
            print(
                _("{code} is already rated {label} with that comment; nothing changed.").format(
                    code=code, label=label
                )
            )
        else:
            print(
                _("{code} is already not rated with that comment; nothing changed.").format(
                    code=code
                )
            )
    elif label:
        print(_("{code} is already rated {label}; nothing changed.").format(code=code, label=label))
    else:
        print(_("{code} is already not rated; nothing changed.").format(code=code))
    return 0


def no_display(environ: Mapping[str, str], platform: str | None = None) -> bool:
    """Whether Qt would find no display to open a window on (Linux and other X11/Wayland
    systems: neither DISPLAY nor WAYLAND_DISPLAY, and no other Qt platform chosen). Qt itself
    aborts with a core dump there, so the window is refused before a QApplication exists."""
    if (platform or sys.platform).startswith(("win", "darwin", "cygwin")):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if chosen not in ("", "xcb", "wayland", "wayland-egl"):
        return False  # offscreen, vnc, eglfs, linuxfb…: Qt needs no desktop session
    return not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY")


def cmd_window(args: argparse.Namespace) -> int:
    """Start the window (the passphrase is asked here, at the terminal, before Qt starts)."""
    if no_display(os.environ):
        print(
            "assessor: "
            + _(
                "No display found: the window needs a desktop session; the command line works "
                "without one — see assessor --help"
            ),
            file=sys.stderr,
        )
        return 1
    passphrase = given_passphrase(args, path=sqlite_file(args.db))
    try:
        from assessor.ui.app import run_app  # Qt is loaded only when a window is wanted
    except ImportError as exc:  # Qt or a system library it needs is missing
        raise Failure(
            _("the window cannot start ({error}); the commands still work.").format(error=exc)
        ) from exc
    # The window imports the example itself, once the database is open (it may ask first).
    # ``assessor --lang fr`` opens the window in French (else Preferences, else the system's).
    lang = getattr(args, "ui_lang", None)
    return run_app(args.db, with_example=args.with_example, passphrase=passphrase, lang=lang)


def cmd_self_check(args: argparse.Namespace) -> int:
    """Check this installation headless: database, example, xlsx, PDF, window (0 = all ok)."""
    from assessor.selfcheck import run_self_check

    return run_self_check()
