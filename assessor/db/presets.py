"""Seeding the rating scale presets (the presets themselves live in `assessor.domain.scales`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.models import RatingLevel, RatingScale
from assessor.domain.scales import DEFAULT_PRESET, PRESETS, match_level


def scale_from_preset(session: Session, preset: str = DEFAULT_PRESET) -> RatingScale:
    """A new rating scale built from a preset, added to the session."""
    if preset not in PRESETS:
        raise ValueError(f"Unknown rating scale preset {preset!r}; known: {', '.join(PRESETS)}.")
    name, levels = PRESETS[preset]
    scale = RatingScale(preset=preset, name=name)
    scale.levels = [
        RatingLevel(
            key=lv.key, label=lv.label, label_fr=lv.label_fr or None, color=lv.color, position=i
        )
        for i, lv in enumerate(levels)
    ]
    session.add(scale)
    return scale


def find_level(session: Session, scale_id: int, key_or_label: str) -> RatingLevel | None:
    """The level of a scale named by its key or label (English or French, full or short, any
    case, œ/oe: ``domain.scales.match_level``), or None."""
    levels = session.scalars(
        select(RatingLevel).where(RatingLevel.scale_id == scale_id).order_by(RatingLevel.position)
    ).all()
    key = match_level(key_or_label, levels)
    return next((level for level in levels if level.key == key), None)
