"""File → Connect to a server…: host, port, database and login; the password asked.

The password is kept in the system keyring only when "Remember the password" is ticked (and
a keyring is usable here, ``keyring_store``); it is never written to the settings file, and no
address shown or stored (title bar, File → Recent) carries it. A connection is tried in the
dialog, so that a refusal is said there in plain words — unreachable server, wrong password,
no such database, missing privileges, a schema made by a newer Assessor — and the user can
correct it without typing everything again.

``ask_connection`` is the small function the window calls and tests replace.
"""

from __future__ import annotations

import getpass
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assessor.services import server_login
from assessor.services.opening import Handle
from assessor.services.server_login import ConnectionProblem, ServerAddress
from assessor.ui import keyring_store

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from assessor.ui.window_api import WindowApi

#: A host name or address as typed: letters, digits, dots, dashes, colons (IPv6), brackets.
_HOST = re.compile(r"[A-Za-z0-9.\-:\[\]_]+")
#: A database or login name: anything but spaces, slashes and @ (they would break the address).
_NAME = re.compile(r"[^\s/@]+")


def words(problem: ConnectionProblem, address: ServerAddress) -> str:
    """The plain sentence for a failed connection to ``address``."""
    where = f"{address.host}:{address.port}"
    kinds = {
        server_login.UNREACHABLE: translate(
            "ConnectDialog",
            "The server {where} cannot be reached. Check the host name and the port, that the "
            "server is running, and that this computer may reach it (network, VPN, firewall).",
        ),
        server_login.NEEDS_PASSWORD: translate(
            "ConnectDialog", "The server asks for the password of {user}."
        ),
        server_login.WRONG_LOGIN: translate(
            "ConnectDialog",
            "The server refused the login {user}: the password is wrong (or there is no such "
            "login). Type the password again.",
        ),
        server_login.NO_SUCH_DATABASE: translate(
            "ConnectDialog",
            "There is no database {database} on the server {where}. Check its name with the "
            "Secretariat.",
        ),
        server_login.NOT_LET_IN: translate(
            "ConnectDialog",
            "The server {where} does not let {user} in from this computer (no such login, or "
            "the server's settings do not allow it from here). Ask the Secretariat.",
        ),
        server_login.NOT_ALLOWED: translate(
            "ConnectDialog",
            "The login {user} lacks the privileges to use the database {database}. Ask the "
            "Secretariat to grant them (assessor server grant).",
        ),
        server_login.NEWER_SCHEMA: translate(
            "ConnectDialog",
            "The database {database} was set up by a newer version of Assessor. Update "
            "Assessor to use it; nothing was changed.",
        ),
        server_login.NO_DRIVER: translate(
            "ConnectDialog",
            "This Assessor was installed without the PostgreSQL driver; install it with "
            "pip install 'assessor[server]'.",
        ),
    }
    sentence = kinds.get(
        problem.kind, translate("ConnectDialog", "The server could not be used: {detail}")
    )
    return sentence.format(
        where=where,
        user=address.user,
        database=address.database,
        detail=problem.detail.splitlines()[0] if problem.detail else "",
    )


def open_server(address: ServerAddress, password: str | None) -> Handle:
    """Open the server's database (tests replace this when no server is at hand)."""
    return server_login.open_server(address, password)


