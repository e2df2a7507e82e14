"""The options asked before an export: the questionnaire's and the PDF summary's, and the
language a workbook is written in. Called through ``dialogs`` (``dialogs.ask_pdf_options``…),
where tests replace them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLineEdit, QWidget

from assessor.ui.document_language import language_choice as _language_choice
from assessor.ui.form_dialog import form_dialog as _form_dialog

if TYPE_CHECKING:
    from assessor.exporters.pdf_data import Scope

translate = QCoreApplication.translate


@dataclass(frozen=True)
class QuestionnaireOptions:
    """What the Export questionnaire dialog asks: which recommendations, the deadline, contact,
    and the language it is written in ("": the Party's, else the user's)."""

    scope: str = "compliance"
    deadline: str = ""
    contact: str = ""
    lang: str = ""


@dataclass(frozen=True)
class PdfOptions:
    """What the PDF summary dialog asks (the command line's --scope, --only-rated, --full-…)."""

    scope: Scope = "compliance"
    only_rated: bool = False
    full_follow_ups: bool = False
    #: The language it is printed in ("": the Party's, else the user's); --lang.
    lang: str = ""


def _scope_choice() -> QComboBox:
    """Which recommendations an export covers: the compliance scope, or all of them."""
    scope = QComboBox()
    scope.addItem(translate("dialogs", "Compliance scope (require and request)"), "compliance")
    scope.addItem(translate("dialogs", "All recommendations (invites too)"), "all")
    return scope


def ask_questionnaire_options(
    parent: QWidget | None, party: str, lang: str = ""
) -> QuestionnaireOptions | None:
    """Ask what the questionnaire for ``party`` covers and how to answer, and its language
    (``lang`` first: the Party's); None if cancelled."""
    dialog, form = _form_dialog(
        parent,
        translate("dialogs", "Export questionnaire — {party}").format(party=party),
        translate(
            "dialogs",
            "An Excel workbook for {party} to fill in: one row per recommendation, with the "
            "current follow-up. The deadline and contact are shown on its Instructions sheet.",
        ).format(party=party),
    )
    scope = _scope_choice()
    deadline = QLineEdit()
    deadline.setPlaceholderText(translate("dialogs", "e.g. 30 June 2026 (optional)"))
    contact = QLineEdit()
    contact.setPlaceholderText(translate("dialogs", "e.g. lanzarote.committee@coe.int (optional)"))
    form.addRow(translate("dialogs", "&Recommendations:"), scope)
    form.addRow(translate("dialogs", "&Deadline:"), deadline)
    form.addRow(translate("dialogs", "&Contact:"), contact)
    language = _language_choice(lang)
    form.addRow(translate("dialogs", "&Language of the questionnaire:"), language)
    deadline.setFocus()  # else the OK button, made first, has it and a typed space presses it
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return QuestionnaireOptions(
        str(scope.currentData()),
        deadline.text().strip(),
        contact.text().strip(),
        str(language.currentData()),
    )


def ask_pdf_options(
    parent: QWidget | None, title: str, party: str, last: PdfOptions
) -> PdfOptions | None:
    """Ask what the PDF summary of ``party`` prints, starting from ``last``; None if cancelled."""
    dialog, form = _form_dialog(
        parent,
        f"{title} — {party}",
        translate(
            "dialogs",
            "The summary of {party} for a Committee meeting: each recommendation with the "
            "State's follow-up and your rating and comment, then your themed recommendations.",
        ).format(party=party),
    )
    scope = _scope_choice()
    scope.setCurrentIndex(max(0, scope.findData(last.scope)))
    only_rated = QCheckBox(translate("dialogs", "&Only rated recommendations"))
    only_rated.setChecked(last.only_rated)
    full = QCheckBox(
        translate("dialogs", "Print &follow-ups in full (long ones are otherwise trimmed)")
    )
    full.setChecked(last.full_follow_ups)
    form.addRow(translate("dialogs", "&Recommendations:"), scope)
    form.addRow("", only_rated)
    form.addRow("", full)
    language = _language_choice(last.lang)
    form.addRow(translate("dialogs", "&Language of the summary:"), language)
    scope.setFocus()  # not the OK button, which a typed space would press
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen: Scope = "all" if scope.currentData() == "all" else "compliance"
    return PdfOptions(chosen, only_rated.isChecked(), full.isChecked(), str(language.currentData()))


def ask_document_language(parent: QWidget | None, title: str, party: str, lang: str) -> str | None:
    """Ask which language a workbook for ``party`` is written in (``lang`` first: the Party's);
    None if cancelled."""
    dialog, form = _form_dialog(
        parent,
        f"{title} — {party}",
        translate(
            "dialogs",
            "The workbook is written in the language you choose: its headings, verbs, statuses "
            "and rating levels.",
        ),
    )
    language = _language_choice(lang)
    form.addRow(translate("dialogs", "&Language of the workbook:"), language)
    language.setFocus()  # not the OK button, which a typed space would press
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return str(language.currentData())
