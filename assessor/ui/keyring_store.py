"""Server passwords in the system keyring, only when the user asks ("remember"), never in a file.

The ``keyring`` package is optional (``pip install 'assessor[keyring]'``); without it, or
without a usable backend (a CI machine, a session with no Secret Service), ``unusable_reason``
says why and the window offers no "remember" at all. Failures of the keyring itself are never
fatal: the password is then simply asked again next time.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication

from assessor.services.server_login import ServerAddress

translate = QCoreApplication.translate

#: The keyring's service name; the entry's user name is the address (user@host/db).
SERVICE = "Assessor"
log = logging.getLogger(__name__)


def _keyring() -> Any | None:
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def unusable_reason() -> str | None:
    """Why passwords cannot be remembered here, or None when the system keyring works."""
    found = _keyring()
    if found is None:
        return translate(
            "Keyring",
            "Remembering passwords needs the keyring package (pip install 'assessor[keyring]').",
        )
    try:
        backend = found.get_keyring()
        priority = float(getattr(backend, "priority", 0))
    except Exception:  # a broken backend configuration is no keyring
        log.warning("The system keyring could not be read", exc_info=True)
        priority = 0.0
    if priority <= 0:
        return translate(
            "Keyring",
            "No system keyring is available on this computer, so the password is asked each "
            "time (it is never written to the settings file).",
        )
    return None


def saved_password(address: ServerAddress) -> str | None:
    """The password remembered for ``address``, if any."""
    found = _keyring()
    if found is None or unusable_reason() is not None:
        return None
    try:
        value = found.get_password(SERVICE, address.shown)
    except Exception:
        log.warning("The system keyring could not be read", exc_info=True)
        return None
    return str(value) if value else None


def remember(address: ServerAddress, password: str) -> bool:
    """Keep ``password`` for ``address`` in the system keyring; False if it could not."""
    found = _keyring()
    if found is None or unusable_reason() is not None:
        return False
    try:
        found.set_password(SERVICE, address.shown, password)
    except Exception:
        log.warning("The system keyring could not be written", exc_info=True)
        return False
    return True


def forget(address: ServerAddress) -> None:
    """Remove any password remembered for ``address``."""
    found = _keyring()
    if found is None or unusable_reason() is not None:
        return
    try:
        found.delete_password(SERVICE, address.shown)
    except Exception:  # nothing was kept: nothing to forget
        return
