"""One rule for text that enters the database: what a person could have meant, nothing else.

Every text an import, a questionnaire or a typed comment brings in passes through
:func:`clean_text`, so that no control byte, lone surrogate or invisible character reaches the
database — where it would later break an Excel or PDF export, or hide inside a code.
"""

from __future__ import annotations

import re
import unicodedata

#: C0 and C1 controls except tab and line feed; DEL.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Characters that are there but cannot be seen: zero-width space, joiners, word joiner, BOM,
#: soft hyphen, bidirectional marks and embeddings.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u206a-\u206f\ufeff]")
#: Unpaired UTF-16 halves, as a broken file or Excel's ``_xD800_`` escape leaves them.
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """The text with controls, invisible characters and lone surrogates removed, in NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _SURROGATES.sub("\ufffd", text)
    return unicodedata.normalize("NFC", text)
