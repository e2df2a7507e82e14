"""The preview of a questionnaire import: every row with what the State wrote, then Apply.

Each row shows its status and reason, the State's answer (its start; the whole of it in the
tooltip and in the detail area under the table when the row is chosen), the State's own status
and references, and the follow-up it would replace, so changes are judged before they are
applied. The dialog holds plain preview data and a callable that applies it (a service call
the window provides, typically wrapped by its op runner); it never touches a Session.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.scope import snippet
from assessor.services.questionnaires import (
    ANSWER_CHARS,
    CHANGED,
    NEW,
    REJECTED,
    PreviewRow,
    QuestionnairePreview,
    QuestionnaireReport,
    save_report,
)
from assessor.ui import dialogs
from assessor.ui.style import Translated
from assessor.ui.translation import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

COLUMNS = (
    QT_TRANSLATE_NOOP("questionnaire_dialog", "Row"),
    QT_TRANSLATE_NOOP("questionnaire_dialog", "Code"),
    QT_TRANSLATE_NOOP("questionnaire_dialog", "Status"),
    QT_TRANSLATE_NOOP("questionnaire_dialog", "Reason"),
    QT_TRANSLATE_NOOP("questionnaire_dialog", "Answer"),
    QT_TRANSLATE_NOOP("questionnaire_dialog", "State's status"),
    QT_TRANSLATE_NOOP("questionnaire_dialog", "References"),
    QT_TRANSLATE_NOOP("questionnaire_dialog", "Replaces"),
)
#: A row's status as the preview names it.
STATUS_WORDS = Translated(
    "questionnaire_dialog",
    {
        "new": QT_TRANSLATE_NOOP("questionnaire_dialog", "new"),
        "changed": QT_TRANSLATE_NOOP("questionnaire_dialog", "changed"),
        "unchanged": QT_TRANSLATE_NOOP("questionnaire_dialog", "unchanged"),
        "rejected": QT_TRANSLATE_NOOP("questionnaire_dialog", "rejected"),
    },
)
ANSWER, STATE_STATUS, REFERENCES, REPLACES = 4, 5, 6, 7
#: Background of a row by status: what will be written stands out, rejected rows most.
STATUS_COLORS = {NEW: "#e3f2e1", CHANGED: "#fff4d6", REJECTED: "#fde0dc"}
REPORT_FILTER = QT_TRANSLATE_NOOP("file_dialogs", "Text files (*.txt);;All files (*)")


class PreviewCounts(QObject):
    """The preview's counted words (lupdate reads a plural only from ``self.tr``)."""

    def imported(self, n: int) -> str:
        return self.tr("Imported %n follow-up(s) from {source} ({party}): {what}.", "", n)

    def rows(self, n: int) -> str:
        return self.tr("{source} — {party}: %n row(s), {what}. {action}", "", n)


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
        """The columns of ``COLUMNS``."""
        return 0 if parent.isValid() else len(COLUMNS)

    def row_at(self, row: int) -> PreviewRow | None:
        """The preview row shown at ``row``, or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("questionnaire_dialog", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text (answers cut short), status colours, and whole texts as tooltips."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(row.row),
                row.code,
                STATUS_WORDS.get(row.status, row.status),
                row.reason,
                snippet(row.new_text, ANSWER_CHARS),
                row.new_state_status,
                row.new_references,
                snippet(replaced(row), ANSWER_CHARS),
            )[column]
        if role == Qt.ItemDataRole.BackgroundRole and row.status in STATUS_COLORS:
            return QBrush(QColor(STATUS_COLORS[row.status]))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == REPLACES and replaced(row):
                return "\n\n".join(t for t in (row.old_text, row.old_state_line) if t)
            if column in (ANSWER, STATE_STATUS, REFERENCES) and (
                row.new_text or row.new_state_line
            ):
                return "\n\n".join(t for t in (row.new_text, row.new_state_line) if t)
            return row.reason
        return None


def replaced(row: PreviewRow) -> str:
    """The current follow-up a row would replace; empty when applying it replaces nothing."""
    return row.old_text if row.status == CHANGED else ""


def _text_html(text: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip()).replace(
        "\n", "<br>"
    )


def detail_html(row: PreviewRow | None) -> str:
    """Everything about one preview row: the whole answer, and what it would replace."""
    if row is None:
        return translate(
            "questionnaire_dialog",
            "<p style='color:gray'>Choose a row to read the State’s whole answer here.</p>",
        )
    code = html.escape(row.code or translate("questionnaire_dialog", "(no code)"))
    head = translate("questionnaire_dialog", "Row {row} · {code} · {status}").format(
        row=row.row, code=code, status=STATUS_WORDS.get(row.status, row.status)
    )
    parts = [
        f"<p><b>{head}</b> — {html.escape(row.reason)}</p>",
        "<h4 style='margin-bottom:0'>"
        + translate("questionnaire_dialog", "The State’s answer")
        + "</h4>",
    ]
    if row.new_state_line:
        parts.append(f"<p style='margin:0'><small>{html.escape(row.new_state_line)}</small></p>")
    parts.append(
        _text_html(row.new_text)
        if row.new_text
        else translate("questionnaire_dialog", "<p style='color:gray'>No answer.</p>")
    )
    if row.status in (NEW, CHANGED):
        heading = (
            translate("questionnaire_dialog", "The follow-up it replaces (kept in the history)")
            if row.old_text
            else translate("questionnaire_dialog", "The follow-up it replaces")
        )
        parts.append(f"<h4 style='margin-bottom:0'>{heading}</h4>")
        if row.old_state_line:
            parts.append(
                f"<p style='margin:0'><small>{html.escape(row.old_state_line)}</small></p>"
            )
        parts.append(
            _text_html(row.old_text)
            if row.old_text
            else translate(
                "questionnaire_dialog",
                "<p style='color:gray'>None: this is the first follow-up.</p>",
            )
        )
    elif row.old_text:
        parts.append(
            "<h4 style='margin-bottom:0'>"
            + translate("questionnaire_dialog", "The current follow-up (kept)")
            + "</h4>"
        )
        if row.old_state_line:
            parts.append(
                f"<p style='margin:0'><small>{html.escape(row.old_state_line)}</small></p>"
            )
        parts.append(_text_html(row.old_text))
    return "".join(parts)


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
        self.setWindowTitle(
            self.tr("Import questionnaire — {source}").format(source=preview.source)
        )
        self.resize(1100, 680)

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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # One line a row, cut short: the whole texts are in the tooltips and the detail area.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in (0, 1, 2, STATE_STATUS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for col, width in ((3, 220), (REFERENCES, 130), (REPLACES, 220)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setSectionResizeMode(ANSWER, QHeaderView.ResizeMode.Stretch)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(
            self.tr("The chosen row: the State’s answer and what it replaces")
        )
        self.detail.setHtml(detail_html(None))
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.model.modelReset.connect(lambda: self.detail.setHtml(detail_html(None)))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.show_unchanged = QCheckBox(self.tr("Show unchanged rows"))
        self.show_unchanged.setChecked(True)
        self.show_unchanged.toggled.connect(self.model.show_all)

        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setDefault(True)
        self.apply_button.setEnabled(bool(preview.to_apply))
        self.save_button = QPushButton(self.tr("Save report…"))
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
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        first = next(
            (i for i, r in enumerate(preview.rows) if r.status in (NEW, CHANGED, REJECTED)), None
        )
        if first is not None:  # the first row worth a look is chosen and shown in full
            self.table.selectRow(first)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.setHtml(detail_html(self.model.row_at(current.row())))

    def _counts_text(self) -> str:
        p = self.preview
        c = p.counts
        what = self.tr("{new} new, {changed} changed, {unchanged} unchanged, {rejected} rejected")
        what = what.format(**{k: c[k] for k in ("new", "changed", "unchanged", "rejected")})
        if self.report is not None:
            return (
                PreviewCounts()
                .imported(self.report.applied)
                .format(source=p.source, party=p.party, what=what)
            )
        action = self.tr(
            "Apply writes the new and changed follow-ups; replaced ones stay in the history."
        )
        if not p.to_apply:
            action = self.tr("There is nothing to apply.")
        return (
            PreviewCounts()
            .rows(len(p.rows))
            .format(source=p.source, party=p.party, what=what, action=action)
        )

    def apply(self) -> None:
        """Apply the preview through the callable given; errors are shown, not raised."""
        if self.report is not None or not self.preview.to_apply:
            return
        try:
            report = self._apply()
        except Exception as exc:  # a service refusal (stale preview, database locked): tell
            dialogs.show_error(self, self.tr("Import questionnaire"), str(exc))
            return
        if report is None:  # the window's op runner reported the failure itself
            return
        self.report = report
        self.summary.setText(self._counts_text())
        self.apply_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.clicked.disconnect()
        self.cancel_button.clicked.connect(self.accept)

    def report_text(self) -> str:
        """The import report once applied, else the preview as a report."""
        return self.report.text() if self.report is not None else self.preview.text()

    def save_report(self) -> None:
        """Ask where, then save the report as text."""
        stem = self.preview.source.rsplit(".", 1)[0]
        path = dialogs.ask_save_path(
            self, self.tr("Save import report"), f"{stem} report.txt", REPORT_FILTER
        )
        if not path:
            return
        try:
            save_report(self.report_text(), path)
        except OSError as exc:
            dialogs.show_error(
                self,
                self.tr("Save import report"),
                self.tr("Cannot save the report: {error}").format(error=exc),
            )


def preview_and_apply(
    parent: QWidget | None,
    preview: QuestionnairePreview,
    apply: Callable[[], QuestionnaireReport | None],
) -> QuestionnaireReport | None:
    """Show the preview modally; return the report if the user applied it."""
    dialog = QuestionnairePreviewDialog(preview, apply, parent)
    dialog.exec()
    return dialog.report
