"""Someone else saved the assessment first: who, when, both texts side by side, and a choice.

The service refused the save (``SaveConflict``) and already recorded the refused values in the
history, so nothing typed is lost whatever is chosen here. The choices:

- **keep mine** — save mine over theirs (over the version now stored);
- **take theirs** — drop mine (it stays in the history) and show theirs;
- **merge the comments by hand** — an editor prefilled with both comments, each signed, saved
  as the comment.

``ask_resolution`` is the small function the undo commands call and tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.values import as_utc
from assessor.services.changes import Changes
from assessor.services.conflicts import Edit, SaveConflict

if TYPE_CHECKING:
    from assessor.ui.assessment_commands import AssessmentCommand

#: The choices a conflict is settled by.
KEEP_MINE = "mine"
TAKE_THEIRS = "theirs"
MERGE = "merge"


@dataclass(frozen=True)
class Resolution:
    """What the writer chose; ``text`` is the merged comment (``MERGE`` only)."""

    choice: str
    text: str = ""


translate = QCoreApplication.translate


def _field_name(field: str) -> str:
    names = {
        "rating": translate("ConflictDialog", "Rating"),
        "status": translate("ConflictDialog", "Status"),
        "rating_kept": translate("ConflictDialog", "Rating kept after the newer follow-up"),
        "comment": translate("ConflictDialog", "Comment"),
    }
    return names.get(field, field)


def _when(conflict: SaveConflict) -> str:
    return f"{as_utc(conflict.at).astimezone():%d %b %Y %H:%M}"


def _values(conflict: SaveConflict) -> tuple[dict[str, str], dict[str, str]]:
    """Each field's words on their side (stored now) and on mine (what I wanted)."""
    theirs: dict[str, str] = {}
    mine: dict[str, str] = {}
    refused: dict[str, Edit] = {e.field: e for e in conflict.mine}
    for e in conflict.theirs:
        theirs[e.field] = e.new_text
    for field, e in refused.items():
        theirs.setdefault(field, e.old_text)
        mine[field] = e.new_text
    for field, words in theirs.items():
        mine.setdefault(field, words)  # not changed by me: as they left it
    return theirs, mine


def _text(values: dict[str, str]) -> str:
    lines = [f"{_field_name(f)}: {v}" for f, v in values.items() if f != "comment"]
    if "comment" in values:
        if lines:
            lines.append("")
        lines.append(values["comment"] or translate("ConflictDialog", "(no comment)"))
    return "\n".join(lines)


def side_texts(conflict: SaveConflict) -> tuple[str, str]:
    """The two texts shown side by side: theirs (stored now) and mine (not saved)."""
    theirs, mine = _values(conflict)
    return _text(theirs), _text(mine)


def merged_comment(conflict: SaveConflict, me: str) -> str:
    """Both comments, theirs first, each signed: what the merge editor starts from."""
    theirs, mine = _values(conflict)
    who = conflict.by or translate("ConflictDialog", "Someone")
    their_sign = translate("ConflictDialog", "— {who}, {when}").format(
        who=who, when=_when(conflict)
    )
    my_sign = translate("ConflictDialog", "— {who}").format(
        who=me or translate("ConflictDialog", "me")
    )
    parts = [theirs.get("comment", "").strip(), their_sign, "", mine.get("comment", "").strip()]
    return "\n".join([*parts, my_sign])


