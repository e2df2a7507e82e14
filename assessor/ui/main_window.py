"""The main window: menus, files, drag-and-drop, status bar, and what is kept between sessions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.values import RecommendationDetail
from assessor.services.changes import Changes
from assessor.services.opening import Handle
from assessor.settings import assessor_name
from assessor.ui import (
    connect_dialog,
    dialogs,
    import_actions,
    live_updates,
    menus,
    pdf_actions,
    quiet_tabs,
    storage_actions,
    undo,
    undo_actions,
    window_chrome,
    window_state,
)
from assessor.ui.file_drops import FileDropWindow
from assessor.ui.help import UserGuide, about_html
from assessor.ui.ops import OpRunner
from assessor.ui.themes_view import ThemesView
from assessor.ui.window_settings import SettingsStore
from assessor.ui.workbench import Workbench


class MainWindow(FileDropWindow):
    """The assessor's workbench window over one open database."""

    # Built by menus.build_menus: the menus and actions the window updates later.
    recent_menu: QMenu
    rate_menu: QMenu
    new_encrypted_action: QAction
    encryption_action: QAction
    import_action: QAction
    import_questionnaire_action: QAction
    overview_action: QAction
    backup_action: QAction
    restore_action: QAction
    undo_action: QAction
    redo_action: QAction
    correct_action: QAction
    _rate_actions: list[QAction]
    _rate_levels: tuple[object, ...]

    def __init__(
        self,
        db: Handle,
        settings: SettingsStore,
        open_other: Callable[..., object] | None = None,
        held_by: str = "",
    ) -> None:
        super().__init__()
        self.db, self.settings = db, settings
        #: Called with a path (and a passphrase) to open another database in place of this one.
        self.open_other = open_other
        # Qt adds the application's name ("… — Assessor") on the title bar.
        title = window_chrome.title(db)  # where the data lives: a file, or a server
        self.setWindowTitle(title + (" (read-only)" if db.read_only else ""))
        self.setAcceptDrops(not db.read_only)
        self.runner = OpRunner(self)
        #: The window that took this one's place (File → Open, a conversion), once there is one.
        self.replaced_by: MainWindow | None = None
        self.user_guide: UserGuide | None = None
        self.stack = QUndoStack(self)
        self.ctx = undo.Context(db, self.runner, assessor_name())
        self.workbench = Workbench(self.ctx, self.stack)
        # A save is made over the version of the assessment shown (a conflict otherwise).
        self.ctx.seen = self._shown_version
        self.themes = ThemesView(self.ctx, self.stack)
        self.tabs = quiet_tabs.QuietTabWidget()  # a label's change repaints the label only
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.workbench, self.tr("&Workbench"))
        self.tabs.addTab(self.themes, self.tr("&Themed recommendations"))
        self.banner = window_chrome.read_only_banner(held_by, db.read_only)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.progress_label, self.path_label = window_chrome.status_labels(
            self.statusBar(), window_chrome.where(db)
        )
        menus.build_menus(self)

        self.runner.changed.connect(self.on_changed)
        self.workbench.current_changed.connect(self._current_changed)
        self.workbench.cursor_moved.connect(lambda: self._refresh_rate_menu(self.workbench.detail))
        self.workbench.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        # A message about what the filters showed ("Every recommendation … is rated") is stale
        # once they change.
        self.workbench.filters.filters_changed.connect(lambda _s: self.statusBar().clearMessage())
        self.themes.jump_to_code.connect(self.jump_to_code)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._splitters_restored = False
        self.workbench.reload()
        self._restore()
        if db.read_only:
            self._make_read_only()
        self._update_actions()
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(storage_actions.BACKUP_INTERVAL_MS)
        self.backup_timer.timeout.connect(lambda: storage_actions.periodic_backup(self))
        if storage_actions.can_back_up(self):
            self.backup_timer.start()
        self.live = live_updates.LiveUpdates(self)  # others' edits appear here
        self.live.start()

    # --- menus ---------------------------------------------------------------------------
    def _on_workbench(self, step: Callable[[], object]) -> Callable[[], None]:
        """A slot that shows the Workbench tab, then takes ``step`` there."""

        def slot() -> None:
            self.tabs.setCurrentWidget(self.workbench)
            step()

        return slot

    def parent_widget(self) -> QWidget:
        """The widget the action modules parent their dialogs and actions to: this window."""
        return self

    def show_user_guide(self) -> None:
        """Help → User guide: the bundled guide, beside the window."""
        if self.user_guide is None:
            self.user_guide = UserGuide(self)
        self.user_guide.show()
        self.user_guide.raise_()

    def show_about(self) -> None:
        """Help → About Assessor."""
        dialogs.show_info(self, self.tr("About Assessor"), about_html(self.db.location))

    def factsheet_id(self) -> int | None:
        """The factsheet being worked on: the shown recommendation's, else the first."""
        detail = self.workbench.detail
        if detail is not None:
            return detail.factsheet_id
        ids = self.workbench.model.factsheet_ids()
        return ids[0] if ids else None

    def _update_actions(self) -> None:
        """Enable what makes sense for this database now."""
        menus.update_actions(self)

    def _make_read_only(self) -> None:
        """Nothing in this window may write: another Assessor has the database."""
        menus.make_read_only(self)
        self._refresh_rate_menu(self.workbench.detail)

    def _shown_version(self, rec_id: int) -> int | None:
        """The version of a recommendation's assessment the panes show (None: not shown)."""
        detail = self.workbench.detail
        return detail.assessment.version if detail is not None and detail.id == rec_id else None

    def _can_edit_shown(self) -> bool:
        """Whether the actions that edit the shown recommendation may act now.

        Only while the Workbench tab is current: on the Themes tab the recommendation is out
        of sight, and the digits are type-ahead keys of the themes list, not ratings.
        """
        return (
            self.workbench.selected_recommendation() is not None
            and not self.db.read_only
            and self.tabs.currentWidget() is self.workbench
        )

    def print_summary(self) -> None:
        """Ask the summary's options, render it off the GUI thread, then preview it."""
        pdf_actions.print_summary(self)

    def export_pdf(self) -> None:
        """Ask the summary's options and where to write it, then write it off the GUI thread."""
        pdf_actions.export_pdf(self)

    def _refresh_rate_menu(self, detail: RecommendationDetail | None) -> None:
        """The Rate menu of the shown scale; with the other editing actions, usable or not."""
        menus.refresh_rate_menu(self, detail.levels if detail else (), self._can_edit_shown())

    # --- undo ----------------------------------------------------------------------------
    def undo(self) -> None:
        """Undo the last edit (a comment being typed is saved first, so it is what is undone)."""
        undo_actions.undo_last(self)

    def redo(self) -> None:
        """Redo the last undone edit."""
        undo_actions.redo_last(self)

    # --- reacting ------------------------------------------------------------------------
    def on_changed(self, changes: Changes) -> None:
        """One refresh after every write (the op runner's signal)."""
        self.workbench.on_changed(changes)
        if (changes.themes or changes.factsheets) and self.themes.factsheet_id is not None:
            self.themes.reload()
        if changes.factsheets and self.themes.factsheet_id is None:
            self._tab_changed(self.tabs.currentIndex())
        if changes.factsheets:
            self._update_actions()
        if changes.reopened:
            undo_actions.back_to_draft(self, sorted(changes.reopened))
        self._show_progress()

    def _current_changed(self, detail: RecommendationDetail | None) -> None:
        # The Rate menu followed already: the workbench says the cursor moved before this.
        self._show_progress()
        if detail is not None:
            self.settings.setValue("selection/recommendation", detail.id)
            self.settings.setValue("selection/factsheet", detail.factsheet_id)

    def _show_progress(self) -> None:
        # From the tree's memory: this runs on every step and must not count 10,000 rows.
        detail = self.workbench.detail
        status = self.workbench.model.factsheet_status(detail.factsheet_id if detail else None)
        self.progress_label.setText(window_chrome.progress_text(status))

    def _tab_changed(self, index: int) -> None:
        self.workbench.assessment.flush()
        self._refresh_rate_menu(self.workbench.detail)
        if index == 1:
            detail = self.workbench.detail
            sheets = self.workbench.reads.factsheets() or []
            sheet = next((s for s in sheets if detail and s.id == detail.factsheet_id), None)
            sheet = sheet or (sheets[0] if sheets else None)
            self.themes.set_factsheet(sheet.id if sheet else None, sheet.party if sheet else "")
        else:
            self.themes.flush()

    def jump_to_code(self, factsheet_id: int, code: str) -> None:
        """Show the Committee's recommendation carrying ``code`` (a theme item's link)."""
        rec_id = self.workbench.reads.recommendation_for_code(factsheet_id, code)
        if rec_id is None:
            self.statusBar().showMessage(
                self.tr("No recommendation has the code {code}.").format(code=code), 5000
            )
            return
        self.tabs.setCurrentIndex(0)
        if not self.workbench.select_recommendation(rec_id, factsheet_id):
            self.workbench.filters.reset()
            self.workbench.select_recommendation(rec_id, factsheet_id)
        self.workbench.focus_tree()

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.tabs.setCurrentIndex(0)
        self.workbench.filters.search.setFocus()
        self.workbench.filters.search.selectAll()

    # --- files ---------------------------------------------------------------------------
    def importable(self, path: Path) -> bool:
        """Whether a dropped or chosen file is something the window can import."""
        return not self.db.read_only and import_actions.importable(path)

    def ask_import(self) -> None:
        """Choose files and import them."""
        self.import_files([Path(p) for p in dialogs.ask_import_files(self)])

    def import_files(self, paths: Sequence[Path]) -> None:
        """Import files: texts off the GUI thread, then questionnaires, each previewed."""
        import_actions.import_files(self, paths)

    def shown_party(self) -> str | None:
        """The Party of the recommendation shown in the workbench, if one is shown."""
        detail = self.workbench.detail
        return detail.party if detail is not None else None

    def model_select_first(self, factsheet_id: int) -> None:
        """Show the first recommendation of a factsheet."""
        model = self.workbench.model
        model.ensure_loaded(factsheet_id)
        order = model.shown_recommendations(factsheet_id)
        if order:
            self.workbench.select_recommendation(order[0], factsheet_id)

    def export_json(self) -> None:
        """Export the whole database as assessor-json/1, off the GUI thread."""
        import_actions.export_json(self)

    def new_database(self) -> None:
        """Create a new database and open it in place of this one."""
        path = dialogs.ask_new_database(self)
        if path:
            self._switch(path)

    def open_database(self) -> None:
        """Open another database in place of this one."""
        path = dialogs.ask_open_database(self)
        if path:
            self._switch(path)

    def _switch(self, path: str) -> None:
        self.switch_to(path)

    def switch_to(self, path: str, passphrase: str | None = None) -> bool:
        """Open another database (encrypted with ``passphrase``) in place of this one."""
        # The new window restores the layout, filters and selection saved here: save them now.
        self.save_state()
        return callable(self.open_other) and bool(self.open_other(path, False, passphrase))

    def release_database(self) -> None:
        """Let go of the database file (a conversion needs it); what is typed is saved first."""
        self.workbench.assessment.flush()
        self.themes.flush()
        self.backup_timer.stop()
        self.live.stop()
        self.runner.wait()
        self.db.close()

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent():
            # "&&": an ampersand in a path is a letter, not a mnemonic.
            text = path.replace("&", "&&")
            go = lambda _c=False, p=path: connect_dialog.open_recent(self, p)  # noqa: E731
            menus.action(self, self.recent_menu, text, go)
        self.recent_menu.setEnabled(bool(self.recent()))

    def recent(self) -> list[str]:
        """Recently opened databases, newest first."""
        return window_state.recent(self.settings, window_chrome.recent_entry(self.db))

    # --- keeping state -------------------------------------------------------------------
    def _restore(self) -> None:
        s = self.settings
        window_state.restore_geometry(self, s)
        state = window_state.saved_filters(s)
        if state.is_active:
            self.workbench.filters.set_state(state)
        selection = window_state.saved_selection(s)
        if selection is not None:
            if not self.workbench.select_recommendation(*selection):
                self.model_select_first(selection[1])
        elif self.workbench.model.factsheet_ids():
            self.model_select_first(self.workbench.model.factsheet_ids()[0])
        self._show_progress()
        window_state.remember_opened(s, window_chrome.recent_entry(self.db))

    def _splitters(self) -> list[tuple[str, QSplitter]]:
        return [
            ("window/main", self.workbench.main),
            ("window/right", self.workbench.right),
            ("window/reading", self.workbench.reading),
            ("window/themes", self.themes.splitter),
        ]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._splitters_restored:
            return
        # Splitters are restored once the window has its final size, or Qt re-spreads them.
        self._splitters_restored = True
        QTimer.singleShot(0, self._restore_splitters)

    def _restore_splitters(self) -> None:
        window_state.restore_splitters(self.settings, self._splitters())

    def save_state(self) -> None:
        """Keep the window's layout, filters and selection for the next start."""
        window_state.save(self, self.settings, self._splitters(), self.workbench.filters.state())

    def closeEvent(self, event: QCloseEvent) -> None:
        # Whatever is typed is saved before the window goes.
        self.workbench.assessment.flush()
        self.themes.flush()
        self.backup_timer.stop()
        self.runner.wait()
        self.save_state()
        super().closeEvent(event)
