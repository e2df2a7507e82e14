"""File → Connect to a server…: the dialog's checks and words, the keyring, and a real server.

The tests at the end connect the window to the throwaway server of
``ASSESSOR_TEST_DATABASE_URL`` (``make test-postgres``, tests/server_db.py); without it they
are skipped with that reason. The others need no server.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from assessor.db.engine import Database
from assessor.services import server_login
from assessor.services.imports import import_file
from assessor.services.server_login import ConnectionProblem, ServerAddress
from assessor.ui import connect_dialog, dialogs, keyring_store, storage_actions
from assessor.ui.app import Launcher
from assessor.ui.connect_dialog import ConnectDialog, words
from assessor.ui.main_window import MainWindow
from tests.ui.conftest import FACTSHEET

ADDRESS = ServerAddress("db.secretariat.example", 5432, "assessor", "ann")


class FakeKeyring:
    """A keyring backend that works, in memory."""

    priority = 5

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_keyring(self) -> FakeKeyring:
        return self

    def get_password(self, service: str, user: str) -> str | None:
        return self.kept.get((service, user))

    def set_password(self, service: str, user: str, password: str) -> None:
        self.kept[(service, user)] = password

    def delete_password(self, service: str, user: str) -> None:
        del self.kept[(service, user)]


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine without a usable keyring (as CI is)."""
    fail = SimpleNamespace(get_keyring=lambda: SimpleNamespace(priority=0))
    monkeypatch.setattr(keyring_store, "_keyring", lambda: fail)


@pytest.fixture
def fake_keyring(monkeypatch: pytest.MonkeyPatch) -> FakeKeyring:
    """A working system keyring."""
    found = FakeKeyring()
    monkeypatch.setattr(keyring_store, "_keyring", lambda: found)
    return found


