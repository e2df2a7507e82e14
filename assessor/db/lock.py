"""One writer per database: a lock file beside it, recording who holds it.

The lock is an OS lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) held on
``<database>.lock`` for as long as the database is open; the file also records the holder's
process id, host and start time so that a second instance can say who has it. The OS drops the
lock when its process dies, however it dies, so a lock left by a crashed process is stale by
construction and the next opener simply takes it over (and is told whose it was).

Pure Python, no Qt: the CLI and the window use the same lock.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from assessor.db.errors import DatabaseLocked
from assessor.i18n import _

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

# Windows locks byte ranges and forbids reading a locked range: lock a byte far past the text.
_WIN_LOCK_OFFSET = 1 << 30


@dataclass(frozen=True)
class LockOwner:
    """Who holds (or held) a database: process id, host, user and since when."""

    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        """The owner in plain words, for messages."""
        if self.user:
            return _("process {pid} on {host} ({user}), since {since}").format(
                pid=self.pid, host=self.host, user=self.user, since=self.since
            )
        return _("process {pid} on {host}, since {since}").format(
            pid=self.pid, host=self.host, since=self.since
        )

    @classmethod
    def me(cls) -> LockOwner:
        """The current process as an owner."""
        try:
            user = getpass.getuser()
        except Exception:  # no login name (some containers): the pid and host still tell
            user = ""
        since = datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M")
        return cls(os.getpid(), socket.gethostname(), user, since)


def lock_path(db_path: Path) -> Path:
    """The lock file of a database file: ``<name>.lock`` beside it."""
    return db_path.with_name(db_path.name + ".lock")


def _parse(text: str) -> LockOwner | None:
    try:
        data = json.loads(text)
        return LockOwner(int(data["pid"]), str(data["host"]), str(data["user"]), str(data["since"]))
    except (ValueError, KeyError, TypeError):
        return None


def read_owner(db_path: Path) -> LockOwner | None:
    """What the lock file of ``db_path`` records, held or stale; None without one."""
    try:
        return _parse(lock_path(db_path).read_text(encoding="utf-8"))
    except OSError:
        return None


def _try_os_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":  # pragma: no cover
            os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _same_file(fd: int, path: Path) -> bool:
    # A holder that released (and unlinked) the file between our open and our lock leaves us
    # holding an orphan; only the file still at the path counts.
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


class _Held:
    """The OS lock of one lock file, shared by every ``DatabaseLock`` of this process on it."""

    def __init__(self, fd: int, path: Path) -> None:
        self.fd = fd
        self.path = path
        self.count = 1


# One instance is one process: opening the same database twice inside it (a worker thread, a
# test and the CLI it calls) shares the lock instead of refusing itself.
_HELD: dict[str, _Held] = {}
_HELD_GUARD = threading.Lock()


def _lock_file(db_path: Path, path: Path) -> tuple[int, LockOwner | None]:
    for _attempt in range(10):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_os_lock(fd):
            os.close(fd)
            owner = read_owner(db_path)
            holder = owner.describe() if owner else _("another process")
            raise DatabaseLocked(
                _(
                    "The database {path} is open in another Assessor ({holder}). "
                    "Close it there, or open this one read-only."
                ).format(path=db_path, holder=holder),
                db_path,
                holder,
            )
        if not _same_file(fd, path):
            os.close(fd)
            continue
        with open(fd, "rb", closefd=False) as f:
            previous = _parse(f.read(4096).decode("utf-8", "replace"))
        text = json.dumps(LockOwner.me().__dict__).encode("utf-8")
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text)
        os.fsync(fd)
        return fd, previous
    raise DatabaseLocked(  # pragma: no cover - only under a storm of opens and closes
        _("Could not take the lock of {path}; try again.").format(path=db_path),
        db_path,
        _("another process"),
    )


class DatabaseLock:
    """A held lock of one database file; ``release()`` gives it up."""

    def __init__(self, path: Path, held: _Held, stale_owner: LockOwner | None) -> None:
        self.path = path
        self._held: _Held | None = held
        #: The owner recorded by a crashed process whose lock was taken over, if any.
        self.stale_owner = stale_owner

    @classmethod
    def acquire(cls, db_path: Path) -> DatabaseLock:
        """Take the lock of ``db_path``, or raise ``DatabaseLocked`` saying who holds it."""
        path = lock_path(db_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        key = os.path.realpath(path)
        with _HELD_GUARD:
            held = _HELD.get(key)
            if held is not None:
                held.count += 1
                return cls(path, held, None)
            fd, previous = _lock_file(db_path, path)
            held = _HELD[key] = _Held(fd, path)
            # Our own pid in the file means a previous holder in this process closed cleanly.
            stale = previous if previous and previous.pid != os.getpid() else None
            return cls(path, held, stale)

    @property
    def held(self) -> bool:
        """Whether this lock is still held."""
        return self._held is not None

    def release(self) -> None:
        """Give the lock up; the last holder in the process removes the file (twice is harmless)."""
        with _HELD_GUARD:
            held, self._held = self._held, None
            if held is None:
                return
            held.count -= 1
            if held.count:
                return
            _HELD.pop(os.path.realpath(held.path), None)
            if sys.platform != "win32":
                # Unlink while still holding it, so that nobody can lock a file we then remove.
                with contextlib.suppress(OSError):
                    if _same_file(held.fd, held.path):
                        held.path.unlink()
            os.close(held.fd)
