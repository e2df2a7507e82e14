"""The language the command speaks: ``--lang``, else the settings, else the environment.

The order, most explicit first:

1. ``assessor --lang fr …`` (the global option, before the command; ``export … --lang`` after
   the command is a document's language, not the user's);
2. the language saved in the settings (the window's Preferences), when one is saved;
3. the environment, as gettext reads it: ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``;
4. English.

The saved choice comes before the environment because the environment always says something
(``LANG`` is set on nearly every system): a rapporteur who chose French in the window reads
French in the terminal too. Scripts that parse the output pass ``--lang en``.

argparse's own words ("usage:", "options", "the following arguments are required") are
argparse's: it looks them up with the stdlib's ``gettext`` through the module's ``_`` and
``ngettext``, read when a message is made. :func:`translate_argparse` points those two names at
the ``messages`` catalogue (its French entries are listed in :data:`ARGPARSE_WORDS`, so that the
extraction keeps them); English falls back to argparse's text unchanged.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from assessor.i18n import N_, Language, _, language_of, ngettext, system_language

#: The global options that take a value, before the command (their value is not the command).
_VALUED = ("--db", "--lang")

#: The argparse messages the command can show, so that the catalogue keeps their translation.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("invalid %(type)s value: %(value)r"),
    N_("one of the arguments %s is required"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def given_language(argv: Sequence[str]) -> str | None:
    """The value of the global ``--lang`` (before the command), or None."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--":
            break
        if token.startswith("--lang="):
            return token.split("=", 1)[1]
        if token in _VALUED:
            if token == "--lang" and i + 1 < len(argv):
                return argv[i + 1]
            i += 2
            continue
        if not token.startswith("-"):
            break  # the command: what follows is its own
        i += 1
    return None


def chosen_language(argv: Sequence[str], saved: str | None = None) -> Language:
    """The user's language for this command: ``--lang``, the saved setting, the environment."""
    for choice in (given_language(argv), saved):
        found = language_of(choice)
        if found is not None:
            return found
    return system_language()


def saved_language() -> str:
    """The language saved in the settings ("" when none; an unreadable file is no choice)."""
    from assessor.settings import load_settings

    return load_settings().language


def _argparse_gettext(message: str) -> str:
    return _(message) if message else message


def _argparse_ngettext(singular: str, plural: str, n: int) -> str:
    return ngettext(singular, plural, n)


class _Formatter(argparse.HelpFormatter):
    """argparse's help, with a section's heading punctuated the user's way ("options :")."""

    def start_section(self, heading: str | None) -> None:
        if heading:
            # argparse adds the colon itself: the catalogue's "{heading}:" says what precedes it.
            heading = _("{heading}:").format(heading=heading).removesuffix(":")
        super().start_section(heading)


class TranslatedParser(argparse.ArgumentParser):
    """An ArgumentParser whose help headings follow the user's language (its subparsers too)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def translate_argparse() -> None:
    """Make argparse say its own words in the user's language (the catalogue's)."""
    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_ngettext  # type: ignore[attr-defined]
