"""Cancelling long work: a token the window sets and services check between units of work."""

from __future__ import annotations

import threading


class Cancelled(Exception):
    """The user cancelled long work; whatever it was writing was not written."""


class Cancel:
    """A cancellation token: ``request()`` from any thread, ``check()`` between rows or pages."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def request(self) -> None:
        """Ask the work to stop at its next check."""
        self._event.set()

    @property
    def requested(self) -> bool:
        """Whether cancelling was asked for."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if cancelling was asked for."""
        if self._event.is_set():
            raise Cancelled()


def check(cancel: Cancel | None) -> None:
    """``cancel.check()`` when a token was given (the command line gives none)."""
    if cancel is not None:
        cancel.check()
