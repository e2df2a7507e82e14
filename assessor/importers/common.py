"""What every importer shares: reading a text file safely, warnings, and rejection."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from assessor.i18n import _

#: Text files larger than this are refused before they are read (a factsheet is ~100 kB).
MAX_TEXT_BYTES = 20 * 1024 * 1024

CODE_RE = re.compile(r"\b([IVXL]{1,5})\s*[-‐‑–]\s*(\d{1,3})\b")


class ImportRejected(Exception):
    """The input cannot be imported; the message is one plain sentence for the user."""


@dataclass(frozen=True)
class ImportWarning:
    """Something the parser repaired, guessed or could not place."""

    message: str
    line: int | None = None
    where: str | None = None  # "page 3", "paragraph 40": where a reader without lines found it

    def __str__(self) -> str:
        if self.where:
            return f"{self.where}: {self.message}"
        if self.line:
            return _("line {n}: {message}").format(n=self.line, message=self.message)
        return self.message


def check_size(path: str | Path, limit: int, what: str) -> int:
    """The size of a file to import; refuses a missing, empty or oversized one in one sentence."""
    p = Path(path)
    if not p.exists():
        raise ImportRejected(_("{path}: no such file.").format(path=p))
    if p.is_dir():
        raise ImportRejected(_("{path}: is a folder, not a file.").format(path=p))
    size = p.stat().st_size
    if size == 0:
        raise ImportRejected(_("{name}: the file is empty.").format(name=p.name))
    if size > limit:
        raise ImportRejected(
            _("{name}: the file is too large ({size:.0f} MB; at most {limit} MB) {what}.").format(
                name=p.name, size=size / 1024 / 1024, limit=limit // 1024 // 1024, what=what
            )
        )
    return size


def decode_text(raw: bytes, name: str = "input") -> str:
    """Decode bytes as text (UTF-8, UTF-16 with BOM, else Windows-1252); refuse binary data."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    elif b"\x00" in raw[:8192] or raw.startswith((b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0")):
        raise ImportRejected(
            _("{name}: this is not a text file (it looks like a binary document).").format(
                name=name
            )
        )
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ImportRejected(_("{name}: the file holds no text.").format(name=name))
    return text


def normalize_code(roman: str, number: str | int) -> str:
    """Return a recommendation code in its canonical form, e.g. ``II-6``."""
    return f"{roman.upper()}-{int(number)}"


def find_codes(text: str) -> list[str]:
    """Every recommendation code (``II-6``) named in a piece of text, in order, without repeats."""
    seen: dict[str, None] = {}
    for m in CODE_RE.finditer(text):
        seen.setdefault(normalize_code(m.group(1), m.group(2)))
    return list(seen)
