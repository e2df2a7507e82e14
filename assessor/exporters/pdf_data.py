"""What the PDF summary prints, read in a fixed handful of queries into plain values, with the
language it is printed in (``lang``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.models import (
    Assessment,
    Factsheet,
    MonitoringRound,
    Party,
    Recommendation,
)
from assessor.db.queries import (
    IN_SCOPE_VERBS,
    current_follow_ups,
    rating_levels,
    themes,
    tree_rows,
)
from assessor.db.tree_rows import current_follow_up_received_at
from assessor.domain.values import Level, ThemeInfo
from assessor.exporters.document_words import document_language, rating_label, received_on
from assessor.i18n import Language, Words, words
from assessor.services.code_lookup import find_party
from assessor.services.errors import ServiceError

Scope = Literal["compliance", "all"]
SCOPES: tuple[Scope, ...] = ("compliance", "all")
VERBS = ("require", "request", "invite")


@dataclass(frozen=True)
class RecommendationEntry:
    """One recommendation as the summary prints it."""

    id: int
    chapter_number: str
    section_title: str
    codes: tuple[str, ...]
    verb: str
    scope: str
    text: str
    follow_up: str | None
    rating: str | None
    comment: str
    status: str
    #: What the State said of its own progress, and its references (from a questionnaire).
    state_status: str | None = None
    state_references: str | None = None
    #: Rated before the current follow-up came in (the window's ↻; see follow_up_state).
    review: bool = False
    #: When the current follow-up was received, as precise as its source ("March 2025").
    received: str = ""
    #: How precise that is: "day" or "month" (French says « reçu le 1er mars », « reçu en mars »).
    received_precision: str = "day"


@dataclass(frozen=True)
class ChapterEntry:
    """A chapter of the factsheet."""

    number: str
    title: str


@dataclass(frozen=True)
class SummaryData:
    """Everything the summary shows about one factsheet, after the scope is applied."""

    factsheet_id: int
    party: str
    round: str
    title: str
    levels: tuple[Level, ...]
    chapters: tuple[ChapterEntry, ...]
    #: The recommendations in scope, in the factsheet's order (rated or not).
    in_scope: tuple[RecommendationEntry, ...]
    themes: tuple[ThemeInfo, ...]
    scope: Scope
    #: Every current recommendation of the factsheet, whatever the scope.
    total: int
    #: The language the summary is printed in.
    lang: Language = "en"

    @property
    def words(self) -> Words:
        """The summary's words, dates and numbers, in its language."""
        return words(self.lang)

    def counted(self) -> str:
        """What the counts and charts cover: "Recommendations in scope", or all of them."""
        if self.scope == "compliance":
            return self.words.gettext("Recommendations in scope")
        return self.words.gettext("Recommendations")

    def label(self, rating: str | None) -> str:
        """The label of a rating key (the key itself if the scale no longer has it)."""
        if rating is None:
            return rating_label(None, self.words)
        level = next((lv for lv in self.levels if lv.key == rating), None)
        return rating if level is None else rating_label(level, self.words)

    def color(self, rating: str | None) -> str | None:
        """The colour of a rating key, None when unrated or unknown."""
        return next((lv.color for lv in self.levels if lv.key == rating), None)

    def rating_keys(self) -> list[str | None]:
        """The scale's keys in order, then None (not yet rated), then any unknown keys."""
        keys: list[str | None] = [lv.key for lv in self.levels]
        extra = sorted({r.rating for r in self.in_scope if r.rating and r.rating not in keys})
        return [*keys, *extra, None]

    def counts_by_rating_and_verb(self) -> Counter[tuple[str | None, str]]:
        """How many recommendations in scope have each (rating, verb)."""
        return Counter((r.rating, r.verb) for r in self.in_scope)

    def counts_by_chapter(self) -> dict[str, Counter[str | None]]:
        """For each chapter number, how many recommendations in scope have each rating."""
        out: dict[str, Counter[str | None]] = {}
        for r in self.in_scope:
            out.setdefault(r.chapter_number, Counter())[r.rating] += 1
        return out


