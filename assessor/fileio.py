"""Writing files safely: to a temporary name in the same folder, fsync'd, then moved into place.

A crash or a full disk mid-write therefore never leaves a half-written export where the
previous good one was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from assessor.i18n import _


def _read_umask() -> int:
    # os.umask can only be read by setting it: done once, at import, before any thread writes.
    old = os.umask(0o077)
    os.umask(old)
    return old


#: The user's umask when the module was imported; exports meant to be shared follow it.
UMASK = _read_umask()


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


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not a regular file")


def _refuse_special(given: Path, target: Path) -> None:
    """Refuse to replace anything but a regular file (or nothing yet), link or no link.

    Written through a link, like an editor does, only when the link leads to a regular file:
    the link stays and its target is replaced.
    """
    try:
        mode = os.stat(target).st_mode  # stat never opens: a FIFO or device is left alone
    except FileNotFoundError:
        return
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(given)) from exc
    kind = _kind(mode)
    if kind is None:
        return
    linked = given.is_symlink()
    if stat.S_ISDIR(mode):
        if linked:
            why = _("is a link to {target}, which is a folder, not a file")
        else:
            why = _("is a folder, not a file")
        raise IsADirectoryError(errno.EISDIR, why.format(target=target), str(given))
    if linked:
        why = _(
            "it is a link to {target}, which is {kind}, not a regular file; nothing was "
            "written, choose another file name"
        )
    else:
        why = _("it is {kind}, not a regular file; nothing was written, choose another file name")
    raise OSError(errno.EINVAL, why.format(target=target, kind=kind), str(given))


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, shared: bool = False) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success it replaces ``path`` atomically.

    If the block raises, the temporary file is removed and ``path`` is left untouched. A new
    file stays private (0600) — the database, backups, settings — unless ``shared`` (an export
    meant to be passed on), which gets the user's umask like any file they save.
    """
    given = Path(path)
    # Beside the real file: a link is followed, not replaced, and "/tmp" is /tmp, not "/" + "tmp".
    target = Path(os.path.realpath(given))
    folder = target.parent
    # Errors name the file asked for, never the temporary one, and come before anything is made
    # or opened (opening a FIFO would block; replacing a device node would destroy it).
    _refuse_special(given, target)
    if not folder.is_dir():
        where = f"a link to {target}, whose folder" if given.is_symlink() else "the folder"
        raise FileNotFoundError(errno.ENOENT, f"{where} {folder} does not exist", str(given))
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
            if target.exists():
                os.chmod(tmp, target.stat().st_mode & 0o7777)
            elif shared:
                os.chmod(tmp, 0o666 & ~UMASK)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):
        _fsync_dir(folder)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, shared: bool = False) -> None:
    """Write ``data`` to ``path`` atomically (temporary file, fsync, rename); see atomic_path."""
    with atomic_path(path, shared=shared) as tmp:
        tmp.write_bytes(data)
