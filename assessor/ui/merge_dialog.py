"""The conflict screen of File → Merge a colleague's assessment….

It shows a prepared ``MergePlan`` (nothing is written while it is open): from whom and when,
what matched, the counts of each kind, the agreement on the ratings both gave, and every
difference — the conflicts side by side, each with *Keep mine* / *Take theirs* (and *Keep
both* for texts). Apply is possible once every conflict has a choice; the caller then applies
the plan through the op runner as one undo step (``exchange_actions``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.merge import Choice, Difference, Kind, MergePlan, Side
from assessor.ui.merge_agreement import agreement_table
from assessor.ui.merge_summary import (
    CHOICE_WORDS,
    KIND_WORDS,
    SUBJECTS,
    esc,
    shown_value,
    signature,
    summary_html,
    word,
)
from assessor.ui.translation import QT_TRANSLATE_NOOP

NO_CHOICE = QT_TRANSLATE_NOOP("MergeDialog", "Choose…")
COLUMNS = (
    QT_TRANSLATE_NOOP("MergeDialog", "Recommendation"),
    QT_TRANSLATE_NOOP("MergeDialog", "What"),
    QT_TRANSLATE_NOOP("MergeDialog", "Mine"),
    QT_TRANSLATE_NOOP("MergeDialog", "Theirs"),
    QT_TRANSLATE_NOOP("MergeDialog", "Choice"),
)
ROLE_KEY = Qt.ItemDataRole.UserRole


class MergeDialog(QDialog):
    """Review a merge and choose, for every conflict, mine, theirs or both."""

    def __init__(
        self, plan: MergePlan, labels: Mapping[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.plan, self.labels = plan, labels
        self.choices: dict[str, Choice] = {}
        self._rows: dict[str, int] = {}
        self.setWindowTitle(self.tr("Merge {source}").format(source=plan.source_words))
        self.setSizeGripEnabled(True)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.summary = QLabel(summary_html(plan))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(self.tr("Summary of the merge"))
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        top.addWidget(self.summary, 1)
        self.agreement_table = agreement_table(plan, labels)
        confusion = QVBoxLayout()
        caption = QLabel(self.tr("Ratings you both gave (rows: yours, columns: theirs)"))
        caption.setVisible(bool(self.plan.agreement.count))
        confusion.addWidget(caption)
        confusion.addWidget(self.agreement_table)
        confusion.addStretch(1)
        top.addLayout(confusion)
        layout.addLayout(top)

        self.only_conflicts = QCheckBox(self.tr("Only &conflicts"))
        self.only_conflicts.setChecked(bool(plan.conflicts))
        self.only_conflicts.setEnabled(bool(plan.conflicts))
        self.only_conflicts.toggled.connect(self._filter)
        layout.addWidget(self.only_conflicts)

        self.table = self._differences_table()
        self.detail = self._detail_pane()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

        bottom = QHBoxLayout()
        self.all_mine = QPushButton(self.tr("Keep mine for &all"))
        self.all_theirs = QPushButton(self.tr("Ta&ke theirs for all"))
        self.all_mine.clicked.connect(lambda: self.choose_all(Choice.MINE))
        self.all_theirs.clicked.connect(lambda: self.choose_all(Choice.THEIRS))
        for button in (self.all_mine, self.all_theirs):
            button.setEnabled(bool(plan.conflicts))
            bottom.addWidget(button)
        bottom.addStretch(1)
        self.remaining = QLabel()
        self.remaining.setAccessibleName(self.tr("Conflicts left"))
        bottom.addWidget(self.remaining)
        self.apply_button = QPushButton(self.tr("Appl&y"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        bottom.addWidget(self.apply_button)
        bottom.addWidget(self.cancel_button)
        layout.addLayout(bottom)

        self._filter()
        self._update_remaining()
        self.resize(1000, 580)  # fits a 1024×600 screen; larger screens may enlarge it
        first = self.first_shown_row()
        if first is not None:
            self.table.selectRow(first)
        self.table.setFocus()

    # --- building ------------------------------------------------------------------------
    def _differences_table(self) -> QTableWidget:
        table = QTableWidget(len(self.plan.differences), len(COLUMNS))
        table.setAccessibleName(self.tr("Differences"))
        table.setHorizontalHeaderLabels([self.tr(title) for title in COLUMNS])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        several = len({fs.party for fs in self.plan.factsheets}) > 1
        for row, d in enumerate(self.plan.differences):
            self._rows[d.key] = row
            label = f"{d.party} {d.label}" if several else d.label
            cells = [
                label,
                word(SUBJECTS.get(d.subject, d.subject)),
                self._one_line(d, d.mine),
                self._one_line(d, d.theirs),
                word(KIND_WORDS[d.kind]) if d.kind in KIND_WORDS else self.tr(NO_CHOICE),
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ROLE_KEY, d.key)
                if col in (2, 3):
                    side = d.mine if col == 2 else d.theirs
                    cell.setToolTip(f"{shown_value(d, side, self.labels)}\n— {signature(side)}")
                if d.kind is Kind.CONFLICT and col == 4:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                table.setItem(row, col, cell)
        table.setColumnWidth(0, 130)
        table.setColumnWidth(1, 150)
        table.setColumnWidth(4, 190)
        table.itemSelectionChanged.connect(self._show_current)
        return table

    def _one_line(self, d: Difference, side: Side) -> str:
        text = " ".join(shown_value(d, side, self.labels).split())
        return f"{text} — {side.by}" if side.by else text

    def _detail_pane(self) -> QWidget:
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        sides = QHBoxLayout()
        self.mine_box, self.mine_text = self._side_box(self.tr("Mine"))
        self.theirs_box, self.theirs_text = self._side_box(self.tr("Theirs"))
        sides.addWidget(self.mine_box)
        sides.addWidget(self.theirs_box)
        column.addLayout(sides, 1)
        buttons = QHBoxLayout()
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons.addWidget(self.note, 1)
        self.choice_buttons: dict[Choice, QPushButton] = {}
        for choice, text in (
            (Choice.MINE, self.tr("Keep &mine")),
            (Choice.THEIRS, self.tr("Take &theirs")),
            (Choice.BOTH, self.tr("Keep &both")),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, ch=choice: self.choose_current(ch))
            buttons.addWidget(button)
            self.choice_buttons[choice] = button
        self.choice_buttons[Choice.BOTH].setToolTip(
            self.tr("Both texts, yours above theirs, each signed with its author and date")
        )
        column.addLayout(buttons)
        return pane

    def _side_box(self, title: str) -> tuple[QGroupBox, QTextBrowser]:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(6, 4, 6, 4)
        text = QTextBrowser()
        text.setAccessibleName(title)
        text.setOpenLinks(False)
        inner.addWidget(text)
        return box, text

    # --- showing -------------------------------------------------------------------------
    def first_shown_row(self) -> int | None:
        """The first row the filter shows."""
        return next(
            (r for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)), None
        )

    def shown_keys(self) -> list[str]:
        """The keys of the differences listed now (in order)."""
        return [
            d.key for d in self.plan.differences if not self.table.isRowHidden(self._rows[d.key])
        ]

    def current(self) -> Difference | None:
        """The difference selected in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.plan.differences[rows[0].row()] if rows else None

    def select(self, key: str) -> None:
        """Select the difference with ``key`` (showing it if the filter hid it)."""
        row = self._rows[key]
        if self.table.isRowHidden(row):
            self.only_conflicts.setChecked(False)
        self.table.selectRow(row)
        self.table.scrollTo(self.table.model().index(row, 0))

    def _filter(self) -> None:
        only = self.only_conflicts.isChecked()
        for d in self.plan.differences:
            self.table.setRowHidden(self._rows[d.key], only and d.kind is not Kind.CONFLICT)
        shown = self.current()
        if shown is None or self.table.isRowHidden(self._rows[shown.key]):
            first = self.first_shown_row()
            if first is not None:
                self.table.selectRow(first)

    def _side_html(self, d: Difference, side: Side, theirs: bool) -> str:
        value = esc(shown_value(d, side, self.labels)).replace("\n", "<br>")
        lines = [
            f"<p>{value}</p>",
            f"<p style='color:gray'>— {esc(signature(side))}</p>",
        ]
        if d.subject == "follow_up":
            prefix = "" if theirs else "mine_"
            status = d.detail(f"{prefix}state_status")
            refs = d.detail(f"{prefix}references")
            extra = [
                self.tr("State's status: {status}").format(status=status) if status else "",
                refs or "",
            ]
            lines += [f"<p>{esc(x)}</p>" for x in extra if x]
        return "".join(lines)

    def _show_current(self) -> None:
        d = self.current()
        self.mine_text.setHtml(self._side_html(d, d.mine, False) if d else "")
        self.theirs_text.setHtml(self._side_html(d, d.theirs, True) if d else "")
        conflict = d is not None and d.kind is Kind.CONFLICT
        chosen = self.choices.get(d.key) if d else None
        for choice, button in self.choice_buttons.items():
            button.setVisible(d is None or choice in d.choices)
            button.setEnabled(conflict)
            button.setChecked(chosen is choice)
        self.mine_box.setTitle(
            self.tr("Mine — {label}").format(label=d.label) if d else self.tr("Mine")
        )
        self.theirs_box.setTitle(
            self.tr("Theirs ({name}) — {label}").format(name=self.plan.their_name, label=d.label)
            if d
            else self.tr("Theirs")
        )
        if d is None:
            self.note.setText("")
        elif d.kind is Kind.ONLY_THEIRS:
            self.note.setText(self.tr("Only theirs changed this: theirs is taken."))
        elif d.kind is Kind.ONLY_MINE:
            self.note.setText(self.tr("Only you changed this: yours is kept."))
        elif chosen is Choice.BOTH:
            self.note.setText(self.tr("Both kept: yours above theirs, each signed."))
        elif chosen is not None:
            said = word(CHOICE_WORDS[chosen]).lower()
            self.note.setText(self.tr("Chosen: {choice}.").format(choice=said))
        else:
            self.note.setText(self.tr("Both of you changed this: choose which to keep."))

    # --- choosing ------------------------------------------------------------------------
    def choose(self, key: str, choice: Choice) -> None:
        """Settle the conflict ``key``."""
        d = self.plan.differences[self._rows[key]]
        if d.kind is not Kind.CONFLICT or choice not in d.choices:
            return
        self.choices[key] = choice
        cell = self.table.item(self._rows[key], 4)
        if cell is not None:
            cell.setText(word(CHOICE_WORDS[choice]))
        self._update_remaining()

    def choose_current(self, choice: Choice) -> None:
        """A choice button: settle the selected conflict, then go to the next unsettled one."""
        d = self.current()
        if d is None:
            return
        self.choose(d.key, choice)
        following = [k for k in self.shown_keys() if k not in self.choices]
        after = [k for k in following if self._rows[k] > self._rows[d.key]]
        if after or following:
            self.select((after or following)[0])
        else:
            self._show_current()

    def choose_all(self, choice: Choice) -> None:
        """Keep mine (or take theirs) for every conflict, replacing the choices made."""
        for d in self.plan.conflicts:
            self.choose(d.key, choice)
        self._show_current()

    def unresolved(self) -> list[Difference]:
        """The conflicts still without a choice."""
        return [d for d in self.plan.conflicts if d.key not in self.choices]

    def _update_remaining(self) -> None:
        left = len(self.unresolved())
        self.apply_button.setEnabled(left == 0)
        if left:
            self.remaining.setText(self.tr("%n conflict(s) still need(s) a choice", "", left))
            self.apply_button.setToolTip(self.tr("Choose for every conflict first"))
        else:
            kinds = Counter(d.kind for d in self.plan.differences)
            taken = kinds[Kind.ONLY_THEIRS] + sum(
                1 for c in self.choices.values() if c is not Choice.MINE
            )
            self.remaining.setText(self.tr("Apply takes %n change(s)", "", taken))
            self.apply_button.setToolTip("")


def ask_merge_choices(
    parent: QWidget | None, plan: MergePlan, labels: Mapping[str, str]
) -> dict[str, Choice] | None:
    """Show the conflict screen; the choices made when applied, None if cancelled."""
    dialog = MergeDialog(plan, labels, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dict(dialog.choices)
