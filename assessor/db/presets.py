"""Rating scale presets: GRECO's (the default) and FATF's."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.models import RatingLevel, RatingScale


@dataclass(frozen=True)
class LevelPreset:
    """One level of a preset scale."""

    key: str
    label: str
    color: str


#: Levels in the order they are offered (keys 1…N in the window).
PRESETS: dict[str, tuple[str, tuple[LevelPreset, ...]]] = {
    "greco": (
        "GRECO compliance scale",
        (
            LevelPreset("implemented", "Implemented satisfactorily", "#2e7d32"),
            LevelPreset("partly", "Partly implemented", "#f9a825"),
            LevelPreset("not_implemented", "Not implemented", "#c62828"),
            LevelPreset("no_information", "No information provided", "#757575"),
        ),
    ),
    "fatf": (
        "FATF technical compliance scale",
        (
            LevelPreset("compliant", "Compliant", "#2e7d32"),
            LevelPreset("largely", "Largely compliant", "#9e9d24"),
            LevelPreset("partially", "Partially compliant", "#f9a825"),
            LevelPreset("non_compliant", "Non-compliant", "#c62828"),
            LevelPreset("not_applicable", "Not applicable", "#757575"),
        ),
    ),
}
DEFAULT_PRESET = "greco"
#: What an assessment without a rating is called.
NOT_RATED_LABEL = "Not yet rated"


def scale_from_preset(session: Session, preset: str = DEFAULT_PRESET) -> RatingScale:
    """A new rating scale built from a preset, added to the session."""
    if preset not in PRESETS:
        raise ValueError(f"Unknown rating scale preset {preset!r}; known: {', '.join(PRESETS)}.")
    name, levels = PRESETS[preset]
    scale = RatingScale(preset=preset, name=name)
    scale.levels = [
        RatingLevel(key=lv.key, label=lv.label, color=lv.color, position=i)
        for i, lv in enumerate(levels)
    ]
    session.add(scale)
    return scale


def find_level(session: Session, scale_id: int, key_or_label: str) -> RatingLevel | None:
    """The level of a scale named by its key or label (case-insensitive), or None."""
    wanted = key_or_label.strip().casefold()
    levels = session.scalars(select(RatingLevel).where(RatingLevel.scale_id == scale_id))
    for level in levels:
        if wanted in (level.key.casefold(), level.label.casefold()):
            return level
    return None
