"""The merge screen's confusion table: how the ratings both raters gave agree (mine down,
theirs across), sized to fit beside the summary."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

from assessor.domain.merge import MergePlan
from assessor.ui.style import short_labels


def agreement_table(plan: MergePlan, labels: Mapping[str, str]) -> QTableWidget:
    """The confusion table of the ratings both gave: mine down, theirs across.

    Its words are the merge screen's (translation context ``MergeDialog``).
    """
    a = plan.agreement
    n = len(a.levels)
    used = [i for i in range(n) if any(a.table[i]) or any(a.table[r][i] for r in range(n))]
    names = short_labels([labels.get(a.levels[i], a.levels[i]) for i in used])
    table = QTableWidget(len(used), len(used))
    table.setAccessibleName(
        QCoreApplication.translate("MergeDialog", "Ratings: mine (rows) against theirs (columns)")
    )
    table.setToolTip(
        QCoreApplication.translate(
            "MergeDialog", "How many recommendations you rated as the row and they as the column"
        )
    )
    table.setHorizontalHeaderLabels(names)
    table.setVerticalHeaderLabels(names)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for r, i in enumerate(used):
        for c, j in enumerate(used):
            cell = QTableWidgetItem(str(a.table[i][j]))
            cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if i == j:
                font = cell.font()
                font.setBold(True)
                cell.setFont(font)
            table.setItem(r, c, cell)
    row_height = table.fontMetrics().height() + 6
    table.verticalHeader().setDefaultSectionSize(row_height)
    table.resizeColumnsToContents()
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    frame = 2 * table.frameWidth()
    width = table.verticalHeader().sizeHint().width() + frame
    width += sum(table.columnWidth(c) for c in range(len(used)))
    height = table.horizontalHeader().sizeHint().height() + row_height * len(used) + frame
    # Elided past these bounds (a long scale), never pushing the list off a small screen.
    table.setFixedSize(min(width, 520), min(height, 170))
    table.setVisible(bool(plan.agreement.count))
    return table
