"""The words every document shares, in the document's language: which language a document is
written in, the State's statuses, the verbs, a rating's label, dates of follow-ups.

A document takes the reader's language (``lang``): chosen for it, else the language its Party's
factsheet was written in, else the user's. What is stored stays language-neutral (the status
``implemented``, the verb ``require``, a level's key); only what is written out is translated,
and what a State writes back in either language is read back to the stored key.
"""

from __future__ import annotations

import functools
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.engine import Database
from assessor.db.models import Factsheet
from assessor.domain.scales import fold_words, level_label
from assessor.domain.values import Level
from assessor.i18n import LANGUAGES, N_, Language, Words, current_language, language_of, words

#: The State's own statuses as stored (and as an English questionnaire shows them).
STATE_STATUSES = ("implemented", "in progress", "not started")
_STATUS_WORDS = {
    "implemented": N_("implemented"),
    "in progress": N_("in progress"),
    "not started": N_("not started"),
}
_VERB_WORDS = {"require": N_("require"), "request": N_("request"), "invite": N_("invite")}
_SCOPE_WORDS = {"specific": N_("specific"), "generic": N_("generic")}
_ASSESSMENT_STATUS_WORDS = {"draft": N_("draft"), "final": N_("final")}
NOT_RATED = N_("Not yet rated")
#: How every document marks a rating given before the current follow-up came in.
REVIEW_NOTE = N_("↻ follow-up received after this rating")


def factsheet_language(session: Session, factsheet_id: int | None) -> Language | None:
    """The language a factsheet was found written in when imported, None when not known."""
    if factsheet_id is None:
        return None
    found = session.scalar(select(Factsheet.language).where(Factsheet.id == factsheet_id))
    return language_of(found)


def document_language(
    session: Session, factsheet_id: int | None, lang: str | None = None
) -> Language:
    """A document's language: ``lang`` if given, else its Party's, else the user's."""
    return language_of(lang) or factsheet_language(session, factsheet_id) or current_language()


def party_language(db: Database, factsheet_id: int | None) -> Language:
    """The language a document for this factsheet is written in unless another is chosen."""
    with db.reading() as session:
        return document_language(session, factsheet_id)


def status_label(status: str | None, w: Words) -> str:
    """A stored State's status as a document in ``w``'s language writes it."""
    if not status:
        return ""
    return w.gettext(_STATUS_WORDS[status]) if status in _STATUS_WORDS else status


def status_labels(w: Words) -> tuple[str, ...]:
    """The statuses a State may choose, in ``w``'s language, in order."""
    return tuple(status_label(s, w) for s in STATE_STATUSES)


@functools.cache
def _all_status_words() -> dict[str, str]:
    """Each status's words in every language, folded, to its stored key (the first wins)."""
    found: dict[str, str] = {}
    for lang in LANGUAGES:
        w = words(lang)
        for key in STATE_STATUSES:
            found.setdefault(fold_words(status_label(key, w)), key)
    return found


def status_key(text: str) -> str | None:
    """The stored status a State's answer names, in any language (any case, œ/oe, ’/'); None
    if none."""
    return _all_status_words().get(fold_words(text))


def verb_label(verb: str, w: Words) -> str:
    """A recommendation's verb ("require") as the document's language says it ("exige")."""
    return w.gettext(_VERB_WORDS[verb]) if verb in _VERB_WORDS else verb


def scope_label(scope: str, w: Words) -> str:
    """Specific (to this Party) or generic (to all Parties), in the document's language."""
    return w.gettext(_SCOPE_WORDS[scope]) if scope in _SCOPE_WORDS else scope


def assessment_status_label(status: str, w: Words) -> str:
    """The assessment's status (draft, final) in the document's language."""
    return (
        w.gettext(_ASSESSMENT_STATUS_WORDS[status])
        if status in _ASSESSMENT_STATUS_WORDS
        else status
    )


def rating_label(level: Level | None, w: Words) -> str:
    """A rating's label in the document's language; "Not yet rated" for None."""
    return w.gettext(NOT_RATED) if level is None else level_label(level, w.lang)


def review_note(w: Words) -> str:
    """The mark of a rating given before the current follow-up came in."""
    return w.gettext(REVIEW_NOTE)


def state_line(w: Words, state_status: str | None, references: str | None) -> str:
    """The State's status and references on one line, in the document's language."""
    parts = []
    if state_status:
        parts.append(
            w.gettext("State's status: {status}").format(status=status_label(state_status, w))
        )
    if references:
        parts.append(w.gettext("References: {references}").format(references=references))
    return " · ".join(parts)


def received_on(w: Words, moment: datetime | None, precision: str = "day") -> str:
    """When a follow-up came in, as precise as its source: "1er mars 2025", "mars 2025"."""
    if moment is None:
        return w.gettext("an unknown date")
    return w.date(moment.date(), "month" if precision == "month" else "day")
