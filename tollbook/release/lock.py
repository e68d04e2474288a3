"""One build at a time per releases folder: an exclusive lock file holding the builder's pid."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from tollbook.problems import TollbookError

LOCK_FILE = ".lock"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def build_lock(releases: Path):
    path = releases / LOCK_FILE
    for _ in range(2):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            try:
                pid = int(path.read_text().strip() or 0)
            except (OSError, ValueError):
                pid = 0
            if pid and _alive(pid):
                raise TollbookError(
                    f"another build (pid {pid}) is running in {releases}; wait for it to finish"
                ) from None
            path.unlink(missing_ok=True)  # a build that died left it behind
        except OSError as exc:
            raise TollbookError(f"cannot write to {releases}: {exc.strerror}") from None
    else:  # pragma: no cover - only when another process races us twice
        raise TollbookError(f"could not take the build lock {path}")
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        path.unlink(missing_ok=True)
