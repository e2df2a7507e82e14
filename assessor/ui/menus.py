"""The main window's menus, built over the window's actions and the action modules."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from assessor.domain.scales import NOT_RATED_LABELS, level_label
from assessor.i18n import current_language
from assessor.services import opening
from assessor.ui import connect_dialog, dialogs, excel_actions, exchange_actions, storage_actions

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from assessor.domain.values import Level
    from assessor.ui.window_api import MenuHost

#: A menu action's keys: one sequence, or several (the first is shown in the menu).
Shortcut = str | QKeySequence | QKeySequence.StandardKey | list[str] | list[QKeySequence]


def action(
    win: MenuHost,
    menu: QMenu,
    text: str,
    slot: Callable[..., object],
    shortcut: Shortcut | None = None,
    name: str = "",
) -> QAction:
    """A menu item: text with its mnemonic, keys (the first is shown), an object name."""
    action = QAction(text, win.parent_widget())
    if isinstance(shortcut, list):
        action.setShortcuts([QKeySequence(k) for k in shortcut])
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    if name:
        action.setObjectName(name)
    return action


def go_to_code(win: MenuHost) -> None:
    """Go → Go to code…: ask for a code as people type it and show its recommendation."""
    typed = dialogs.ask_code(win.parent_widget())
    if typed:
        win.workbench.go_to_code(typed)


def build_menus(win: MenuHost) -> None:
    """The window's menus: File, Edit, View, Go, Rate (filled per scale), Help."""
    bar = win.menuBar()
    # Within a menu no two items share a mnemonic (tests/ui/test_window_words.py checks).
    file = bar.addMenu(translate("menus", "&File"))
    file.setToolTipsVisible(True)  # a disabled action says why in its tooltip
    action(
        win,
        file,
        translate("menus", "&New database…"),
        win.new_database,
        QKeySequence.StandardKey.New,
    )
    win.new_encrypted_action = action(
        win,
        file,
        translate("menus", "New en&crypted database…"),
        lambda: storage_actions.new_encrypted_database(win),
        name="new_encrypted",
    )
    win.encryption_action = action(
        win,
        file,
        translate("menus", "Remove encr&yption…")
        if win.db.encrypted
        else translate("menus", "Encr&ypt this database…"),
        lambda: storage_actions.change_encryption(win),
        name="change_encryption",
    )
    reason = opening.encryption_unavailable_reason()
    win.new_encrypted_action.setEnabled(reason is None)
    win.encryption_action.setEnabled(reason is None and win.db.path is not None)
    if reason is not None:
        win.encryption_action.setToolTip(reason)
    win.new_encrypted_action.setToolTip(
        reason
        or translate(
            "menus", "A database only its passphrase opens (the passphrase is never stored)"
        )
    )
    action(
        win,
        file,
        translate("menus", "&Open database…"),
        win.open_database,
        QKeySequence.StandardKey.Open,
    )
    action(
        win,
        file,
        translate("menus", "Connect to a server (s&hared database)…"),
        lambda: connect_dialog.connect_to_server(win),
        name="connect_to_server",
    )
    win.recent_menu = file.addMenu(translate("menus", "Open &recent"))
    file.addSeparator()
    win.import_action = action(
        win,
        file,
        translate("menus", "&Import factsheet or recommendations…"),
        win.ask_import,
        "Ctrl+I",
        "import",
    )
    win.import_questionnaire_action = action(
        win,
        file,
        translate("menus", "I&mport questionnaire…"),
        lambda: excel_actions.ask_import_questionnaire(win),
        "Ctrl+Shift+I",
        "import_questionnaire",
    )
    file.addSeparator()
    action(
        win,
        file,
        translate("menus", "Export q&uestionnaire…"),
        lambda: excel_actions.export_questionnaire_file(win),
        name="export_questionnaire",
    )
    action(
        win,
        file,
        translate("menus", "Export &assessment workbook…"),
        lambda: excel_actions.export_assessment_file(win),
        name="export_assessment",
    )
    win.overview_action = action(
        win,
        file,
        translate("menus", "Export o&verview workbook (all Parties)…"),
        lambda: excel_actions.export_overview_file(win),
        name="export_overview",
    )
    action(win, file, translate("menus", "&Export JSON…"), win.export_json, "Ctrl+E")
    action(
        win,
        file,
        translate("menus", "&Print summary (PDF)…"),
        win.print_summary,
        QKeySequence.StandardKey.Print,
        "print_summary",
    )
    action(win, file, translate("menus", "Export PDF &summary…"), win.export_pdf, name="export_pdf")
    file.addSeparator()
    exchange_actions.add_actions(win, file)
    file.addSeparator()
    win.backup_action = action(
        win,
        file,
        translate("menus", "&Back up now"),
        lambda: storage_actions.backup_now(win),
        name="backup_now",
    )
    win.restore_action = action(
        win,
        file,
        translate("menus", "Res&tore from backup…"),
        lambda: storage_actions.restore(win),
        name="restore_backup",
    )
    if storage_actions.on_server(win):  # they say whose job it is when chosen
        win.backup_action.setToolTip(storage_actions.server_backups())
        win.restore_action.setToolTip(storage_actions.server_backups())
    file.addSeparator()
    action(win, file, translate("menus", "&Quit"), win.close, QKeySequence.StandardKey.Quit)

    edit = bar.addMenu(translate("menus", "&Edit"))
    win.undo_action = action(
        win, edit, translate("menus", "&Undo"), win.undo, QKeySequence.StandardKey.Undo, "undo"
    )
    # Both common Redo keys everywhere: users move between Windows and Linux laptops.
    names = [k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
    names += [k for k in ("Ctrl+Shift+Z", "Ctrl+Y") if k not in names]
    redo_keys = [QKeySequence(k) for k in names]
    win.redo_action = action(win, edit, translate("menus", "&Redo"), win.redo, redo_keys, "redo")
    win.stack.canUndoChanged.connect(win.undo_action.setEnabled)
    win.stack.canRedoChanged.connect(win.redo_action.setEnabled)
    undo_text, redo_text = translate("menus", "&Undo {step}"), translate("menus", "&Redo {step}")
    win.stack.undoTextChanged.connect(
        lambda t: win.undo_action.setText(undo_text.format(step=t).strip())
    )
    win.stack.redoTextChanged.connect(
        lambda t: win.redo_action.setText(redo_text.format(step=t).strip())
    )
    win.undo_action.setEnabled(False)
    win.redo_action.setEnabled(False)
    edit.addSeparator()
    action(win, edit, translate("menus", "&Find…"), win.focus_search, QKeySequence.StandardKey.Find)
    win.correct_action = action(
        win,
        edit,
        translate("menus", "&Correct follow-up…"),
        win.workbench.edit_follow_up,
        "Ctrl+Shift+E",
        "correct",
    )
    edit.addSeparator()
    action(
        win,
        edit,
        translate("menus", "&Preferences…"),
        lambda: storage_actions.preferences(win),
        QKeySequence.StandardKey.Preferences,
        "preferences",
    )

    view = bar.addMenu(translate("menus", "&View"))
    action(
        win, view, translate("menus", "&Workbench"), lambda: win.tabs.setCurrentIndex(0), "Ctrl+1"
    )
    action(
        win,
        view,
        translate("menus", "&Themed recommendations"),
        lambda: win.tabs.setCurrentIndex(1),
        "Ctrl+2",
    )
    action(
        win, view, translate("menus", "&Clear filters"), win.workbench.filters.reset, "Ctrl+Shift+L"
    )
    action(
        win,
        view,
        translate("menus", "&Go to the tree"),
        win._on_workbench(win.workbench.focus_tree),
        "Ctrl+T",
    )

    # Stepping acts on the workbench's tree: from the Themes tab it brings the workbench
    # forward rather than change a selection out of sight.
    go = bar.addMenu(translate("menus", "&Go"))
    action(
        win,
        go,
        translate("menus", "&Next recommendation"),
        win._on_workbench(lambda: win.workbench.go(+1)),
        ["Alt+Down", "F6"],
    )
    action(
        win,
        go,
        translate("menus", "&Previous recommendation"),
        win._on_workbench(lambda: win.workbench.go(-1)),
        ["Alt+Up", "Shift+F6"],
    )
    action(
        win,
        go,
        translate("menus", "Next &unrated in scope"),
        win._on_workbench(win.workbench.next_unrated),
        "F8",
        "next_unrated",
    )

    go.addSeparator()
    action(
        win,
        go,
        translate("menus", "&Go to code…"),
        win._on_workbench(lambda: go_to_code(win)),
        "Ctrl+G",
        "go_to_code",
    )

    win.rate_menu = bar.addMenu(translate("menus", "&Rate"))
    win._rate_actions = []
    win._rate_levels = ()

    about = bar.addMenu(translate("menus", "&Help"))
    action(
        win,
        about,
        translate("menus", "&User guide"),
        win.show_user_guide,
        QKeySequence.StandardKey.HelpContents,
        "user_guide",
    )
    action(win, about, translate("menus", "&About Assessor"), win.show_about, name="about")
    win._refresh_recent()


def refresh_rate_menu(win: MenuHost, levels: tuple[Level, ...], usable: bool) -> None:
    """The Rate menu of the shown scale's ``levels``; with Correct, usable or not."""
    win.correct_action.setEnabled(usable)
    if levels == win._rate_levels:
        for item in win._rate_actions:
            item.setEnabled(usable)
        return
    win._rate_levels = levels
    win.rate_menu.clear()
    win._rate_actions = []
    # The levels' labels in the window's language (a scale's French, else its English).
    lang = current_language()
    not_rated = NOT_RATED_LABELS.get(lang, NOT_RATED_LABELS["en"])
    entries = [(n, f"&{n} {level_label(lv, lang)}") for n, lv in enumerate(levels, 1)] + [
        (0, f"&0 {not_rated}")
    ]
    for n, text in entries:
        item = action(
            win, win.rate_menu, text, lambda _c=False, k=n: win.workbench.rate_current(k), str(n)
        )
        item.setEnabled(usable)
        win._rate_actions.append(item)


def update_actions(win: MenuHost) -> None:
    """Enable what makes sense for this database now (the overview needs several Parties)."""
    win.overview_action.setEnabled(excel_actions.several_parties(win))
    win.overview_action.setToolTip(
        ""
        if win.overview_action.isEnabled()
        else translate("menus", "The database holds only one Party.")
    )


def make_read_only(win: MenuHost) -> None:
    """Nothing in this window may write: the writing actions and the panes are turned off."""
    for item in (
        win.import_action,
        win.import_questionnaire_action,
        win.backup_action,
        win.restore_action,
        win.correct_action,
        win.encryption_action,
    ):
        item.setEnabled(False)
        item.setToolTip(translate("menus", "The database is open read-only."))
    win.workbench.set_read_only(True)
    win.themes.set_read_only(True)
