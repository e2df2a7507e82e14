"""Themes → History…: every recorded change of a theme and its recommendations, newest first,
in a scrollable list. Its words are the themes view's (translation context ``ThemesView``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from assessor.domain.scope import snippet
from assessor.domain.values import ThemeInfo
from assessor.ui import dialogs
from assessor.ui.reads import Reads


class ThemeHistoryWords(QObject):
    """The counted words of the list (Qt's lupdate reads a plural only from ``self.tr``)."""

    def changes(self, n: int) -> str:
        return self.tr(
            "%n recorded change(s) of this theme and its recommendations, newest first.", "", n
        )


def show_theme_history(parent: QWidget, reads: Reads, theme: ThemeInfo) -> None:
    """Show every recorded change of ``theme`` and its items, newest first."""
    from assessor.ui.follow_up_pane import FIELD_NAMES, local_time

    entries = reads.theme_history(theme.id, [i.id for i in theme.items])
    names = {
        **FIELD_NAMES,
        "text": QCoreApplication.translate("ThemesView", "Text"),
        "links": QCoreApplication.translate("ThemesView", "Links"),
        "theme_id": QCoreApplication.translate("ThemesView", "Moved to theme"),
    }
    lines = []
    for e in reversed(entries):
        name = names.get(e.field, e.field.capitalize())
        old = snippet(e.old or "—", 80)
        new = snippet(e.new or "—", 80)
        by = e.by or QCoreApplication.translate("ThemesView", "unknown")
        lines.append(
            QCoreApplication.translate(
                "ThemesView", "{when} · {by} · {field}: {old} → {new}"
            ).format(when=local_time(e.at), by=by, field=name, old=old, new=new)
        )
    dialogs.show_lines(
        parent,
        QCoreApplication.translate("ThemesView", "History of “{title}”").format(
            title=snippet(theme.title, 60)
        ),
        ThemeHistoryWords().changes(len(entries))
        if entries
        else QCoreApplication.translate("ThemesView", "No change of this theme is recorded yet."),
        lines,
    )
