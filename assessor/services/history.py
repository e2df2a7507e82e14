"""Recording Change rows: the never-pruned trail of who changed which field, when."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy.orm import Session

from assessor.db.models import Change


def as_text(value: object) -> str | None:
    """A field value as stored in a Change row: None stays None, lists become JSON."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return str(value)


def record(
    session: Session,
    entity: str,
    entity_id: int,
    field: str,
    old: object,
    new: object,
    at: datetime,
    by: str,
) -> bool:
    """Add a Change row if ``old`` and ``new`` differ; return whether one was added."""
    old_text, new_text = as_text(old), as_text(new)
    if old_text == new_text:
        return False
    session.add(
        Change(
            entity=entity,
            entity_id=entity_id,
            field=field,
            old=old_text,
            new=new_text,
            at=at,
            by=by,
        )
    )
    return True