def choose_factsheet(
    session: Session, party: str | None = None, factsheet_id: int | None = None
) -> int:
    """The factsheet to summarise: the one given, the Party's newest, or the only one."""
    if factsheet_id is not None:
        if session.get(Factsheet, factsheet_id) is None:
            raise ServiceError(f"Factsheet #{factsheet_id} does not exist.")
        return factsheet_id
    query = select(Factsheet.id, Party.name).join(Party, Party.id == Factsheet.party_id)
    if party is not None:
        found = find_party(session, party)
        query = query.where(Party.id == found.id)
    rows = session.execute(query.order_by(Factsheet.imported_at.desc(), Factsheet.id.desc()))
    found_rows = rows.all()
    if not found_rows:
        if party is not None:
            raise ServiceError(f"There is no factsheet of {party} to summarise.")
        raise ServiceError("There is no factsheet to summarise; import one first.")
    parties = sorted({name for _, name in found_rows})
    if party is None and len(parties) > 1:
        raise ServiceError(
            f"The database holds several Parties ({', '.join(parties)}); choose one with --party."
        )
    fid: int = found_rows[0][0]
    return fid


def load_summary(
    session: Session, factsheet_id: int, scope: Scope = "compliance", lang: str | None = None
) -> SummaryData:
    """Read a factsheet's recommendations in scope, their follow-ups, ratings and themes.

    ``lang``: the language to print in; by default the factsheet's, else the user's.
    """
    if scope not in SCOPES:
        raise ServiceError(f"“{scope}” is not a scope; use “compliance” or “all”.")
    party, round_title, title = session.execute(
        select(Party.name, MonitoringRound.title, Factsheet.title)
        .join(Factsheet, Factsheet.party_id == Party.id)
        .join(MonitoringRound, MonitoringRound.id == Factsheet.round_id)
        .where(Factsheet.id == factsheet_id)
    ).one()
    rows = tree_rows(session, factsheet_id)
    of_factsheet = Recommendation.factsheet_id == factsheet_id
    texts = dict(
        session.execute(select(Recommendation.id, Recommendation.text).where(of_factsheet)).all()
    )
    follow_ups = current_follow_ups(session, factsheet_id)
    language = document_language(session, factsheet_id, lang)
    w = words(language)
    received_at = current_follow_up_received_at(session, factsheet_id)
    received = {
        rec_id: received_on(w, moment, precision)
        for rec_id, (moment, precision) in received_at.items()
    }
    assessments = {
        rec_id: (rating, comment or "", status)
        for rec_id, rating, comment, status in session.execute(
            select(
                Assessment.recommendation_id,
                Assessment.rating,
                Assessment.comment,
                Assessment.status,
            )
            .join(Recommendation, Recommendation.id == Assessment.recommendation_id)
            .where(of_factsheet)
        )
    }

    chapters: list[ChapterEntry] = []
    sections: dict[str, str] = {}
    entries: list[RecommendationEntry] = []
    total = 0
    for row in rows:
        if row.kind == "chapter":
            chapters.append(ChapterEntry(row.chapter_number, row.title))
        elif row.kind == "section":
            sections[row.key] = row.title
        else:
            total += 1
            verb = row.verb or ""
            if scope == "compliance" and verb not in IN_SCOPE_VERBS:
                continue
            rating, comment, status = assessments.get(row.id, (None, "", "draft"))
            follow_up, state_status, references = follow_ups.get(row.id, (None, None, None))
            entries.append(
                RecommendationEntry(
                    id=row.id,
                    chapter_number=row.chapter_number,
                    section_title=sections.get(row.parent_key or "", ""),
                    codes=row.codes,
                    verb=verb,
                    scope=row.scope or "",
                    text=texts.get(row.id, row.title),
                    follow_up=follow_up,
                    state_status=state_status,
                    state_references=references,
                    rating=rating,
                    comment=comment,
                    status=status,
                    review=row.review,
                    received=received.get(row.id, ""),
                    received_precision=received_at.get(row.id, (None, "day"))[1],
                )
            )
    # A recommendation whose chapter a re-import removed still needs a heading.
    known = {c.number for c in chapters}
    for number in dict.fromkeys(e.chapter_number for e in entries):
        if number not in known:
            chapters.append(ChapterEntry(number, ""))
            known.add(number)
    return SummaryData(
        factsheet_id=factsheet_id,
        party=party,
        round=round_title,
        title=title,
        levels=rating_levels(session, factsheet_id),
        chapters=tuple(chapters),
        in_scope=tuple(entries),
        themes=tuple(themes(session, factsheet_id)),
        scope=scope,
        total=total,
        lang=language,
    )
