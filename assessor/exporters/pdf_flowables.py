"""Small platypus flowables the summary needs beyond reportlab's own."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph


class Para(Paragraph):
    """A paragraph that remembers its line breaking for the last width it was wrapped to.

    Keeping a block together wraps it once to measure it and once to place it; breaking the
    lines twice would double the cost of the whole document.
    """

    _memo: tuple[float, Any, Any, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Wrap to ``availWidth``, reusing the previous line breaking at the same width."""
        memo = self._memo
        if memo is not None and memo[0] == availWidth:
            self.width, self._wrapWidths, self.blPara, self.height = memo
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if height < 0x7FFFFFFF:
            self._memo = (availWidth, self._wrapWidths, self.blPara, height)
        return width, height


class Heading(Para):
    """A heading that becomes a PDF bookmark, an outline entry and a table-of-contents target."""

    def __init__(self, text: str, style: Any, key: str, outline: str, level: int = 0) -> None:
        super().__init__(text, style)
        self.key = key
        self.outline = outline
        self.level = level

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # A heading moves whole to the next page; its parts would each claim the bookmark.
        return []


class KeepIfFits(KeepTogether):
    """Keep a block on one page when it fits on a page at all; otherwise let it flow.

    reportlab's KeepTogether starts an over-tall block on a fresh page before splitting it,
    which leaves most of a page empty for a long follow-up; this one splits it where it is.
    """

    def __init__(self, flowables: list[Flowable], page_height: float) -> None:
        super().__init__(flowables)
        self._page_height = page_height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        """Split into the block's parts, after a frame break only if it fits a whole page."""
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if self._page_height < self._H:
            return list(self._content)
        parts: list[Flowable] = super().split(aW, aH)
        return parts


class FormRef(Flowable):
    """A number not known until the whole document is laid out (a page number, a total).

    It draws a PDF form XObject by name; the form is defined once the layout is done, so the
    document is laid out in a single pass (no second multiBuild pass for the TOC or "of Y").
    """

    def __init__(self, form: str, width: float, height: float, descent: float = 0) -> None:
        super().__init__()
        self.form = form
        self.width = width
        self.height = height
        self._descent = descent

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """A fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw the form right-aligned in the box, on the text baseline."""
        canv = self.canv
        canv.saveState()
        canv.translate(self.width, self._descent)
        canv.doForm(self.form)
        canv.restoreState()
