"""Writing a rapporteur's themed recommendations: they replace the factsheet's, kept in history."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.models import (
    Change,
    Factsheet,
    Party,
    Theme,
    ThemeItem,
)
from assessor.i18n import _, ngettext
from assessor.importers.common import ImportRejected
from assessor.importers.recommendations import (
    ThemedRecommendations,
)
from assessor.services.import_report import ImportReport


def target_factsheet(session: Session, party: str | None) -> Factsheet:
    """The factsheet themed recommendations go to: the Party's newest, or the only Party's."""
    query = select(Factsheet).join(Party).order_by(Factsheet.imported_at.desc())
    if party:
        query = query.where(Party.name.ilike(party.strip()))
    found = session.scalars(query).all()
    if not found:
        raise ImportRejected(
            _("No factsheet of {party} is in the database; import the factsheet first.").format(
                party=party
            )
            if party
            else _("Import a factsheet first: themed recommendations are attached to one.")
        )
    if len({f.party_id for f in found}) > 1:
        raise ImportRejected(_("The database holds several Parties; choose one with --party."))
    return found[0]


def write_themes(
    session: Session, parsed: ThemedRecommendations, source: str, party: str | None
) -> ImportReport:
    """Replace a factsheet's themed recommendations; the previous ones go to history.

    The same themes again (titles, texts and links, in order) change nothing: no history entry,
    and the report says so.
    """
    factsheet = target_factsheet(session, party)
    old = session.scalars(
        select(Theme).where(Theme.factsheet_id == factsheet.id).order_by(Theme.position)
    ).all()
    before = [
        {"theme": t.title, "items": [{"text": i.text, "links": list(i.links)} for i in t.items]}
        for t in old
    ]
    after = [
        {
            "theme": t.title or "Untitled",
            "items": [{"text": i.text, "links": list(i.links)} for i in t.items],
        }
        for t in parsed.themes
    ]
    same = bool(old) and before == after
    if same:
        old = []
    elif old:
        session.add(
            Change(
                entity="factsheet",
                entity_id=factsheet.id,
                field="themes",
                old=json.dumps(before, ensure_ascii=False),
                new=None,
                by=f"recommendations {source}",
            )
        )
        for row in old:
            session.delete(row)
        session.flush()
    for t_pos, parsed_theme in enumerate(() if same else parsed.themes):
        title = parsed_theme.title or "Untitled"
        new = Theme(factsheet_id=factsheet.id, position=t_pos, title=title)
        new.items = [
            ThemeItem(position=n, text=i.text, links=list(i.links))
            for n, i in enumerate(parsed_theme.items)
        ]
        session.add(new)
    session.flush()
    return ImportReport(
        kind="recommendations",
        source=source,
        party=factsheet.party.name,
        factsheet_id=factsheet.id,
        themes=len(parsed.themes),
        items=sum(len(t.items) for t in parsed.themes),
        warnings=tuple(str(w) for w in parsed.warnings),
        changed_lines=(
            ngettext(
                "{n} earlier theme replaced (kept in history)",
                "{n} earlier themes replaced (kept in history)",
                len(old),
            ).format(n=len(old)),
        )
        if old
        else (),
        unchanged=same,
    )
