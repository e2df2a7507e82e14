"""The workbench: the tree with filters on the left; finding, follow-up, assessment on the right."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from assessor.domain.filters import FilterState
from assessor.domain.tree import Node
from assessor.domain.values import Level, RecommendationDetail
from assessor.search import query_words
from assessor.services.assessments import parse_rating
from assessor.services.changes import Changes
from assessor.services.code_lookup import typed_codes
from assessor.services.errors import ServiceError
from assessor.ui import follow_up_edit, stepping, undo
from assessor.ui.assessment_pane import AssessmentPane
from assessor.ui.carry_over import RoundToRound
from assessor.ui.digit_keys import DigitKeys
from assessor.ui.filter_expansion import hidden_hint, open_matches
from assessor.ui.filters import FilterBar
from assessor.ui.finding_pane import FindingPane
from assessor.ui.follow_up_pane import FollowUpPane
from assessor.ui.reads import Reads
from assessor.ui.translation import QT_TRANSLATE_NOOP
from assessor.ui.tree_model import ROLE_ID, ROLE_KIND, FactsheetTreeModel
from assessor.ui.tree_scroll import in_sight, scroll_with_context
from assessor.ui.workbench_layout import make_tree, split_panes

#: Why the rating keys and buttons do nothing while the tree's cursor is not on a recommendation.
SELECT_TO_RATE = QT_TRANSLATE_NOOP("Workbench", "Select a recommendation to rate it")


class Workbench(QWidget):
    """Everything needed to read and assess one recommendation after another."""

    #: The shown recommendation changed (its detail, or None).
    current_changed = Signal(object)
    #: Something worth a word in the status bar.
    message = Signal(str)
    #: The tree's cursor moved or a branch folded: whether rating may act changed, perhaps.
    cursor_moved = Signal()

    def __init__(self, ctx: undo.Context, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.db, self.stack = ctx, ctx.db, stack
        self.reads = Reads(ctx.db, ctx.runner)  # a failed read says why in the error dialog
        self.model = FactsheetTreeModel(
            self.reads.tree, self.reads.levels, self, load_facets=self.reads.facets
        )
        self.tree = make_tree(self.model)
        self.filters = FilterBar()
        self.finding = FindingPane()
        self.follow_up = FollowUpPane()
        self.assessment = AssessmentPane()

        self.reading, self.right, self.main = split_panes(
            self, self.filters, self.tree, self.finding, self.follow_up, self.assessment
        )

        self.detail: RecommendationDetail | None = None
        #: (recommendation, factsheet) the filters hide: shown again once a filter lets it through.
        self.hidden: tuple[int, int] | None = None
        self.read_only = False
        self._words: list[str] = []
        #: What was expanded when the search or a filter began: restored when they are cleared.
        self._expansion: set[tuple[str, int]] = set()
        # A factsheet's scale rarely changes: asked once per factsheet, not at every step.
        self._levels: dict[int, tuple[Level, ...]] = {}
        self.follow_up.load_history = self.reads.history
        self.tree.selectionModel().currentChanged.connect(self._current_index_changed)
        # Folding the branch of the recommendation shown puts it out of sight: no rating then.
        self.tree.collapsed.connect(lambda _index: self._cursor_moved())
        self.tree.expanded.connect(lambda _index: self._cursor_moved())
        self.digit_keys = DigitKeys(  # a digit on a Party or chapter: say why it rates nothing
            self.tree,
            lambda: self.selected_recommendation() is not None,
            lambda: self.message.emit(self.tr(SELECT_TO_RATE)),
        )
        self._allowed: bool | None = None
        self.filters.filters_changed.connect(self.apply_filters)
        self.filters.leave_requested.connect(self.focus_tree)
        self.assessment.rating_chosen.connect(self.rate)
        self.assessment.comment_edited.connect(self._comment_edited)
        self.assessment.status_chosen.connect(self._status_chosen)
        self.assessment.rating_kept.connect(self._rating_kept)
        self.follow_up.edit_requested.connect(self.edit_follow_up)
        self.round_to_round = RoundToRound(self)  # the last round's word, and Carry over
        # Counts change whenever a factsheet is read in (expanding it) or the filter resets.
        self.model.rowsInserted.connect(lambda *_: self._count())
        self.model.modelReset.connect(self._count)

    # --- loading -------------------------------------------------------------------------
    def reload(self, keep: int | None = None) -> None:
        """Read the factsheet list again (after an import), keeping the shown recommendation."""
        shown = self._shown_or_hidden()
        keep_sheet = shown[1] if shown else None
        keep = keep if keep is not None else (shown[0] if shown else None)
        self._levels.clear()  # a restore or re-import may bring another scale
        sheets = self.reads.factsheets()
        if sheets is None:
            return  # the error dialog said why; the tree stays as it was
        self.model.set_factsheets(sheets)
        if keep is not None and keep_sheet is not None:
            self._show_again(keep, keep_sheet)
        elif len(self.model.factsheet_ids()) == 1:
            self.tree.expand(self.model.index_of_factsheet(self.model.factsheet_ids()[0]))
        self._count()

    def select_recommendation(self, rec_id: int, factsheet_id: int | None = None) -> bool:
        """Show a recommendation (reading its factsheet if needed); False if it is not shown."""
        if factsheet_id is not None:
            self.model.ensure_loaded(factsheet_id)
        index = self.model.index_of_recommendation(rec_id)
        if not index.isValid():
            return False
        scroll_with_context(self.tree, index)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        return True

    def _current_index_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.data(ROLE_KIND) == "recommendation":
            self.show_recommendation(int(current.data(ROLE_ID)))  # it says the cursor moved
        else:
            self._cursor_moved()

    def selected_recommendation(self) -> int | None:
        """The recommendation the panes show, if the tree's cursor is on it and it is in sight.

        Rating acts on this one only: with the cursor on a Party, a chapter or a section, or
        the branch of the shown recommendation folded, the panes may still show one (perhaps
        of another Party), but no key or button rates it.
        """
        detail = self.detail
        if detail is None:
            return None
        index = self.tree.currentIndex()
        if index.data(ROLE_KIND) != "recommendation" or index.data(ROLE_ID) != detail.id:
            return None
        return detail.id if in_sight(self.tree, index) else None

    def can_rate(self) -> bool:
        """Whether the rating keys and buttons may act now (see selected_recommendation)."""
        return self.selected_recommendation() is not None and not self.read_only

    def _cursor_moved(self) -> None:
        allowed = self.selected_recommendation() is not None
        self.assessment.set_rating_allowed(allowed, "" if allowed else self.tr(SELECT_TO_RATE))
        if allowed != self._allowed:
            self._allowed = allowed
            if not allowed and self.detail is not None:
                self.message.emit(self.tr(SELECT_TO_RATE))
        self.cursor_moved.emit()

    def show_recommendation(self, rec_id: int) -> None:
        """Fill the panes with a recommendation."""
        self.assessment.flush()  # the comment being typed belongs to the previous one
        self.hidden = None  # chosen now: the one a filter hid is not brought back
        node = self.model.recommendation_node(rec_id)
        known = self._levels.get(node.factsheet_id) if node is not None else None
        detail = self.reads.detail(rec_id, known)
        self.detail = detail
        if detail is None:
            self.finding.clear()
        else:
            self._levels[detail.factsheet_id] = detail.levels
            self.finding.show_detail(detail, self._words)
            self.filters.set_levels(detail.levels)
        self.follow_up.show_detail(detail, self._words)
        self.assessment.show_detail(detail)
        self._allowed = None
        self._cursor_moved()
        self.current_changed.emit(detail)

    # --- filters -------------------------------------------------------------------------
    def apply_filters(self, state: FilterState) -> None:
        """Show what passes the filters and the search; highlight the search words."""
        self._words = query_words(state.query)
        matches = self.reads.search(state.query) if self._words else None
        keep = self._shown_or_hidden()
        if not self.model.filter_state.is_active:
            # The tree as the user left it, to find again once the filters are cleared.
            self._expansion = self._expanded()
        self.model.set_filter(state, matches)
        if state.is_active:
            # The matches in the factsheets that were open; the others stay collapsed (those
            # not read in yet are counted from their facets) until the user opens them.
            opened = {id_ for kind, id_ in self._expansion if kind == "factsheet"}
            if keep is not None:
                opened.add(keep[1])
            open_matches(self.tree, self.model, opened)  # none open: those with matches
        else:
            for key, index in self.model.headings():
                if key in self._expansion:
                    self.tree.expand(index)
        if keep is not None:
            self._show_again(*keep)
        self._count()

    def _expanded(self) -> set[tuple[str, int]]:
        """The factsheets, chapters and sections expanded in the tree, as (kind, id)."""
        return {key for key, index in self.model.headings() if self.tree.isExpanded(index)}

    def _shown_or_hidden(self) -> tuple[int, int] | None:
        """The recommendation shown, else the one the filters hide, as (id, factsheet id)."""
        if self.detail is not None:
            return self.detail.id, self.detail.factsheet_id
        return self.hidden

    def _show_again(self, rec_id: int, factsheet_id: int) -> None:
        """Show a recommendation again after the tree changed, or clear the panes if it is hidden.

        What the tree does not show must not stay in the panes: the rating keys would rate a
        recommendation the user cannot see. It is remembered and comes back with the filter.
        """
        if self.select_recommendation(rec_id, factsheet_id):
            if self.detail is not None:  # the search words to highlight may have changed
                self.finding.show_detail(self.detail, self._words)
                self.follow_up.show_detail(self.detail, self._words)
            return
        self.assessment.flush()  # saved while it is still the recommendation shown
        self.detail = None
        self.finding.show_hint(hidden_hint(self.model.shown_count()[0]))
        self.follow_up.show_detail(None)
        self.assessment.show_detail(None)
        self._cursor_moved()
        self.current_changed.emit(None)
        self.hidden = (rec_id, factsheet_id)

    def hides(self, rec_id: int) -> bool:
        """Whether the search and filters keep a recommendation out of the tree."""
        if not self.model.filter_state.is_active:
            return False
        return not self.model.index_of_recommendation(rec_id).isValid()

    def _count(self) -> None:
        shown, total = self.model.shown_count()
        self.filters.show_count(shown, total)

    # --- navigation ----------------------------------------------------------------------
    def _start(self) -> Node | None:
        """Where stepping starts: the tree's cursor, else the recommendation shown."""
        node = self.model.node(self.tree.currentIndex())
        if node is None and self.detail is not None:
            node = self.model.recommendation_node(self.detail.id)
        return node

    def _around(self) -> tuple[int, list[int], list[int]] | None:
        """The cursor's factsheet and its shown recommendations before and after the cursor."""
        return stepping.around(self.model, self._start())

    def go(self, step: int) -> None:
        """Show the next (+1) or previous (-1) recommendation from the tree's cursor."""
        found = self._around()
        if found is None:
            return
        target = stepping.step(self.model, *found, step)
        if target is not None:
            self.select_recommendation(*target)
            return
        self.message.emit(
            self.tr("This is the last recommendation shown.")
            if step > 0
            else self.tr("This is the first one.")
        )

    def next_unrated(self) -> None:
        """Show the next unrated recommendation in scope from the cursor, across Parties."""
        found = self._around()
        if found is None:
            return
        target = stepping.next_unrated(self.model, *found)
        if target is not None:
            self.select_recommendation(*target)
            return
        self.message.emit(self.tr("Every recommendation in scope shown here is rated."))

    def go_to_code(self, typed: str) -> bool:
        """Show the recommendation carrying a code as typed ("iv 5"): the cursor's Party first."""
        codes = typed_codes(typed)
        if not codes:
            self.message.emit(
                self.tr("“{typed}” is not a code such as IV-5.").format(typed=typed.strip())
            )
            return False
        for fid in stepping.party_first(self.model, self._start()):
            rec_id = self.reads.recommendation_for_code(fid, codes[0])
            if rec_id is None:
                continue
            if not self.select_recommendation(rec_id, fid):
                self.filters.reset()  # hidden by a filter: the code asked for is shown
                self.select_recommendation(rec_id, fid)
            self.focus_tree()
            return True
        self.message.emit(self.tr("No recommendation has the code {code}.").format(code=codes[0]))
        return False

    def set_read_only(self, on: bool) -> None:
        """Show everything, change nothing (another Assessor has the database)."""
        self.read_only = on
        self.assessment.set_read_only(on)
        self.follow_up.set_read_only(on)
        self.finding.set_read_only(on)

    def focus_tree(self) -> None:
        """Put the keyboard in the tree (after a jump to a linked code, or Ctrl+T).

        A status message about an earlier step ("No recommendation has the code …") is
        cleared: it would read as if it were about the recommendation now shown.
        """
        self.tree.setFocus()
        self.message.emit("")

    # --- editing -------------------------------------------------------------------------
    def _label(self) -> str:
        return ", ".join(self.detail.codes) if self.detail else ""

    def rate(self, rec_id: int, key: object) -> None:
        """Rate a recommendation (an undoable step)."""
        detail = self.detail
        if detail is None or detail.id != rec_id:
            return
        if self.selected_recommendation() != rec_id:
            self.message.emit(self.tr(SELECT_TO_RATE))
            self.assessment.rating.set_rating(detail.assessment.rating)
            return
        old = detail.assessment.rating
        new = key if isinstance(key, str) else None
        if old == new:
            self.assessment.rating.set_rating(old)
            return
        self.stack.push(undo.SetRating(self.ctx, rec_id, old, new, self._label()))

    def rate_current(self, number: int) -> None:
        """Rate the selected recommendation with the scale's n-th level (0 clears)."""
        if self.detail is None:
            return
        if self.selected_recommendation() is None:
            self.message.emit(self.tr(SELECT_TO_RATE))
            return
        try:  # the command line's ``rate CODE N`` follows the same rule
            key = parse_rating(str(number), self.detail.levels)
        except ServiceError:  # a number past the scale's last level: nothing to do
            return
        self.rate(self.detail.id, key)

    def _comment_edited(self, rec_id: int, old: str, new: str) -> None:
        self.stack.push(undo.SetComment(self.ctx, rec_id, old, new, self.codes_of(rec_id)))

    def _status_chosen(self, rec_id: int, status: str) -> None:
        old = self.detail.assessment.status if self.detail and self.detail.id == rec_id else "draft"
        self.stack.push(undo.SetStatus(self.ctx, rec_id, old, status, self.codes_of(rec_id)))

    def _rating_kept(self, rec_id: int) -> None:
        self.stack.push(undo.KeepRating(self.ctx, rec_id, self.codes_of(rec_id)))

    def codes_of(self, rec_id: int) -> str:
        """The codes of a recommendation as the tree shows them ("#id" if it has none)."""
        node = self.model.recommendation_node(rec_id)
        if node is not None:
            return node.codes
        detail = self.reads.detail(rec_id)  # a factsheet not read in yet
        return ", ".join(detail.codes) if detail and detail.codes else f"#{rec_id}"

    def edit_follow_up(self) -> None:
        """Correct the shown follow-up: its text, the State's status and references (undoable)."""
        follow_up_edit.correct(self)

    # --- refreshing ----------------------------------------------------------------------
    def on_changed(self, changes: Changes) -> None:
        """Refresh what a service call changed (the op runner's ``changed`` signal)."""
        if changes.factsheets:
            self.reload()
            return
        if changes.recommendations:
            states = self.reads.recommendation_states(changes.recommendations)
            self.model.update_recommendations(states)
            if self.model.filter_state.is_active:  # "Keep this rating": one match fewer
                self._count()
            if self.detail is not None and self.detail.id in changes.recommendations:
                keep_focus = self.assessment.comment.hasFocus()
                self.show_recommendation(self.detail.id)
                if keep_focus:
                    self.assessment.comment.setFocus()
