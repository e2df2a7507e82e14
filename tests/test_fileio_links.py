"""Writing through links: a link to a regular file is written through; anything else refused."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from assessor.cli import main
from assessor.fileio import atomic_path, atomic_write_bytes
from tests.server_db import db_argument

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and nodes")


def test_a_link_to_a_regular_file_is_written_through_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"


def test_a_dangling_link_into_an_existing_folder_makes_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "new.json")
    atomic_write_bytes(link, b"made")
    assert link.is_symlink() and (tmp_path / "new.json").read_bytes() == b"made"


def test_a_fifo_or_a_link_to_one_is_refused_before_anything_opens_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(fifo)
    for name in (fifo, link):
        with pytest.raises(OSError, match="named pipe") as refused, atomic_path(name):
            pytest.fail("the block must not run")
        assert refused.value.filename == str(name)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "pipe.json"]
    assert fifo.is_fifo() and link.is_symlink()


def test_a_link_to_a_device_is_refused_and_the_device_untouched(tmp_path: Path) -> None:
    device = Path("/dev/null")
    if not device.is_char_device():
        pytest.skip("no /dev/null device here")
    before = os.stat(device)
    link = tmp_path / "null.json"
    link.symlink_to(device)
    # Nothing may be made beside the device: /dev is the folder a temporary file would go to.
    with pytest.raises(OSError, match="a device") as refused, atomic_path(link):
        pytest.fail("the block must not run")
    assert refused.value.filename == str(link)
    after = os.stat(device)
    assert device.is_char_device() and (after.st_ino, after.st_rdev) == (
        before.st_ino,
        before.st_rdev,
    )
    assert link.is_symlink()


def test_a_socket_a_folder_and_a_link_into_a_missing_folder_are_refused(tmp_path: Path) -> None:
    sock_path = tmp_path / "s.json"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(sock_path))
        with pytest.raises(OSError, match="socket"), atomic_path(sock_path):
            pytest.fail("the block must not run")
    finally:
        sock.close()
    folder = tmp_path / "folder"
    folder.mkdir()
    to_folder = tmp_path / "to-folder.json"
    to_folder.symlink_to(folder)
    with pytest.raises(IsADirectoryError, match="a link to"), atomic_path(to_folder):
        pytest.fail("the block must not run")
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "missing" / "x.json")
    with pytest.raises(FileNotFoundError, match="whose folder") as missing, atomic_path(dangling):
        pytest.fail("the block must not run")
    assert missing.value.filename == str(dangling)


def test_export_to_a_link_to_a_fifo_says_so_in_one_line(
    tmp_path: Path, seeded: object, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = db_argument(seeded.db)  # type: ignore[attr-defined]
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "out.json"
    link.symlink_to(fifo)
    capsys.readouterr()
    assert main(["--db", str(db_path), "export", "json", "-o", str(link)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(link) in err and "named pipe" in err, err
    assert fifo.is_fifo()
