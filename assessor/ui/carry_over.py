"""Round to round in the window: the previous round's rating and comment, carried over.

The finding pane shows, beside a recommendation of a Party's new round, what was said of the
same code in the round before ("Last round: Partly implemented — …"); *Carry over* starts this
round's assessment from it as a draft, one undo step, recorded in the history as carried over
(``services/previous_round.py``). An assessment already begun is replaced only when asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from assessor.domain.values import RecommendationDetail
from assessor.services import assessments, previous_round
from assessor.services.changes import NOTHING
from assessor.services.previous_round import PreviousAssessment
from assessor.ui.undo import Context, ServiceCommand

if TYPE_CHECKING:
    from assessor.ui.workbench import Workbench


translate = QCoreApplication.translate


class CarryOver(ServiceCommand):
    """The previous round's assessment as this one's draft; undo puts back what was there,
    and when it was saved (so a follow-up newer than the rating is marked again)."""

    def __init__(self, ctx: Context, rec_id: int, label: str, replace: bool = False) -> None:
        super().__init__(
            translate("CarryOver", "Carry over the last round to {codes}").format(codes=label), ctx
        )
        self.rec_id, self.replace = rec_id, replace
        self.before: previous_round.Fields | None = None
        self.stamp: assessments.Stamp | None = None

    def do(self) -> Any:
        self.before = previous_round.assessment_fields(self.db, self.rec_id)
        self.stamp = assessments.saved_stamp(self.db, self.rec_id)
        return previous_round.carry_over(self.db, self.rec_id, by=self.by, replace=self.replace)

    def undo_call(self) -> Any:
        if self.before is None:
            return NOTHING
        return previous_round.undo_carry_over(
            self.db, self.rec_id, self.before, self.stamp, by=self.by
        )


class RoundToRound(QObject):
    """Feeds the finding pane the previous round's assessment and carries it over on request.

    Which factsheet came before is asked once per factsheet (again after the list changes), so
    stepping through a Party with a single round costs no query.
    """

    def __init__(self, wb: Workbench) -> None:
        super().__init__(wb)
        self.wb = wb
        self._before: dict[int, int | None] = {}
        wb.finding.load_previous = self.previous
        wb.finding.carry_requested.connect(self.carry)
        wb.model.modelReset.connect(self._before.clear)  # a factsheet imported or removed

    def previous(self, detail: RecommendationDetail) -> PreviousAssessment | None:
        """What the same code was given in the Party's previous round (None: nothing)."""
        # A failed read says why in the error dialog and shows no last round.
        return self.wb.ctx.runner.read(lambda: self._previous(detail), None)

    def _previous(self, detail: RecommendationDetail) -> PreviousAssessment | None:
        fid = detail.factsheet_id
        if fid not in self._before:
            self._before[fid] = previous_round.previous_factsheet(self.wb.db, fid)
        before = self._before[fid]
        if before is None:
            return None
        return previous_round.previous_assessment(self.wb.db, detail.id, before)

    def carry(self, rec_id: int) -> None:
        """Carry the last round over to the shown recommendation (asking before replacing)."""
        from assessor.ui import dialogs

        wb = self.wb
        if wb.detail is None or wb.detail.id != rec_id or wb.read_only:
            return
        if wb.selected_recommendation() != rec_id:
            wb.message.emit(
                translate(
                    "CarryOver",
                    "Select the recommendation in the tree to carry its last round over",
                )
            )
            return
        wb.assessment.flush()  # a comment being typed is an assessment begun
        fields = wb.ctx.runner.read(lambda: previous_round.assessment_fields(wb.db, rec_id), None)
        if fields is None:
            return  # the error dialog said why
        rating, comment, _status = fields
        label = wb.codes_of(rec_id)
        replace = rating is not None or bool(comment)
        if replace and not dialogs.confirm(
            wb,
            translate("CarryOver", "Carry over the last round"),
            translate(
                "CarryOver",
                "{codes} is already rated or commented in this round. Replace its rating and "
                "comment with the last round's? (Edit → Undo puts them back.)",
            ).format(codes=label),
        ):
            return
        wb.stack.push(CarryOver(wb.ctx, rec_id, label, replace))
