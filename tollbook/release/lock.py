"""One build at a time per releases folder: an exclusive ``flock`` on ``releases/.lock``.

The kernel drops the lock when its holder dies, so a killed build never blocks the next one;
the file holds the builder's pid only for the message a refused build prints.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from tollbook.contract.problems import TollbookError

LOCK_FILE = ".lock"


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
    except OSError:
        return "unknown"


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False


@contextlib.contextmanager
def build_lock(releases: Path):
    path = releases / LOCK_FILE
    while True:
        try:
            fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
        except OSError as exc:
            raise TollbookError(f"cannot write to {releases}: {exc.strerror}; nothing was changed") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _holder(fd)
            os.close(fd)
            raise TollbookError(
                f"another build (pid {pid}) is running in {releases}; wait for it to finish"
            ) from None
        if _same_file(fd, path):
            break
        os.close(fd)  # the holder removed the file as we opened it: lock the new one
    try:
        try:
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        except OSError as exc:
            raise TollbookError(f"cannot write to {releases}: {exc.strerror}; nothing was changed") from None
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)
