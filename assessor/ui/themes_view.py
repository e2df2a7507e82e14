"""The assessor's own themed recommendations: add, edit, reorder, delete, link to codes."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.values import ThemeInfo
from assessor.ui import undo
from assessor.ui.reads import Reads
from assessor.ui.theme_editor import ThemeEditor
from assessor.ui.theme_history import show_theme_history
from assessor.ui.theme_links import read_links, unknown_sentence

ROLE_REF = Qt.ItemDataRole.UserRole + 1
#: How long typing in an item's text or links pauses before it is checked and saved.
TEXT_DELAY_MS = 700


class ThemesView(QWidget):
    """Lists a factsheet's themes and items, with an editor for the chosen one."""

    jump_to_code = Signal(int, str)  # factsheet id, code

    def __init__(self, ctx: undo.Context, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.db, self.ids, self.stack = ctx, ctx.db, ctx.ids, stack
        self.reads = Reads(ctx.db, ctx.runner)  # a failed read says why in the error dialog
        self.factsheet_id: int | None = None
        self._themes: list[ThemeInfo] = []
        #: The codes of the factsheet's recommendations: links to anything else are refused.
        self._codes: frozenset[str] = frozenset()

        self.heading = QLabel()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Themes and their recommendations"))
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 4px 2px; }")  # room to read
        # Mnemonics: none of the menus' (F E V G R H) nor the tabs' (W T).
        self.add_theme_button = QPushButton(self.tr("Add the&me"))
        self.add_item_button = QPushButton(self.tr("&Add recommendation"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("M&ove down"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.history_button = QPushButton(self.tr("Hi&story…"))
        self.history_button.setToolTip(
            self.tr("Every recorded change of the chosen theme: when, by whom")
        )
        self.up_button.setShortcut(QKeySequence("Ctrl+Shift+Up"))
        self.down_button.setShortcut(QKeySequence("Ctrl+Shift+Down"))
        self.up_button.setToolTip("Ctrl+Shift+Up")
        self.down_button.setToolTip("Ctrl+Shift+Down")
        # Two rows of buttons: one row of them in French made the window wider than 1024 px.
        buttons, adding, moving = QVBoxLayout(), QHBoxLayout(), QHBoxLayout()
        adding.addWidget(self.add_theme_button)
        adding.addWidget(self.add_item_button)
        adding.addStretch(1)
        adding.addWidget(self.history_button)
        for b in (self.up_button, self.down_button, self.delete_button):
            moving.addWidget(b)
        moving.addStretch(1)
        buttons.addLayout(adding)
        buttons.addLayout(moving)
        self._edit_buttons = (
            self.add_theme_button,
            self.add_item_button,
            self.up_button,
            self.down_button,
            self.delete_button,
        )

        # The editor: a theme's title, or an item's text and links (ui/theme_editor.py).
        self.editor = ThemeEditor()
        self.title_edit, self.text_edit = self.editor.title_edit, self.editor.text_edit
        self.links_edit, self.links_label = self.editor.links_edit, self.editor.links_label
        self.links_problem = self.editor.links_problem

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.tree)
        ll.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        # Half each: the editor is where the work is done, the list wraps its texts.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([500, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self._save_text)
        self._links_timer = QTimer(self)
        self._links_timer.setSingleShot(True)
        self._links_timer.setInterval(TEXT_DELAY_MS)
        self._links_timer.timeout.connect(self._save_links)
        self._loading = False
        self._shown_ref: tuple[str, int] | None = None
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.add_theme_button.clicked.connect(self.add_theme)
        self.add_item_button.clicked.connect(self.add_item)
        self.up_button.clicked.connect(lambda: self.move_chosen(-1))
        self.down_button.clicked.connect(lambda: self.move_chosen(+1))
        self.delete_button.clicked.connect(self.delete)
        self.history_button.clicked.connect(self.show_history)
        self.title_edit.editingFinished.connect(self._save_title)
        self.text_edit.textChanged.connect(self._typed)
        self.links_edit.textChanged.connect(self._links_typed)
        self.links_edit.editingFinished.connect(self._save_links)
        self.links_label.linkActivated.connect(self._link)
        self._show_current()

    # --- showing -------------------------------------------------------------------------
    def set_factsheet(self, factsheet_id: int | None, party: str = "") -> None:
        """Show the themes of a factsheet."""
        if factsheet_id != self.factsheet_id:
            self.flush()
        self.factsheet_id = factsheet_id
        self.heading.setText(
            self.tr(
                "<b>Themed recommendations</b> — your own recommendations to {party}, "
                "grouped by theme and linked to the Committee’s codes."
            ).format(party=html.escape(party))
            if factsheet_id
            else self.tr("<b>Themed recommendations</b> — import a factsheet first.")
        )
        self.reload()

    def reload(self) -> None:
        """Read the themes again, keeping the chosen row."""
        keep = self.current_ref()
        self._themes = self.reads.themes(self.factsheet_id) if self.factsheet_id else []
        # Read again each time: a re-import may have brought or retired codes.
        rows = self.reads.tree(self.factsheet_id) if self.factsheet_id else []
        self._codes = frozenset(code for row in rows for code in row.codes)
        self._loading = True
        self.tree.clear()
        chosen: QTreeWidgetItem | None = None
        for theme in self._themes:
            count = f"  ({len(theme.items)})" if theme.items else self.tr("  (empty)")
            top = QTreeWidgetItem([f"{theme.position + 1}. {theme.title}{count}"])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setData(0, ROLE_REF, ("theme", theme.id))
            for item in theme.items:
                links = f"   → {', '.join(item.links)}" if item.links else ""
                # The whole text, wrapped to the list's width (a cut text hid what differs).
                child = QTreeWidgetItem([" ".join(item.text.split()) + links])
                child.setToolTip(0, item.text)
                child.setData(0, ROLE_REF, ("item", item.id))
                top.addChild(child)
                if keep == ("item", item.id):
                    chosen = child
            self.tree.addTopLevelItem(top)
            if keep == ("theme", theme.id):
                chosen = top
        self.tree.expandAll()
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self._loading = False
        self._show_current()

    def set_read_only(self, on: bool) -> None:
        """Show the themes without letting them change (the database is open read-only)."""
        for button in self._edit_buttons:
            button.setVisible(not on)
        for edit in (self.title_edit, self.text_edit, self.links_edit):
            edit.setReadOnly(on)

    def show_history(self) -> None:
        """Show every recorded change of the chosen theme and its items, newest first."""
        theme, _n = self._find(self.current_ref())
        if theme is None:
            return
        self.flush()  # what is being typed is part of the history
        show_theme_history(self, self.reads, theme)

    def current_ref(self) -> tuple[str, int] | None:
        """("theme" or "item", id) of the chosen row."""
        item = self.tree.currentItem()
        ref = item.data(0, ROLE_REF) if item else None
        return (str(ref[0]), int(ref[1])) if ref else None

    def select(self, kind: str, id_: int) -> None:
        """Choose a theme or item by id."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            candidates = [top] + [top.child(j) for j in range(top.childCount())]
            for candidate in candidates:
                if candidate is not None and tuple(candidate.data(0, ROLE_REF)) == (kind, id_):
                    self.tree.setCurrentItem(candidate)
                    return

    def _find(self, ref: tuple[str, int] | None) -> tuple[ThemeInfo | None, int | None]:
        """The theme the ref is in and, for an item, its index in that theme."""
        if ref is None:
            return None, None
        for theme in self._themes:
            if ref == ("theme", theme.id):
                return theme, None
            for n, item in enumerate(theme.items):
                if ref == ("item", item.id):
                    return theme, n
        return None, None

    def _show_current(self) -> None:
        if self._loading:
            return
        self.flush()
        ref = self.current_ref()
        theme, n = self._find(ref)
        # The same row again (a reload after saving what is typed): keep the field as typed.
        same = ref is not None and ref == self._shown_ref
        self._shown_ref = ref
        self._loading = True
        has_sheet = self.factsheet_id is not None
        self.add_theme_button.setEnabled(has_sheet)
        self.add_item_button.setEnabled(theme is not None)
        for b in (self.delete_button, self.history_button):
            b.setEnabled(theme is not None)
        place, last = self._place(theme, n)
        self.up_button.setEnabled(theme is not None and place > 0)
        self.down_button.setEnabled(theme is not None and place < last)
        if theme is None:
            self.editor.setCurrentIndex(0)
        elif n is None:
            self.editor.setCurrentIndex(1)
            if not (same and self.title_edit.text().strip() == theme.title):
                self.title_edit.setText(theme.title)
        else:
            item = theme.items[n]
            self.editor.setCurrentIndex(2)
            if not (same and self.text_edit.toPlainText().strip() == item.text):
                self.text_edit.setPlainText(item.text)
            typed = read_links(self.links_edit.text(), self._codes)
            if not (same and typed.codes == item.links):
                self.links_edit.setText(", ".join(item.links))
                typed = read_links(self.links_edit.text(), self._codes)
            self._show_links(typed.codes, typed.unknown)
        self._loading = False

    def _place(self, theme: ThemeInfo | None, n: int | None) -> tuple[int, int]:
        """The chosen row's place among its siblings, and the last place."""
        if theme is None:
            return 0, 0
        if n is None:
            return [t.id for t in self._themes].index(theme.id), len(self._themes) - 1
        return n, len(theme.items) - 1

    def _show_links(self, links: Sequence[str], unknown: Sequence[str] = ()) -> None:
        self.links_problem.setText(
            self.tr("⚠ {problem} — not saved.").format(problem=unknown_sentence(unknown))
            if unknown
            else ""
        )
        self.links_problem.setVisible(bool(unknown))
        if not links:
            self.links_label.setText(self.tr("<i>Not linked yet.</i>"))
            return
        anchors = ", ".join(f'<a href="{html.escape(c)}">{html.escape(c)}</a>' for c in links)
        self.links_label.setText(self.tr("Go to: {links}").format(links=anchors))

    # --- editing -------------------------------------------------------------------------
    def add_theme(self) -> None:
        """Add a theme at the end and put the cursor in its title."""
        if self.factsheet_id is None:
            return
        command = undo.AddTheme(self.ctx, self.factsheet_id, self.tr("New theme"))
        self.stack.push(command)
        if command.original is not None:
            self.select("theme", self.ids.current("theme", command.original))
            self.title_edit.setFocus()
            self.title_edit.selectAll()

    def add_item(self) -> None:
        """Add a recommendation to the chosen theme and put the cursor in its text."""
        theme, _n = self._find(self.current_ref())
        if theme is None:
            return
        command = undo.AddItem(self.ctx, theme.id, self.tr("New recommendation"))
        self.stack.push(command)
        if command.original is not None:
            self.select("item", self.ids.current("item", command.original))
            self.text_edit.setFocus()
            self.text_edit.selectAll()

    def move_chosen(self, step: int) -> None:
        """Move the chosen theme or item up (-1) or down (+1)."""
        self.flush()
        ref = self.current_ref()
        theme, n = self._find(ref)
        if theme is None or ref is None:
            return
        if n is None:
            old = [t.id for t in self._themes].index(theme.id)
            new = max(0, min(len(self._themes) - 1, old + step))
            if new != old:
                self.stack.push(undo.MoveTheme(self.ctx, theme.id, old, new))
        else:
            new = max(0, min(len(theme.items) - 1, n + step))
            if new != n:
                self.stack.push(undo.MoveItem(self.ctx, ref[1], n, new))
        self.select(*ref)

    def delete(self) -> None:
        """Delete the chosen theme (with its items) or item; Undo brings it back."""
        ref = self.current_ref()
        theme, n = self._find(ref)
        if theme is None or ref is None:
            return
        self._text_timer.stop()
        self._links_timer.stop()
        if n is None:
            self.stack.push(undo.DeleteTheme(self.ctx, theme.id, theme.title))
        else:
            self.stack.push(undo.DeleteItem(self.ctx, ref[1]))

    def _save_title(self) -> None:
        theme, n = self._find(self._shown_ref)
        if self._loading or theme is None or n is not None:
            return
        title = self.title_edit.text().strip()
        if title and title != theme.title:
            self.stack.push(undo.RenameTheme(self.ctx, theme.id, theme.title, title))

    def _typed(self) -> None:
        if not self._loading:
            self._text_timer.start()

    def _links_typed(self) -> None:
        if not self._loading:
            self._links_timer.start()

    def flush(self) -> None:
        """Save a pending edit of the text or the links now."""
        if self._text_timer.isActive():
            self._save_text()
        if self._links_timer.isActive():
            self._save_links()

    def _save_text(self) -> None:
        self._text_timer.stop()
        # The row in the editor, not the current one: choosing another row saves this one first.
        ref = self._shown_ref
        theme, n = self._find(ref)
        if theme is None or n is None or ref is None:
            return
        text = self.text_edit.toPlainText().strip()
        if text and text != theme.items[n].text:
            self.stack.push(undo.EditItem(self.ctx, ref[1], text, None))

    def _save_links(self) -> None:
        """Check the typed codes against the factsheet's; save the known ones, name the rest."""
        self._links_timer.stop()
        ref = self._shown_ref
        theme, n = self._find(ref)
        if self._loading or theme is None or n is None or ref is None:
            return
        typed = read_links(self.links_edit.text(), self._codes)
        self._show_links(typed.codes, typed.unknown)
        if typed.codes != theme.items[n].links:
            self.stack.push(undo.EditItem(self.ctx, ref[1], None, typed.codes))

    def _link(self, code: str) -> None:
        if self.factsheet_id is not None:
            self.jump_to_code.emit(self.factsheet_id, code)