def _dialog(qtbot, **kwargs: Any) -> ConnectDialog:  # type: ignore[no-untyped-def]
    dialog = ConnectDialog(None, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def test_the_fields_are_checked_before_connecting(qtbot, no_keyring: None) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    dialog.user.setText("ann")
    assert not dialog.connect_button.isEnabled()
    assert "host name" in dialog.message.text()
    for host, database, user, why in (
        ("db example", "assessor", "ann", "is not a host name"),
        ("db.example", "", "ann", "name of the database"),
        ("db.example", "my db", "ann", "no spaces"),
        ("db.example", "assessor", "", "your login"),
        ("db.example", "assessor", "ann@x", "login has no spaces"),
    ):
        dialog.host.setText(host)
        dialog.database.setText(database)
        dialog.user.setText(user)
        assert not dialog.connect_button.isEnabled() and why in dialog.message.text()
    dialog.host.setText("10.20.0.5")
    dialog.database.setText("assessor")
    dialog.user.setText("ann")
    assert dialog.connect_button.isEnabled() and dialog.message.text() == ""
    assert dialog.address() == ServerAddress("10.20.0.5", 5432, "assessor", "ann")


def test_every_refusal_is_one_plain_sentence() -> None:
    for kind, expected in (
        (server_login.UNREACHABLE, "cannot be reached"),
        (server_login.NEEDS_PASSWORD, "asks for the password of ann"),
        (server_login.WRONG_LOGIN, "the password is wrong"),
        (server_login.NO_SUCH_DATABASE, "There is no database assessor"),
        (server_login.NOT_LET_IN, "does not let ann in"),
        (server_login.NOT_ALLOWED, "lacks the privileges"),
        (server_login.NEWER_SCHEMA, "newer version of Assessor"),
        (server_login.NO_DRIVER, "PostgreSQL driver"),
        (server_login.OTHER, "could not be used: boom"),
    ):
        sentence = words(ConnectionProblem(kind, "boom\nSELECT 1"), ADDRESS)
        assert expected in sentence and "SELECT" not in sentence and "\n" not in sentence


def test_a_refusal_keeps_the_dialog_open_with_the_reason(
    qtbot, no_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    def refuse(address: ServerAddress, password: str | None) -> Database:
        raise ConnectionProblem(server_login.WRONG_LOGIN, "password authentication failed")

    monkeypatch.setattr(connect_dialog, "open_server", refuse)
    dialog = _dialog(qtbot, address=ADDRESS)
    dialog.password.setText("wrong")
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.connected is None
    assert "the password is wrong" in dialog.message.text()
    assert dialog.password.hasFocus() or not dialog.isActiveWindow()


def test_without_a_keyring_remembering_is_off_and_says_why(qtbot, no_keyring: None) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    assert not dialog.remember.isEnabled()
    assert "No system keyring" in dialog.keyring_note.text()
    assert not dialog.keyring_note.isHidden()


def test_the_password_is_remembered_only_when_asked_and_never_in_settings(
    qtbot, fake_keyring: FakeKeyring, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    opened: list[str | None] = []

    class Opened:
        def close(self) -> None:
            pass

    def accept(address: ServerAddress, password: str | None) -> Opened:
        opened.append(password)
        return Opened()

    monkeypatch.setattr(connect_dialog, "open_server", accept)
    dialog = _dialog(qtbot, address=ADDRESS)
    assert dialog.remember.isEnabled() and not dialog.remember.isChecked()
    dialog.password.setText("s3cret-pass")
    dialog.accept()
    assert dialog.connected == (ADDRESS, "s3cret-pass") and fake_keyring.kept == {}

    ticked = _dialog(qtbot, address=ADDRESS)
    ticked.password.setText("s3cret-pass")
    ticked.remember.setChecked(True)
    ticked.accept()
    assert fake_keyring.kept == {("Assessor", "ann@db.secretariat.example/assessor"): "s3cret-pass"}
    assert keyring_store.saved_password(ADDRESS) == "s3cret-pass"

    again = _dialog(qtbot, address=ADDRESS)  # it was remembered: unticking forgets it
    assert again.remember.isChecked()
    again.remember.setChecked(False)
    again.password.setText("s3cret-pass")
    again.accept()
    assert fake_keyring.kept == {}
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"s3cret-pass" not in path.read_bytes(), path


def test_the_addresses_never_carry_the_password() -> None:
    url = ADDRESS.url("s3cret")
    assert "s3cret" in url  # only what opens the connection has it
    assert ADDRESS.recent == "postgresql+psycopg://ann@db.secretariat.example:5432/assessor"
    assert server_login.parse_address(ADDRESS.recent) == ADDRESS
    assert server_login.parse_address("/home/ann/albania.sqlite") is None
    assert ADDRESS.shown == "ann@db.secretariat.example/assessor"


def test_a_file_says_where_it_is_in_the_title(window: MainWindow) -> None:
    path = Path(window.db.location)
    assert window.windowTitle() == f"{path.name} in {path.parent}"
    assert not storage_actions.on_server(window)


def test_a_recent_server_asks_for_the_password_it_needs(
    window: MainWindow, no_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def needs(address: ServerAddress, password: str | None) -> Database:
        raise ConnectionProblem(server_login.NEEDS_PASSWORD, "no password supplied")

    asked: list[tuple[object, ...]] = []
    monkeypatch.setattr(connect_dialog, "open_server", needs)
    monkeypatch.setattr(connect_dialog, "ask_connection", lambda *a: asked.append(a))
    assert not connect_dialog.open_recent(window, ADDRESS.recent)
    ((_parent, address, problem),) = asked
    assert address == ADDRESS and problem.kind == server_login.NEEDS_PASSWORD


# --- on a real server ------------------------------------------------------------------------


@pytest.fixture
def server_db(new_database: Callable[..., Database]) -> Database:
    """A database with the example factsheet on the test server (skipped on SQLite)."""
    db = new_database()
    if db.path is not None:
        pytest.skip(
            "needs a PostgreSQL server: set ASSESSOR_TEST_DATABASE_URL (make test-postgres)"
        )
    import_file(db, FACTSHEET)
    return db


def test_connecting_from_the_window_to_a_server(
    qtbot,
    server_db: Database,
    settings: QSettings,
    tmp_path: Path,
    no_keyring: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    url = server_db.url
    address = ServerAddress(
        url.host or "", url.port or 5432, url.database or "", url.username or ""
    )
    launcher = Launcher(settings)
    assert launcher.open(tmp_path / "laptop.sqlite")
    first = launcher.window
    assert first is not None
    qtbot.addWidget(first)
    dialogs_seen: list[ConnectDialog] = []

    def ask(parent: object, given: object = None, problem: object = None):  # type: ignore[no-untyped-def]
        dialog = ConnectDialog(None)
        qtbot.addWidget(dialog)
        dialogs_seen.append(dialog)
        dialog.host.setText(address.host)
        dialog.port.setValue(address.port)
        dialog.database.setText(address.database)
        dialog.user.setText(address.user)
        dialog.password.setText("not-the-password")
        dialog.accept()  # refused: said in the dialog, which stays open
        assert "the password is wrong" in dialog.message.text(), dialog.message.text()
        dialog.password.setText(url.password or "")
        dialog.accept()
        return dialog.connected

    monkeypatch.setattr(connect_dialog, "ask_connection", ask)
    assert connect_dialog.connect_to_server(first)
    win = launcher.window
    assert win is not None and win is not first
    qtbot.addWidget(win)
    assert win.windowTitle() == f"{address.shown} (server)"
    assert address.shown in win.path_label.text()
    assert win.workbench.model.factsheet_ids()  # the server's factsheet is shown
    # File → Recent keeps the server without its password; so does the settings file.
    win._refresh_recent()
    assert str(tmp_path / "laptop.sqlite") in [a.text() for a in win.recent_menu.actions()]
    settings.sync()
    files = [Path(settings.fileName()), *(p for p in tmp_path.rglob("*") if p.is_file())]
    kept = b"".join(p.read_bytes() for p in files if p.exists())
    assert address.recent.encode() in kept
    assert (url.password or "").encode() not in kept
    # Backups are the server's job.
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: told.append(text))
    storage_actions.backup_now(win)
    storage_actions.restore(win)
    assert len(told) == 2 and all("pg_dump" in t for t in told)
    assert "pg_dump" in win.backup_action.toolTip()
    win.close()
    launcher.close()


def test_a_server_schema_newer_than_the_app_is_refused_in_words(server_db: Database) -> None:
    from sqlalchemy import text

    with server_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    url = server_db.url
    address = ServerAddress(
        url.host or "", url.port or 5432, url.database or "", url.username or ""
    )
    with pytest.raises(ConnectionProblem) as caught:
        server_login.open_server(address, url.password)
    assert caught.value.kind == server_login.NEWER_SCHEMA
    assert "newer version of Assessor" in words(caught.value, address)


def test_a_login_without_the_right_to_the_database_is_told_so(server_db: Database) -> None:
    from sqlalchemy import text

    url = server_db.url
    login = f"h5_no_rights_{url.database}"[:60]
    with server_db.engine.begin() as conn:
        conn.execute(text(f'REVOKE CONNECT ON DATABASE "{url.database}" FROM PUBLIC'))
        conn.execute(text(f"DROP ROLE IF EXISTS {login}"))
        conn.execute(text(f"CREATE ROLE {login} LOGIN PASSWORD 'pw-of-nobody'"))
    address = ServerAddress(url.host or "", url.port or 5432, url.database or "", login)
    try:
        with pytest.raises(ConnectionProblem) as caught:
            server_login.open_server(address, "pw-of-nobody")
        assert caught.value.kind == server_login.NOT_ALLOWED, caught.value.detail
        assert "lacks the privileges" in words(caught.value, address)
    finally:
        with server_db.engine.begin() as conn:
            conn.execute(text(f"DROP ROLE IF EXISTS {login}"))
