"""The assessment: rating, a comment saved as you type, draft/final, and the scope mark."""

from __future__ import annotations

import itertools
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.values import RecommendationDetail, as_utc
from assessor.ui.rating_widget import RatingWidget
from assessor.ui.style import verb_word
from assessor.ui.translation import local_text

#: How long typing pauses before the comment is saved.
COMMENT_DELAY_MS = 700


class CommentEdit(QPlainTextEdit):
    """A comment box whose Undo/Redo keys reach the window's undo stack.

    Its own undo would silently diverge from what is saved; the window's stack undoes the
    saved edits instead (the pending text is saved first).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)  # Tab moves on, as in a form; the rating flow stays on keys

    def event(self, e: QEvent) -> bool:
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and (
                e.matches(QKeySequence.StandardKey.Undo) or e.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            e.ignore()  # let the window's Undo/Redo actions have the key
            return False
        return super().event(e)


class AssessmentPane(QWidget):
    """Edits one recommendation's assessment; every edit is emitted, never saved here."""

    rating_chosen = Signal(int, object)  # recommendation id, key or None
    comment_edited = Signal(int, str, str)  # recommendation id, old text, new text
    status_chosen = Signal(int, str)  # recommendation id, "draft" or "final"
    rating_kept = Signal(int)  # recommendation id: the rating stands after a newer follow-up

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("<b>Assessment</b>"))
        self.scope_mark = QLabel()
        self.scope_mark.setAccessibleName(self.tr("Compliance scope"))
        # May shrink on a narrow window rather than widen it; at its natural width otherwise.
        self.scope_mark.setMinimumWidth(40)
        self.scope_mark.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 4px; padding: 2px 6px; }"
        )
        self.rating = RatingWidget()
        self.comment = CommentEdit()
        self.comment.setAccessibleName(self.tr("Comment"))
        self.comment.setPlaceholderText(self.tr("Your comment — saved as you type."))
        comment_label = QLabel(self.tr("&Comment"))
        comment_label.setBuddy(self.comment)
        # Alt+F is the File menu's: no label of the window may share a menu's mnemonic.
        self.final = QCheckBox(self.tr("F&inal (ready for the Committee)"))
        self.final.setAccessibleName(self.tr("Final"))
        # Shown when the State's follow-up changed after the rating: read it, then keep or
        # change the rating (any change to the assessment also clears it).
        self.review = QLabel(
            self.tr(
                "↻ The State’s follow-up changed after this rating was given. Read it, then "
                "keep the rating or choose another."
            )
        )
        self.review.setWordWrap(True)
        self.review.setAccessibleName(self.tr("Follow-up newer than the rating"))
        self.keep = QPushButton(self.tr("&Keep this rating"))
        self.keep.setToolTip(self.tr("The rating stands after reading the newer follow-up"))
        self.keep.clicked.connect(self._keep)
        review_row = QHBoxLayout()
        review_row.addWidget(self.review, 1)
        review_row.addWidget(self.keep)
        self.review_row = QWidget()
        self.review_row.setLayout(review_row)
        review_row.setContentsMargins(0, 0, 0, 0)
        self.review_row.hide()
        self.saved = QLabel()
        self.saved.setAccessibleName(self.tr("Save state"))
        self.saved.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.scope_mark)
        header.addStretch(1)
        header.addWidget(self.final)
        footer = QHBoxLayout()
        footer.addWidget(comment_label)
        footer.addStretch(1)
        footer.addWidget(self.saved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.rating)
        layout.addWidget(self.review_row)
        layout.addLayout(footer)
        layout.addWidget(self.comment, 1)

        self._rec_id: int | None = None
        self._read_only = False
        self._rating_allowed = True
        self._why_not = ""
        self._saved_comment = ""
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMENT_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.comment.textChanged.connect(self._typed)
        self.comment.installEventFilter(self)
        self.rating.rating_chosen.connect(self._rate)
        self.final.toggled.connect(self._final_toggled)
        self.show_detail(None)

    def _order_tabs(self) -> None:
        """Tab walks the rating buttons, then Final, Keep and the comment (as a form reads)."""
        chain = [*self.rating.buttons.values(), self.final, self.keep, self.comment]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def set_read_only(self, on: bool) -> None:
        """Show the assessment without letting it change (the comment stays selectable)."""
        self._read_only = on
        self._enable_rating()
        self.comment.setReadOnly(on)
        self.comment.setPlaceholderText("" if on else self.tr("Your comment — saved as you type."))

    def set_rating_allowed(self, on: bool, why_not: str = "") -> None:
        """Let the rating, Final and Keep act, or not (the tree's cursor is elsewhere)."""
        if (on, why_not) != (self._rating_allowed, self._why_not):
            self._rating_allowed, self._why_not = on, why_not
            self._enable_rating()

    def _enable_rating(self) -> None:
        on = self._rating_allowed and not self._read_only
        for widget in (self.rating, self.final, self.keep):
            widget.setEnabled(on)
        self.rating.setToolTip("" if on else self._why_not)
        self.final.setToolTip("" if on else self._why_not)

    @property
    def recommendation_id(self) -> int | None:
        """The recommendation being assessed."""
        return self._rec_id

    def show_detail(self, detail: RecommendationDetail | None) -> None:
        """Show a recommendation's assessment; a pending comment is saved first."""
        self.flush()
        self._loading = True
        self._rec_id = detail.id if detail else None
        self.setEnabled(detail is not None)
        if detail is None:
            self.title.setText(self.tr("<b>Assessment</b>"))
            self.scope_mark.hide()
            self.rating.show_nothing()  # a hidden recommendation's rating must not show
            self.final.setChecked(False)
            self.comment.setPlainText("")
            self._saved_comment = ""
            self.saved.setText("")
            self.review_row.hide()
            self._loading = False
            return
        codes = ", ".join(detail.codes) or self.tr("this recommendation")
        self.title.setText(self.tr("<b>Assessment of {codes}</b>").format(codes=codes))
        if detail.in_scope:
            self.scope_mark.setText(
                self.tr("In compliance scope ({verb})").format(verb=verb_word(detail.verb))
            )
        else:
            self.scope_mark.setText(
                self.tr("⚠ Outside the compliance scope ({verb}): rating optional").format(
                    verb=verb_word(detail.verb)
                )
            )
        self.scope_mark.show()
        if self.rating.set_levels(detail.levels):  # new buttons: the tab order follows them
            self._order_tabs()
        self.rating.set_rating(detail.assessment.rating)
        a = detail.assessment
        # Compared stripped: what is saved is stripped, and a refresh must not eat a typed space.
        if a.comment != self.comment.toPlainText().strip():
            self.comment.setPlainText(a.comment)
            self.comment.moveCursor(self.comment.textCursor().MoveOperation.End)
        self._saved_comment = a.comment
        self.final.setChecked(a.status == "final")
        self.saved.setText(self._saved_text(a.updated_at, a.updated_by))
        self.review_row.setVisible(detail.follow_up_newer_than_rating)
        self._loading = False

    def _saved_text(self, at: datetime | None, by: str) -> str:
        if at is None:
            return self.tr("Nothing saved yet")  # no rating, comment or status was ever saved
        # In the window's language: "02 Dec 2026 14:05" / "02 déc. 2026 14:05".
        when = local_text(as_utc(at).astimezone(), "dd MMM yyyy HH:mm")
        if by:
            return self.tr("Saved {when} by {by}").format(when=when, by=by)
        return self.tr("Saved {when}").format(when=when)

    def _typed(self) -> None:
        if self._loading or self._rec_id is None or self._read_only:
            return
        self.saved.setText(self.tr("Editing…"))
        self._timer.start()

    def flush(self) -> None:
        """Save the comment now if it was edited (switching, closing, before undo)."""
        self._timer.stop()
        if self._rec_id is None or self._loading:
            return
        text = self.comment.toPlainText()
        if text.strip() == self._saved_comment.strip():
            return
        old, self._saved_comment = self._saved_comment, text.strip()
        self.comment_edited.emit(self._rec_id, old, text)

    @property
    def has_pending_comment(self) -> bool:
        """Whether typed text waits for the debounce to save it."""
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.comment and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def _rate(self, key: object) -> None:
        if self._rec_id is not None and not self._loading:
            self.rating_chosen.emit(self._rec_id, key)

    def _keep(self) -> None:
        if self._rec_id is not None and not self._read_only:
            self.rating_kept.emit(self._rec_id)

    def _final_toggled(self, on: bool) -> None:
        if self._rec_id is not None and not self._loading:
            self.status_chosen.emit(self._rec_id, "final" if on else "draft")
