"""What a new assessment package's passphrase must be (the command line and the window ask it).

Only packages written now are held to it: one sealed before with a shorter passphrase still
opens with it (``importers/package_file.py`` reads any).
"""

from __future__ import annotations

from assessor.i18n import ngettext

#: The shortest passphrase a package is sealed with now.
MIN_PASSPHRASE = 8


def passphrase_too_short(passphrase: str) -> str | None:
    """Why a new package's passphrase is refused (too short), or None when it will do."""
    if len(passphrase) >= MIN_PASSPHRASE:
        return None
    return ngettext(
        "The passphrase needs at least {n} character: a few words are easy to remember and "
        "hard to guess.",
        "The passphrase needs at least {n} characters: a few words are easy to remember and "
        "hard to guess.",
        MIN_PASSPHRASE,
    ).format(n=MIN_PASSPHRASE)
