"""Seeding the rating scale presets (the presets themselves live in `assessor.domain.scales`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.models import RatingLevel, RatingScale
from assessor.domain.scales import DEFAULT_PRESET, PRESETS


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
    """The level of a scale named by its key or label (case-insensitive), or None."""
    wanted = key_or_label.strip().casefold()
    levels = session.scalars(select(RatingLevel).where(RatingLevel.scale_id == scale_id))
    for level in levels:
        if wanted in (
            level.key.casefold(),
            level.label.casefold(),
            (level.label_fr or "").casefold(),
        ):
            return level
    return None
