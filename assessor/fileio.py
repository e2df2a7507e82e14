"""Writing files safely: to a temporary name in the same folder, fsync'd, then moved into place.

A crash or a full disk mid-write therefore never leaves a half-written export where the
previous good one was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _fsync_dir(folder: Path) -> None:
    # The rename is durable only once the folder entry is flushed; Windows cannot open folders.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success it replaces ``path`` atomically.

    If the block raises, the temporary file is removed and ``path`` is left untouched.
    """
    given = Path(path)
    # Beside the real file: a link is followed, not replaced, and "/tmp" is /tmp, not "/" + "tmp".
    target = Path(os.path.realpath(given))
    folder = target.parent
    # Errors name the file asked for, never the temporary one, and come before anything is made.
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(given))
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, f"the folder {folder} does not exist", str(given))
    # Keep the real suffix last: some writers choose the format from the extension.
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=f".tmp{target.suffix}", dir=folder
        )
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(given)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _fsync_file(tmp)
        # mkstemp creates the file private (0600), which suits confidential material; an
        # existing file keeps the permissions its owner gave it.
        with contextlib.suppress(OSError):
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):
        _fsync_dir(folder)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temporary file, fsync, rename)."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
