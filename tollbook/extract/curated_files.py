"""Writing curated files: atomically, and as plain YAML.

Every writer of a curated file (``tollbook add``, ``tollbook review``, the workbench) goes
through here, so a file is always either its old bytes or all of the new ones, and YAML is
written without anchors (editing one value never changes another).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml


class _PlainDumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:  # no &id001 anchors: each value is its own
        return True


def dump_plain(data) -> str:
    """``data`` as block YAML, keys in their order, without anchors or aliases."""
    return yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=100)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it holds either its old bytes or all of the new ones."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
