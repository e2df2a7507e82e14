"""File menu's hand-over actions: Send assessment… and Merge a colleague's assessment….

Send writes an assessment package (``exporters/package.py``) of the shown Party or of all,
sealed with a passphrase when asked (always when the database is encrypted). Merge reads a
colleague's package or database file, prepares the plan (nothing written), shows the conflict
screen (``merge_dialog``), then applies it off the GUI thread and pushes one undo step. Both
run their service calls through the op runner, as ``assessor export package`` and ``assessor
merge`` do on the command line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from assessor.domain.merge import Choice, MergePlan
from assessor.domain.scales import level_label
from assessor.i18n import current_language
from assessor.services import browsing, merge
from assessor.services.cancel import Cancel
from assessor.services.changes import Changes
from assessor.services.opening import PassphraseError
from assessor.ui import dialogs, merge_dialog
from assessor.ui.undo import Context, ServiceCommand

if TYPE_CHECKING:
    from assessor.ui.window_api import WindowApi

translate = QCoreApplication.translate


def send_title() -> str:
    return translate("exchange_actions", "Send assessment")


def merge_title() -> str:
    return translate("exchange_actions", "Merge a colleague's assessment")


class ExchangeCounts(QObject):
    """The counted words of a merge (Qt's lupdate reads a plural only from ``self.tr``)."""

    def merged(self, n: int) -> str:
        return self.tr(
            "Merged %n change(s) from {source}; Edit → Undo takes the whole merge back.", "", n
        )


#: How often a wrong passphrase of a colleague's database may be typed before giving up.
PASSPHRASE_TRIES = 3


def add_actions(win: WindowApi, menu: QMenu) -> tuple[QAction, QAction]:
    """Add Send assessment… and Merge a colleague's assessment… to the File menu."""
    send = QAction(translate("exchange_actions", "Sen&d assessment…"), win.parent_widget())
    send.setObjectName("send_assessment")
    send.setToolTip(
        translate(
            "exchange_actions", "One file of your assessment for a co-rapporteur or the Secretariat"
        )
    )
    send.triggered.connect(lambda: send_assessment(win))
    merge = QAction(
        translate("exchange_actions", "Mer&ge a colleague's assessment…"), win.parent_widget()
    )
    merge.setObjectName("merge_assessment")
    merge.triggered.connect(lambda: merge_assessment(win))
    if win.db.read_only:
        merge.setEnabled(False)
        merge.setToolTip(translate("exchange_actions", "The database is open read-only."))
    menu.addAction(send)
    menu.addAction(merge)
    return send, merge


def suggested_name(party: str | None, day: date | None = None) -> str:
    """The package's suggested file name: "Albania-2026-05-01.assessor"."""
    stem = re.sub(r"[^\w]+", "-", party).strip("-") if party else "all-Parties"
    return f"{stem or 'Party'}-{(day or date.today()).isoformat()}.assessor"


class MergeAssessment(ServiceCommand):
    """A colleague's assessment merged as one undo step; undo takes every value back at once.

    The merge is applied off the GUI thread before the command is pushed (``result``), so the
    push does not apply it again; a redo after an undo applies the same plan anew.
    """

    def __init__(
        self,
        ctx: Context,
        plan: MergePlan,
        choices: Mapping[str, Choice],
        result: merge.MergeResult | None = None,
    ) -> None:
        super().__init__(
            translate("exchange_actions", "Merge {source}").format(source=plan.source_words), ctx
        )
        self.plan, self.choices, self.result = plan, dict(choices), result
        self._pushed_applied = result is not None

    def do(self) -> merge.MergeResult:
        self.result = merge.apply_merge(self.db, self.plan, self.choices, by=self.by)
        return self.result

    def undo_call(self) -> Changes:
        assert self.result is not None
        return merge.undo_merge(self.db, self.result, by=self.by)

    def redo(self) -> None:
        if self._pushed_applied:
            self._pushed_applied = False
            return
        super().redo()


# --- sending ------------------------------------------------------------------------------


def send_assessment(win: WindowApi) -> None:
    """File → Send assessment…: which Party, where, the passphrase; written off the GUI thread."""
    from assessor.exporters.package import write_package

    sheets = win.workbench.reads.factsheets()
    if sheets is None:
        return  # the error dialog said why
    parties = sorted({s.party for s in sheets}, key=str.casefold)
    if not parties:
        dialogs.show_error(
            win.parent_widget(),
            send_title(),
            translate("exchange_actions", "There is no assessment yet: import a factsheet first."),
        )
        return
    must_protect = win.db.encrypted
    options = dialogs.ask_send_options(
        win.parent_widget(), parties, win.shown_party(), must_protect
    )
    if options is None:
        return
    target = dialogs.ask_save_path(
        win.parent_widget(), send_title(), suggested_name(options.party), dialogs.PACKAGE_FILTER
    )
    if not target:
        return
    target = dialogs.with_suffix(target, ".assessor")
    passphrase = None
    if options.protect or must_protect:
        passphrase = new_passphrase(win, Path(target).name)
        if passphrase is None:
            return
    win.workbench.assessment.flush()  # the package holds what is saved
    win.themes.flush()
    by = win.ctx.by
    party = options.party

    def job(cancel: Cancel) -> str:
        cancel.check()
        write_package(
            win.db, target, party=options.party, passphrase=passphrase, by=by, cancel=cancel
        )
        return target

    def done(path: str) -> None:
        if party and passphrase:
            said = translate(
                "exchange_actions",
                "The assessment of {party} was written, protected by the passphrase, to {path}.",
            )
        elif party:
            said = translate("exchange_actions", "The assessment of {party} was written to {path}.")
        elif passphrase:
            said = translate(
                "exchange_actions",
                "The assessment was written, protected by the passphrase, to {path}.",
            )
        else:
            said = translate("exchange_actions", "The assessment was written to {path}.")
        message = said.format(party=party, path=path)
        win.statusBar().showMessage(message, 10000)
        dialogs.show_info(
            win.parent_widget(),
            send_title(),
            message,
            translate(
                "exchange_actions",
                "Your colleague merges it with File → Merge a colleague's assessment… and "
                "needs the passphrase: tell it another way than the file.",
            )
            if passphrase
            else translate(
                "exchange_actions",
                "Your colleague merges it with File → Merge a colleague's assessment….",
            ),
        )

    win.runner.run_in_background(
        send_title(),
        translate("exchange_actions", "Writing {name}…").format(name=Path(target).name),
        job,
        done,
    )


def new_passphrase(win: WindowApi, name: str) -> str | None:
    """A new package's passphrase, asked again while it is too short; None if cancelled."""
    from assessor.services.package_rules import passphrase_too_short

    while True:
        passphrase = dialogs.ask_package_passphrase(win.parent_widget(), name, new=True)
        if passphrase is None:
            return None
        refused = passphrase_too_short(passphrase)
        if refused is None:
            return passphrase
        dialogs.show_error(win.parent_widget(), send_title(), refused)


# --- merging ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """A plan ready for the conflict screen, with the rating labels of its scales."""

    plan: MergePlan
    labels: dict[str, str]


@dataclass(frozen=True)
class NeedsPassphrase:
    """The file is protected: ask the passphrase (again, when ``wrong``)."""

    wrong: bool


def is_database_file(path: str | Path) -> bool:
    """Whether the file is a colleague's whole database (plain or encrypted), not a package."""
    return not merge.is_package(path)


def merge_assessment(win: WindowApi) -> None:
    """File → Merge a colleague's assessment…: choose the file, then prepare and review it."""
    if win.db.read_only:
        dialogs.show_error(
            win.parent_widget(),
            merge_title(),
            translate("exchange_actions", "The database is open read-only."),
        )
        return
    path = dialogs.ask_merge_file(win.parent_widget())
    if path:
        win.workbench.assessment.flush()  # what is typed takes part in the comparison
        win.themes.flush()
        prepare(win, path)


def prepare(win: WindowApi, path: str, passphrase: str | None = None, tries: int = 0) -> None:
    """Read the file and prepare the plan off the GUI thread; ask a passphrase if it needs one."""
    from assessor.importers.package_file import PassphraseNeeded, WrongPassphrase, read_package

    name = Path(path).name
    database = is_database_file(path)

    def job(cancel: Cancel) -> Prepared | NeedsPassphrase:
        cancel.check()
        try:
            if database:
                plan = merge.prepare_merge(win.db, path, passphrase)
            else:
                plan = merge.prepare_merge(win.db, read_package(path, passphrase))
        except PassphraseNeeded:
            return NeedsPassphrase(wrong=False)
        except (PassphraseError, WrongPassphrase):  # a database's, or a package's
            if tries >= PASSPHRASE_TRIES:
                raise
            return NeedsPassphrase(wrong=passphrase is not None)
        lang = current_language()
        labels = {
            lv.key: level_label(lv, lang)
            for fs in plan.factsheets
            for lv in browsing.levels(win.db, fs.factsheet_id)
        }
        return Prepared(plan, labels)

    def done(outcome: Prepared | NeedsPassphrase) -> None:
        if isinstance(outcome, NeedsPassphrase):
            given = dialogs.ask_package_passphrase(
                win.parent_widget(), name, new=False, wrong=outcome.wrong
            )
            if given is not None:
                prepare(win, path, given, tries + 1)
            return
        review(win, outcome)

    win.runner.run_in_background(
        merge_title(),
        translate("exchange_actions", "Comparing {name} with your assessment…").format(name=name),
        job,
        done,
    )


def review(win: WindowApi, prepared: Prepared) -> None:
    """Show the conflict screen; apply the choices when the rapporteur applies."""
    plan = prepared.plan
    if not plan.differences and not plan.reimports_offered:
        dialogs.show_info(
            win.parent_widget(),
            merge_title(),
            translate(
                "exchange_actions", "Nothing to merge: {source} holds the same assessment as yours."
            ).format(source=plan.source_words),
        )
        return
    choices = merge_dialog.ask_merge_choices(win.parent_widget(), plan, prepared.labels)
    if choices is None:
        win.statusBar().showMessage(translate("exchange_actions", "Nothing was merged."), 5000)
        return
    apply(win, plan, choices)


def apply(win: WindowApi, plan: MergePlan, choices: dict[str, Choice]) -> None:
    """Apply the plan off the GUI thread, then push it as one undo step."""
    by = win.ctx.by

    def job(cancel: Cancel) -> merge.MergeResult:
        cancel.check()
        return merge.apply_merge(win.db, plan, choices, by=by, cancel=cancel)

    def done(result: merge.MergeResult) -> None:
        if not result.applied:
            win.statusBar().showMessage(
                translate(
                    "exchange_actions",
                    "Nothing to take from {source}: every value of yours was kept.",
                ).format(source=plan.source_words),
                8000,
            )
            return
        win.stack.push(MergeAssessment(win.ctx, plan, choices, result))
        win.statusBar().showMessage(
            ExchangeCounts().merged(result.applied).format(source=plan.source_words),
            10000,
        )

    win.runner.run_in_background(
        merge_title(),
        translate("exchange_actions", "Merging {source}…").format(source=plan.source_words),
        job,
        done,
    )
