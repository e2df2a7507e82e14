"""The workbench's layout: the tree under the filters, the finding and follow-up side by side
above the assessment, every pane foldable on a small screen."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QTreeView, QVBoxLayout, QWidget

from assessor.ui.tree_delegate import TreeDelegate


def make_tree(model: QAbstractItemModel) -> QTreeView:
    """The factsheet tree over its model: one row selected, uniform rows, no header."""
    tree = QTreeView()
    tree.setModel(model)
    tree.setItemDelegate(TreeDelegate(tree))
    tree.setHeaderHidden(True)
    tree.setUniformRowHeights(True)  # lets the view skip measuring every row
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setAccessibleName(
        QCoreApplication.translate(
            "workbench_layout", "Factsheets, chapters, sections and recommendations"
        )
    )
    tree.setIndentation(14)
    return tree


def split_panes(
    owner: QWidget,
    filters: QWidget,
    tree: QWidget,
    finding: QWidget,
    follow_up: QWidget,
    assessment: QWidget,
) -> tuple[QSplitter, QSplitter, QSplitter]:
    """Lay the panes out in ``owner``; the splitters (reading, right, main) are returned."""
    left = QWidget()
    ll = QVBoxLayout(left)
    ll.setContentsMargins(0, 0, 0, 0)
    ll.setSpacing(0)
    ll.addWidget(filters)
    ll.addWidget(tree, 1)
    reading = QSplitter(Qt.Orientation.Horizontal)
    reading.addWidget(finding)
    reading.addWidget(follow_up)
    right = QSplitter(Qt.Orientation.Vertical)
    right.addWidget(reading)
    right.addWidget(assessment)
    right.setStretchFactor(0, 3)
    right.setStretchFactor(1, 2)
    main = QSplitter(Qt.Orientation.Horizontal)
    main.addWidget(left)
    main.addWidget(right)
    main.setStretchFactor(0, 2)
    main.setStretchFactor(1, 5)
    # On a small laptop screen any pane can be folded away by dragging its edge (and
    # brought back the same way): the tree, the finding, the follow-up, the assessment.
    for splitter in (reading, right, main):
        splitter.setChildrenCollapsible(True)
    main.setSizes([470, 896])
    right.setSizes([520, 210])
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(main)
    return reading, right, main
