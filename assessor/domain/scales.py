"""Rating scale presets: GRECO's (the default) and FATF's, and what "not rated" is called."""

from __future__ import annotations

from dataclasses import dataclass


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
