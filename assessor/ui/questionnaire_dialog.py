"""The preview of a questionnaire import: every row with its status and reason, then Apply.

The dialog holds plain preview data and a callable that applies it (a service call the window
provides, typically wrapped by its op runner); it never touches a Session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.services.questionnaires import (
    CHANGED,
    NEW,
    REJECTED,
    PreviewRow,
    QuestionnairePreview,
    QuestionnaireReport,
    save_report,
)
from assessor.ui import dialogs

COLUMNS = ("Row", "Code", "Status", "Reason")
#: Background of a row by status: what will be written stands out, rejected rows most.
STATUS_COLORS = {NEW: "#e3f2e1", CHANGED: "#fff4d6", REJECTED: "#fde0dc"}
REPORT_FILTER = "Text files (*.txt);;All files (*)"

Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """The preview's rows as a read-only table; optionally only the rows that need a look."""

    def __init__(self, rows: tuple[PreviewRow, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all = rows
        self._rows = rows

    def show_all(self, everything: bool) -> None:
        """Show every row, or only new, changed and rejected ones."""
        self.beginResetModel()
        self._rows = (
            self._all if everything else tuple(r for r in self._all if r.status != "unchanged")
        )
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows shown (none under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The four columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, status colours, and the new follow-up as a tooltip."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(row.row), row.code, row.status, row.reason)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and row.status in STATUS_COLORS:
            return QBrush(QColor(STATUS_COLORS[row.status]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.new_text or row.reason
        return None


class QuestionnairePreviewDialog(QDialog):
    """Preview a questionnaire import, then Apply it, save the report, or cancel."""

    def __init__(
        self,
        preview: QuestionnairePreview,
        apply: Callable[[], QuestionnaireReport | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.preview = preview
        self.report: QuestionnaireReport | None = None
        self._apply = apply
        self.setWindowTitle(f"Import questionnaire — {preview.source}")
        self.resize(900, 560)

        self.summary = QLabel(self._counts_text())
        self.summary.setWordWrap(True)
        self.warnings = QLabel("\n".join(preview.warnings))
        self.warnings.setWordWrap(True)
        self.warnings.setVisible(bool(preview.warnings))
        self.warnings.setStyleSheet("color: #8a4b00;")
        self.model = PreviewModel(preview.rows, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.show_unchanged = QCheckBox("Show unchanged rows")
        self.show_unchanged.setChecked(True)
        self.show_unchanged.toggled.connect(self.model.show_all)

        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton("Apply")
        self.apply_button.setDefault(True)
        self.apply_button.setEnabled(bool(preview.to_apply))
        self.save_button = QPushButton("Save report…")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button.clicked.connect(self.apply)
        self.save_button.clicked.connect(self.save_report)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings)
        layout.addWidget(self.show_unchanged)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def _counts_text(self) -> str:
        p = self.preview
        c = p.counts
        what = (
            f"{c['new']} new, {c['changed']} changed, {c['unchanged']} unchanged, "
            f"{c['rejected']} rejected"
        )
        if self.report is not None:
            return f"Imported {self.report.applied} follow-ups from {p.source} ({p.party}): {what}."
        action = "Apply writes the new and changed follow-ups; replaced ones stay in the history."
        if not p.to_apply:
            action = "There is nothing to apply."
        return f"{p.source} — {p.party}: {len(p.rows)} rows, {what}. {action}"

    def apply(self) -> None:
        """Apply the preview through the callable given; errors are shown, not raised."""
        if self.report is not None or not self.preview.to_apply:
            return
        try:
            report = self._apply()
        except Exception as exc:  # a service refusal (stale preview, database locked): tell
            dialogs.show_error(self, "Import questionnaire", str(exc))
            return
        if report is None:  # the window's op runner reported the failure itself
            return
        self.report = report
        self.summary.setText(self._counts_text())
        self.apply_button.setEnabled(False)
        self.cancel_button.setText("Close")
        self.cancel_button.clicked.disconnect()
        self.cancel_button.clicked.connect(self.accept)

    def report_text(self) -> str:
        """The import report once applied, else the preview as a report."""
        return self.report.text() if self.report is not None else self.preview.text()

    def save_report(self) -> None:
        """Ask where, then save the report as text."""
        stem = self.preview.source.rsplit(".", 1)[0]
        path = dialogs.ask_save_path(
            self, "Save import report", f"{stem} report.txt", REPORT_FILTER
        )
        if not path:
            return
        try:
            save_report(self.report_text(), path)
        except OSError as exc:
            dialogs.show_error(self, "Save import report", f"Cannot save the report: {exc}")


def preview_and_apply(
    parent: QWidget | None,
    preview: QuestionnairePreview,
    apply: Callable[[], QuestionnaireReport | None],
) -> QuestionnaireReport | None:
    """Show the preview modally; return the report if the user applied it."""
    dialog = QuestionnairePreviewDialog(preview, apply, parent)
    dialog.exec()
    return dialog.report
