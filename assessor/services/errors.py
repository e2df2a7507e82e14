"""The one error a service raises for the user: the action cannot be done as asked."""

from __future__ import annotations


class ServiceError(Exception):
    """A user action cannot be done; the message is one plain sentence for the user."""
