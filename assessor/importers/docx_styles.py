"""Word's own cues, read from its parts: which style is a heading or a list, and which shading
or theme colour makes which kind of box."""

from __future__ import annotations

import colorsys
import re
from collections.abc import Iterator
from typing import Any

from assessor.importers.document import BoxKind

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def is_on(el: Any, tag: str) -> bool | None:
    """The value of a toggle property (``w:b``) under ``el``: True, False or None if unset."""
    prop = el.find(f"{W}{tag}") if el is not None else None
    if prop is None:
        return None
    return prop.get(f"{W}val", "true") not in ("0", "false", "off", "none")


class Styles:
    """What the reader needs of a document's styles, following ``basedOn`` chains."""

    def __init__(self, styles_xml: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_para: str | None = None
        if styles_xml is None:
            return
        for style in styles_xml.iter(f"{W}style"):
            sid = style.get(f"{W}styleId")
            self.by_id[sid] = style
            if style.get(f"{W}type") == "paragraph" and is_on(style, "default"):
                self.default_para = sid

    def chain(self, sid: str | None) -> Iterator[Any]:
        """The style and the styles it is based on, nearest first."""
        seen: set[str] = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            style = self.by_id[sid]
            yield style
            based = style.find(f"{W}basedOn")
            sid = based.get(f"{W}val") if based is not None else None

    def name(self, style: Any) -> str:
        el = style.find(f"{W}name")
        return el.get(f"{W}val", "") if el is not None else ""

    def heading_level(self, sid: str | None) -> int:
        """1… for a heading style or one based on it, 0 otherwise."""
        outline = None
        for style in self.chain(sid):
            name = self.name(style)
            if name.lower() == "title":
                return 1
            m = _HEADING_NAME.match(name)
            if m:
                return int(m.group(1))
            lvl = style.find(f"{W}pPr/{W}outlineLvl")
            if outline is None and lvl is not None:
                outline = int(lvl.get(f"{W}val", "9"))
        return outline + 1 if outline is not None and outline < 9 else 0

    def names(self, sid: str | None) -> list[str]:
        return [self.name(s) for s in self.chain(sid)]

    def ppr(self, sid: str | None, tag: str) -> Any:
        """The nearest ``w:pPr/w:{tag}`` the style chain sets."""
        for style in self.chain(sid):
            el = style.find(f"{W}pPr/{W}{tag}")
            if el is not None:
                return el
        return None

    def rpr(self, sid: str | None, tag: str) -> bool | None:
        """A run toggle (``b``) or superscript the style chain sets, None if none does."""
        for style in self.chain(sid):
            rpr = style.find(f"{W}rPr")
            if tag == "vertAlign":
                va = rpr.find(f"{W}vertAlign") if rpr is not None else None
                if va is not None:
                    return va.get(f"{W}val") == "superscript"
            else:
                value = is_on(rpr, tag)
                if value is not None:
                    return value
        return None


def hex_colour(value: str | None, theme: dict[str, str], theme_name: str | None) -> str | None:
    """A colour as RRGGBB, from its value or else from the theme colour it names."""
    if value and re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        return value.upper()
    if theme_name and theme_name in theme:
        return theme[theme_name]
    return None


def classify_colour(hex_colour: str) -> BoxKind | None:
    """follow_up for orange/amber/red-yellowish, practice for blue/cyan, box for other
    chromatic colours; None for white, grey and black (they say nothing)."""
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, sat, val = colorsys.rgb_to_hsv(r, g, b)
    if sat < 0.04 or val < 0.15:
        return None
    degrees = hue * 360
    if degrees < 65 or degrees >= 330:
        return "follow_up"
    if 165 <= degrees <= 265:
        return "practice"
    return "box"


def theme_colours(package: Any) -> dict[str, str]:
    """The theme's colour scheme: name (``accent1``) to RRGGBB."""
    from docx.oxml import parse_xml

    for part in package.iter_parts():
        if str(part.partname).startswith("/word/theme/"):
            colours = {}
            for scheme in parse_xml(part.blob).iter(f"{A}clrScheme"):
                for el in scheme:
                    name = el.tag.split("}")[1]
                    rgb = el.find(f"{A}srgbClr")
                    sys_clr = el.find(f"{A}sysClr")
                    value = rgb.get("val") if rgb is not None else None
                    if value is None and sys_clr is not None:
                        value = sys_clr.get("lastClr")
                    if value:
                        colours[name] = value.upper()
            return colours
    return {}