class ConnectDialog(QDialog):
    """Where the server is and who connects; tries the connection before it closes."""

    def __init__(
        self,
        parent: QWidget | None = None,
        address: ServerAddress | None = None,
        problem: ConnectionProblem | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a server"))
        #: The address and password that opened, once connected.
        self.connected: tuple[ServerAddress, str | None] | None = None
        self.host = QLineEdit(address.host if address else "")
        self.host.setPlaceholderText(self.tr("db.secretariat.example"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(address.port if address else server_login.DEFAULT_PORT)
        self.database = QLineEdit(address.database if address else "assessor")
        self.user = QLineEdit(address.user if address else getpass.getuser())
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("&Remember the password in the system keyring"))
        reason = keyring_store.unusable_reason()
        self.remember.setEnabled(reason is None)
        self.keyring_note = QLabel(reason or "")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setVisible(reason is not None)
        if reason is not None:
            self.remember.setToolTip(reason)
        elif address is not None and keyring_store.saved_password(address):
            self.remember.setChecked(True)  # it was remembered: unticking forgets it

        form = QFormLayout()
        for text, field in (
            (self.tr("&Host:"), self.host),
            (self.tr("P&ort:"), self.port),
            (self.tr("&Database:"), self.database),
            (self.tr("&Login:"), self.user),
            (self.tr("&Password:"), self.password),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Why it cannot connect"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(
            self.tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for field in (self.host, self.database, self.user):
            field.textChanged.connect(self._check)
        self._check()
        if problem is not None and address is not None:
            self._say(words(problem, address), error=problem.kind != server_login.NEEDS_PASSWORD)
        first_empty = next((f for f in (self.host, self.user) if not f.text().strip()), None)
        (first_empty or self.password).setFocus()
        self.resize(max(self.sizeHint().width(), 460), self.sizeHint().height())

    def invalid(self) -> str:
        """What stops the connection being tried, in words ("" when it may be tried)."""
        host, database, user = (f.text().strip() for f in (self.host, self.database, self.user))
        if not host:
            return self.tr("Type the server's host name or address.")
        if not _HOST.fullmatch(host):
            return self.tr("“{host}” is not a host name or address.").format(host=host)
        if not database:
            return self.tr("Type the name of the database.")
        if not _NAME.fullmatch(database):
            return self.tr("A database name has no spaces, slashes or @.")
        if not user:
            return self.tr("Type your login on the server.")
        if not _NAME.fullmatch(user):
            return self.tr("A login has no spaces, slashes or @.")
        return ""

    def _check(self) -> None:
        why = self.invalid()
        self.connect_button.setEnabled(not why)
        self._say(why, error=False)

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("QLabel { color: #b00020; }" if error else "")

    def address(self) -> ServerAddress:
        """The address as typed."""
        return ServerAddress(
            self.host.text().strip().strip("[]"),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    def accept(self) -> None:
        if self.invalid():
            return
        address, password = self.address(), self.password.text() or None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            db = open_server(address, password)
        except ConnectionProblem as problem:
            self._said_problem(problem, address)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        db.close()  # the window opens it again, as it opens every database
        if self.remember.isEnabled():
            if self.remember.isChecked() and password:
                keyring_store.remember(address, password)
            elif not self.remember.isChecked():
                keyring_store.forget(address)
        self.connected = (address, password)
        super().accept()

    def _said_problem(self, problem: ConnectionProblem, address: ServerAddress) -> None:
        self._say(words(problem, address), error=True)
        if problem.kind in (server_login.WRONG_LOGIN, server_login.NEEDS_PASSWORD):
            self.password.selectAll()
            self.password.setFocus()


def ask_connection(
    parent: QWidget | None,
    address: ServerAddress | None = None,
    problem: ConnectionProblem | None = None,
) -> tuple[ServerAddress, str | None] | None:
    """Ask where to connect and connect; the address and password that opened, or None."""
    dialog = ConnectDialog(parent, address, problem)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.connected


def connect_to_server(win: WindowApi, address: ServerAddress | None = None) -> bool:
    """File → Connect to a server…: ask, then open the server's database in this window's place.

    With ``address`` (File → Recent), a password in the keyring (or the user's ~/.pgpass) is
    tried first; the dialog is shown only when the server wants more.
    """
    problem: ConnectionProblem | None = None
    if address is not None:
        password = keyring_store.saved_password(address)
        try:
            open_server(address, password).close()
        except ConnectionProblem as found:
            problem = found
        else:
            return win.switch_to(address.url(password))
    chosen = ask_connection(win.parent_widget(), address, problem)
    if chosen is None:
        return False
    address, password = chosen
    return win.switch_to(address.url(password))


def open_recent(win: WindowApi, location: str) -> bool:
    """File → Recent: a file opens as it is; a server is connected to (its password asked)."""
    address = server_login.parse_address(location)
    if address is None:
        return win.switch_to(location)
    return connect_to_server(win, address)