class ConflictDialog(QDialog):
    """Who changed the assessment and when, theirs beside mine, and the three choices."""

    def __init__(
        self,
        conflict: SaveConflict,
        me: str,
        can_merge: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.conflict, self.me = conflict, me
        self._choice = TAKE_THEIRS  # closing the dialog keeps theirs (mine is in the history)
        self.setWindowTitle(self.tr("Someone else changed {code}").format(code=conflict.code))
        self.resize(760, 440)
        who = conflict.by or self.tr("Someone")
        header = QLabel(
            self.tr(
                "<b>{who} changed {code} on {when}</b>, after you opened it. Your change was not "
                "saved over theirs. Both are kept in the history, whatever you choose."
            ).format(who=who, code=conflict.code, when=_when(conflict))
        )
        header.setWordWrap(True)
        theirs_text, mine_text = side_texts(conflict)
        self.theirs = self._pane(theirs_text, self.tr("Theirs"))
        self.mine = self._pane(mine_text, self.tr("Mine"))
        theirs_box = self._box(
            self.tr("Theirs — {who}, {when}").format(who=who, when=_when(conflict)), self.theirs
        )
        mine_box = self._box(self.tr("Mine — {who}, not saved").format(who=me), self.mine)
        sides = QHBoxLayout()
        sides.addWidget(theirs_box, 1)
        sides.addWidget(mine_box, 1)

        self.editor = QPlainTextEdit(merged_comment(conflict, me))
        self.editor.setAccessibleName(self.tr("Merged comment"))
        self.editor_box = self._box(
            self.tr("The merged comment (edit it, then save it)"), self.editor
        )
        self.editor_box.hide()

        self.keep_mine = QPushButton(self.tr("Keep &mine"))
        self.keep_mine.setToolTip(self.tr("Save mine over theirs"))
        self.take_theirs = QPushButton(self.tr("Take &theirs"))
        self.take_theirs.setToolTip(self.tr("Drop mine (the history keeps it) and show theirs"))
        self.merge = QPushButton(self.tr("Merge the &comments by hand…"))
        self.merge.setVisible(can_merge)
        self.save_merged = QPushButton(self.tr("&Save the merged comment"))
        self.save_merged.hide()
        self.keep_mine.clicked.connect(lambda: self._choose(KEEP_MINE))
        self.take_theirs.clicked.connect(lambda: self._choose(TAKE_THEIRS))
        self.merge.clicked.connect(self._start_merge)
        self.save_merged.clicked.connect(lambda: self._choose(MERGE))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.merge, self.save_merged, self.take_theirs, self.keep_mine):
            button.setAutoDefault(False)
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(sides, 1)
        layout.addWidget(self.editor_box, 1)
        layout.addLayout(buttons)
        self.take_theirs.setFocus()

    def _pane(self, text: str, name: str) -> QPlainTextEdit:
        pane = QPlainTextEdit(text)
        pane.setReadOnly(True)
        pane.setAccessibleName(name)
        return pane

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        column.addWidget(widget)
        return box

    def _start_merge(self) -> None:
        self.editor_box.show()
        self.merge.hide()
        self.save_merged.show()
        self.save_merged.setDefault(True)
        self.editor.setFocus()

    def _choose(self, choice: str) -> None:
        self._choice = choice
        self.accept()

    def resolution(self) -> Resolution:
        """What was chosen (take theirs if the dialog was closed)."""
        if self._choice == MERGE:
            return Resolution(MERGE, self.editor.toPlainText().strip())
        return Resolution(self._choice)


def ask_resolution(
    parent: QWidget | None, conflict: SaveConflict, me: str, can_merge: bool
) -> Resolution:
    """Show the conflict and return the writer's choice (tests replace this)."""
    dialog = ConflictDialog(conflict, me, can_merge, parent)
    dialog.exec()
    return dialog.resolution()


def conflict_or(call: Callable[[], Any]) -> Any:
    """The service call's result, or the conflict it raised (settled here, not an error)."""
    try:
        return call()
    except SaveConflict as conflict:
        return conflict


def settle(command: AssessmentCommand, conflict: SaveConflict, undoing: bool) -> bool:
    """Ask the writer about ``conflict``; True when ``command`` should save again over theirs.

    Taking theirs drops the step (obsolete: Qt removes it) and shows theirs; keeping mine or
    merging makes the step save over the version now stored.
    """
    parent = command.runner.parent()
    answer = ask_resolution(
        parent if isinstance(parent, QWidget) else None,
        conflict,
        command.by,
        command.field == "comment" and not undoing,  # can merge
    )
    if answer.choice == TAKE_THEIRS:
        command.setObsolete(True)
        command.runner.changed.emit(Changes.of_recommendations([conflict.recommendation_id]))
        return False
    command.take_over(conflict, undoing, answer.text if answer.choice == MERGE else None)
    return True
