"""The review of a factsheet before it is imported: what the file will become, then Import.

The dialog draws the pure review of ``services.import_review`` (the same rule the command
line's ``import FILE --dry-run`` prints): the headline, chapters → sections → recommendations
and promising practices, the paragraphs that were not placed and the parser's warnings. It holds
plain parsed data only and writes nothing; the caller writes when it is accepted.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QStyle,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assessor.importers.factsheet_data import (
    ParsedFactsheet,
    ParsedPractice,
    ParsedRecommendation,
)
from assessor.services.import_review import headline, review_tree
from assessor.services.imports import PreparedImport
from assessor.ui.style import scope_word, verb_word
from assessor.ui.translation import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

COLUMNS = (
    QT_TRANSLATE_NOOP("ImportReviewDialog", "Code(s)"),
    QT_TRANSLATE_NOOP("ImportReviewDialog", "Verb"),
    QT_TRANSLATE_NOOP("ImportReviewDialog", "Scope"),
    QT_TRANSLATE_NOOP("ImportReviewDialog", "Follow-up"),
)
CODES, VERB, SCOPE, FOLLOW_UP = range(4)
#: The placement line when some text was not placed: the palette's warning colours.
WARNING_STYLE = (
    "QLabel { background: #fff4d6; color: #5d4000; border: 1px solid #e0b84c;"
    " border-radius: 3px; padding: 3px 6px; }"
)
NOTE_STYLE = (
    "QLabel { background: #e8f0fe; color: #0d2a5c; border: 1px solid #9ab6e8;"
    " border-radius: 3px; padding: 3px 6px; }"
)
#: Roughly what fits a 1024×600 screen with its panels: the dialog never opens larger.
DEFAULT_SIZE = QSize(960, 560)
MINIMUM_SIZE = QSize(560, 380)
NOT_PLACED_HELP = QT_TRANSLATE_NOOP(
    "ImportReviewDialog",
    "These paragraphs could not be put under a chapter, section or recommendation. They are "
    "imported as unplaced text of the chapter where they stood, so nothing is lost, but they "
    "answer no recommendation. If one is a follow-up or a recommendation, correct the file "
    "(move the box under its recommendation, restore its footnote) and import it again: a "
    "re-import keeps ratings and comments.",
)


class ReviewCounts(QObject):
    """The review's counted words (Qt's lupdate reads a plural only from ``self.tr``)."""

    def recommendations(self, n: int) -> str:
        return self.tr("%n recommendation(s)", "", n)


def reimport_note(party: str, recommendations: int, rated: int) -> str:
    """What the review says when the factsheet is already in the database."""
    return translate(
        "ImportReviewDialog",
        "This is a re-import of the existing factsheet of {party} ({recommendations}, "
        "{rated} rated). Ratings and comments are kept, matched by code; replaced follow-ups "
        "are kept in their history. The changes are listed after the import.",
    ).format(
        party=party,
        recommendations=ReviewCounts().recommendations(recommendations),
        rated=rated,
    )


def _practices(parsed: ParsedFactsheet) -> Iterator[ParsedPractice]:
    for chapter in parsed.chapters:
        for section in chapter.sections:
            yield from (i for i in section.items if isinstance(i, ParsedPractice))


def _flat(text: str) -> str:
    return " ".join(text.split())


class ImportReviewDialog(QDialog):
    """What a factsheet file will become, with Import (default) and Cancel."""

    def __init__(
        self, prepared: PreparedImport, reimport: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert prepared.factsheet is not None
        parsed = prepared.factsheet
        self.parsed = parsed
        self.setWindowTitle(self.tr("Import {source}").format(source=prepared.source))
        self.setSizeGripEnabled(True)
        self.setMinimumSize(MINIMUM_SIZE)
        layout = QVBoxLayout(self)

        lines = headline(parsed)
        self.file_label = QLabel(f"<b>{html.escape(prepared.source)}</b> — {html.escape(lines[0])}")
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.file_label)
        self.placement_label = QLabel(lines[1])
        self.placement_label.setWordWrap(True)
        self.placed_fully = not parsed.unplaced
        if not self.placed_fully:
            self.placement_label.setStyleSheet(WARNING_STYLE)
            self.placement_label.setToolTip(self.tr(NOT_PLACED_HELP))
        layout.addWidget(self.placement_label)
        self.counts_label = QLabel(lines[2])
        self.counts_label.setWordWrap(True)
        layout.addWidget(self.counts_label)
        self.reimport_label = QLabel(reimport)
        self.reimport_label.setWordWrap(True)
        self.reimport_label.setStyleSheet(NOTE_STYLE)
        self.reimport_label.setVisible(bool(reimport))
        layout.addWidget(self.reimport_label)

        self.tabs = QTabWidget()
        self.tree = self._build_tree(parsed)
        self.tabs.addTab(self.tree, self.tr("Factsheet"))
        self.tabs.addTab(
            self._build_unplaced(parsed),
            self.tr("Not placed ({count})").format(count=len(parsed.unplaced)),
        )
        if parsed.unplaced:
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.tabs.setTabIcon(1, icon)
        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        self.warnings.setAlternatingRowColors(True)
        for warning in parsed.warnings:
            self.warnings.addItem(str(warning))
        if not parsed.warnings:
            self.warnings.addItem(self.tr("Nothing to check."))
        self.tabs.addTab(
            self.warnings, self.tr("Warnings ({count})").format(count=len(parsed.warnings))
        )
        layout.addWidget(self.tabs, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.import_button.setAutoDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(self._default_size())
        self.import_button.setFocus()

    # --- parts ---------------------------------------------------------------------------
    def _build_tree(self, parsed: ParsedFactsheet) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setColumnCount(len(COLUMNS))
        tree.setHeaderLabels([self.tr(title) for title in COLUMNS])
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        bold = QFont(tree.font())
        bold.setBold(True)
        italic = QFont(tree.font())
        italic.setItalic(True)
        # The pure review emits every recommendation and practice in document order: the
        # parsed objects, walked in the same order, give the full texts for the tooltips.
        recommendations: Iterator[ParsedRecommendation] = iter(parsed.recommendations)
        practices = _practices(parsed)
        parents: dict[int, QTreeWidgetItem] = {}
        self._rows: list[tuple[str, QTreeWidgetItem]] = []  # in document order
        for line in review_tree(parsed):
            parent = parents.get(line.depth - 1)
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(tree)
            item.setData(CODES, Qt.ItemDataRole.UserRole, line.kind)
            if line.kind == "recommendation":
                rec = next(recommendations)
                item.setText(CODES, line.text)
                item.setText(VERB, verb_word(rec.verb))
                item.setText(SCOPE, scope_word(rec.scope))
                item.setText(FOLLOW_UP, line.follow_up or "—")
                item.setToolTip(CODES, _flat(rec.text))
                item.setToolTip(VERB, _flat(rec.text))
                item.setToolTip(
                    FOLLOW_UP, rec.follow_up.strip() if rec.follow_up else self.tr("No follow-up")
                )
                item.setData(FOLLOW_UP, Qt.ItemDataRole.UserRole, rec.follow_up or "")
            elif line.kind == "practice":
                practice = next(practices)
                item.setText(CODES, self.tr("Promising practice"))
                item.setText(FOLLOW_UP, line.text)
                item.setToolTip(CODES, _flat(practice.text))
                item.setToolTip(FOLLOW_UP, _flat(practice.text))
                item.setFont(CODES, italic)
            else:
                item.setText(CODES, line.text)
                item.setToolTip(CODES, line.text)
                item.setFirstColumnSpanned(True)
                if line.kind == "chapter":
                    item.setFont(CODES, bold)
            parents[line.depth] = item
            self._rows.append((line.kind, item))
        tree.expandAll()
        metrics = tree.fontMetrics()
        tree.setColumnWidth(CODES, metrics.horizontalAdvance("III-16, III-18, III-20 ") + 60)
        # As wide as the longest word in the window's language ("request", « spécifique »).
        verbs = max(metrics.horizontalAdvance(f"{verb_word(v)} ") for v in ("request", "require"))
        scopes = max(
            metrics.horizontalAdvance(f"{scope_word(s)} ") for s in ("specific", "generic")
        )
        tree.setColumnWidth(VERB, verbs + 16)
        tree.setColumnWidth(SCOPE, scopes + 16)
        return tree

    def _build_unplaced(self, parsed: ParsedFactsheet) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(4, 4, 4, 4)
        help_label = QLabel(
            self.tr(NOT_PLACED_HELP) if parsed.unplaced else self.tr("All the text was placed.")
        )
        help_label.setWordWrap(True)
        box.addWidget(help_label)
        self.unplaced = QListWidget()
        self.unplaced.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.unplaced.setAlternatingRowColors(True)
        self._unplaced_items: list[QListWidgetItem] = []
        for where in parsed.unplaced:
            item = QListWidgetItem(f"{where.where}: {_flat(where.text)}")
            item.setToolTip(where.text)
            item.setData(Qt.ItemDataRole.UserRole, where.text)
            self.unplaced.addItem(item)
            self._unplaced_items.append(item)
        self.unplaced_text = QPlainTextEdit()
        self.unplaced_text.setReadOnly(True)
        self.unplaced_text.setPlaceholderText(self.tr("Choose a paragraph to read it whole."))
        self.unplaced.currentItemChanged.connect(self._show_unplaced)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.unplaced)
        split.addWidget(self.unplaced_text)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        box.addWidget(split, 1)
        page.setEnabled(bool(parsed.unplaced))
        if parsed.unplaced:
            self.unplaced.setCurrentRow(0)
        return page

    def _show_unplaced(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        self.unplaced_text.setPlainText(item.data(Qt.ItemDataRole.UserRole) if item else "")

    def _default_size(self) -> QSize:
        """DEFAULT_SIZE, shrunk to the screen's free area (a 1024×600 netbook too)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return DEFAULT_SIZE
        free = screen.availableGeometry().size() - QSize(40, 60)
        return DEFAULT_SIZE.boundedTo(free).expandedTo(MINIMUM_SIZE)

    # --- reading it (tests) --------------------------------------------------------------
    def chapter_rows(self) -> list[str]:
        """The chapters' texts, as shown at the top level of the tree."""
        return [item.text(CODES) for item in self.rows_of("chapter")]

    def find_row(self, codes: str) -> QTreeWidgetItem | None:
        """The recommendation row whose codes column reads ``codes``."""
        found = self.tree.findItems(codes, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return found[0] if found else None

    def rows_of(self, kind: str) -> list[QTreeWidgetItem]:
        """The tree's rows of one kind (chapter, section, recommendation, practice)."""
        return [item for shown, item in self._rows if shown == kind]

    def unplaced_rows(self) -> list[str]:
        """The "Not placed" list's lines."""
        return [item.text() for item in self._unplaced_items]


def ask_import_review(parent: QWidget | None, prepared: PreparedImport, reimport: str = "") -> bool:
    """Show the review of a factsheet about to be imported; True when Import was chosen."""
    dialog = ImportReviewDialog(prepared, reimport, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
