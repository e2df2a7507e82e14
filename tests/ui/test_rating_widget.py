"""The rating buttons: each level's colour is shown on its button, chosen or not."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from assessor.domain.scales import PRESETS
from assessor.domain.values import Level
from assessor.ui.rating_widget import RatingWidget

GRECO = tuple(Level(key=lv.key, label=lv.label, color=lv.color) for lv in PRESETS["greco"][1])


def dark_palette() -> QPalette:
    """A dark palette like the systems' dark schemes."""
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Mid, "#5a5a5a"),
        (QPalette.ColorRole.Midlight, "#454545"),
        (QPalette.ColorRole.Light, "#505050"),
        (QPalette.ColorRole.Dark, "#202020"),
    ):
        palette.setColor(role, QColor(color))
    return palette


def _close(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 24


def _edge_colors(qtbot, palette: QPalette | None) -> dict[str | None, QColor]:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    if palette is not None:
        holder.setPalette(palette)
    widget = RatingWidget(holder)
    widget.set_levels(GRECO)
    widget.set_rating(None)
    widget.resize(1000, 40)
    holder.resize(1000, 40)
    holder.show()
    qtbot.waitExposed(holder)
    image = widget.grab().toImage()
    ratio = image.devicePixelRatio()
    out = {}
    for key, button in widget.buttons.items():
        geo = button.geometry()
        x, y = int((geo.left() + 3) * ratio), int(geo.center().y() * ratio)
        out[key] = QColor(image.pixel(x, y))
    return out


def test_every_level_shows_its_colour_unchosen_in_light_and_dark(qtbot) -> None:  # type: ignore[no-untyped-def]
    for palette in (None, dark_palette()):
        edges = _edge_colors(qtbot, palette)
        for level in GRECO:
            assert _close(edges[level.key], QColor(level.color)), (
                level.key,
                edges[level.key].name(),
            )
