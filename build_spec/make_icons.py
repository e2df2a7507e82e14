"""Draw the application icon: resources/icons/assessor.svg, PNG sizes, .ico and .icns.

One set of shapes (on a 256-unit grid) is written both as SVG and drawn with Pillow, so the
raster icons need no SVG renderer and nothing is downloaded. Run it again after changing a shape:
``.venv/bin/python build_spec/make_icons.py``.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
GRID = 256
#: The PNG sizes: Linux desktop files and Qt's window icon pick the nearest.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

BLUE = "#1f4e8c"  # the tile: a calm institutional blue
PAGE = "#ffffff"
LINE = "#9fb3cc"  # the text lines on the page: quiet, so the tick reads first
TICK_FILL = "#2e9e5b"  # the rating badge: "implemented satisfactorily" green
TICK = "#ffffff"

TILE = (16, 16, 240, 240, 48)  # x0, y0, x1, y1, corner radius
SHEET = (64, 44, 176, 204, 10)
LINES = ((84, 76, 156), (84, 100, 156), (84, 124, 140), (84, 148, 124))  # x0, y, x1
LINE_WIDTH = 10
BADGE = (176, 176, 52)  # centre x, centre y, radius
BADGE_RING = 10  # a tile-coloured ring separates the badge from the page
TICK_POINTS = ((152, 178), (170, 196), (202, 160))
TICK_WIDTH = 14


def svg() -> str:
    """The icon as SVG text."""
    x0, y0, x1, y1, r = TILE
    sx0, sy0, sx1, sy1, sr = SHEET
    cx, cy, cr = BADGE
    lines = "\n".join(
        f'  <line x1="{a}" y1="{y}" x2="{b}" y2="{y}" stroke="{LINE}" '
        f'stroke-width="{LINE_WIDTH}" stroke-linecap="round"/>'
        for a, y, b in LINES
    )
    tick = " ".join(f"{x},{y}" for x, y in TICK_POINTS)
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="{GRID}" height="{GRID}" \
viewBox="0 0 {GRID} {GRID}">
  <title>Assessor</title>
  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="{BLUE}"/>
  <rect x="{sx0}" y="{sy0}" width="{sx1 - sx0}" height="{sy1 - sy0}" rx="{sr}" fill="{PAGE}"/>
{lines}
  <circle cx="{cx}" cy="{cy}" r="{cr + BADGE_RING}" fill="{BLUE}"/>
  <circle cx="{cx}" cy="{cy}" r="{cr}" fill="{TICK_FILL}"/>
  <polyline points="{tick}" fill="none" stroke="{TICK}" stroke-width="{TICK_WIDTH}" \
stroke-linecap="round" stroke-linejoin="round"/>
</svg>
"""


def draw(size: int) -> Image.Image:
    """The icon drawn at ``size`` pixels (supersampled 4×, then reduced, for smooth edges)."""
    big = size * 4
    k = big / GRID
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return (x0 * k, y0 * k, x1 * k, y1 * k)

    x0, y0, x1, y1, r = TILE
    d.rounded_rectangle(box(x0, y0, x1, y1), radius=r * k, fill=BLUE)
    sx0, sy0, sx1, sy1, sr = SHEET
    d.rounded_rectangle(box(sx0, sy0, sx1, sy1), radius=sr * k, fill=PAGE)
    half = LINE_WIDTH / 2
    for a, y, b in LINES:
        d.rounded_rectangle(box(a - half, y - half, b + half, y + half), radius=half * k, fill=LINE)
    cx, cy, cr = BADGE
    ring = cr + BADGE_RING
    d.ellipse(box(cx - ring, cy - ring, cx + ring, cy + ring), fill=BLUE)
    d.ellipse(box(cx - cr, cy - cr, cx + cr, cy + cr), fill=TICK_FILL)
    points = [(x * k, y * k) for x, y in TICK_POINTS]
    d.line(points, fill=TICK, width=round(TICK_WIDTH * k), joint="curve")
    w = TICK_WIDTH * k / 2 * 0.9  # Pillow draws slanted lines a little thin
    for px, py in (points[0], points[-1]):  # round caps, as in the SVG
        d.ellipse((px - w, py - w, px + w, py + w), fill=TICK)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    """Write every icon file."""
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "assessor.svg").write_text(svg(), encoding="utf-8")
    images = {size: draw(size) for size in PNG_SIZES}
    for size, img in images.items():
        img.save(OUT / f"assessor-{size}.png", optimize=True)
    largest = images[max(ICO_SIZES)]
    largest.save(
        OUT / "assessor.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES],
    )
    images[1024].save(
        OUT / "assessor.icns", append_images=[images[s] for s in (16, 32, 64, 128, 256, 512)]
    )
    print(f"Wrote the icons to {OUT}")


if __name__ == "__main__":
    main()
