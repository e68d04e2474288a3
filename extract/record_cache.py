"""A per-file cache of parsed and validated curated files, keyed by content hash.

Reading 100k YAML files is most of a build; a file that did not change since the last build
is served from ``<project>/.tollbook-cache`` instead. Each entry is one small Arrow IPC stream
holding the key and the validated model as JSON (plain data, never code objects: a
tampered one can at worst fail validation). The key is the SHA-256 of the file's bytes, its
kind, the tollbook version, the schema version and the source of the record format, so a
changed file or a changed format is never served stale. Only files that passed every check
are cached: a file with problems is read through the line-tracking path on every build.
An entry that cannot be read, whose key does not match, or that no longer validates is
ignored (and rewritten by this build).

``TOLLBOOK_CACHE`` relocates the cache (a folder) or turns it off (``off``); commands take
``--cache-dir`` / ``--no-cache``.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path

import pyarrow as pa
from pydantic import BaseModel

from tollbook import __version__

CACHE_ENV = "TOLLBOOK_CACHE"
CACHE_FOLDER = ".tollbook-cache"
_OFF = {"off", "0", "no", "false", "none", ""}
_SCHEMA = pa.schema([("key", pa.string()), ("json", pa.string()), ("sha256", pa.string())])


@cache
def _format_stamp() -> bytes:
    """Everything besides a file's bytes that its parsed model depends on."""
    from tollbook.extract import fast_yaml, record_format
    from tollbook.validate.schemas import SCHEMA_VERSION

    parts = [__version__, SCHEMA_VERSION, "arrow-ipc-stream-json-3"]
    for module in (record_format, fast_yaml):
        parts.append(hashlib.sha256(Path(module.__file__).read_bytes()).hexdigest())
    return "\n".join(parts).encode()


class ParsedCache:
    """Validated models by content hash; ``folder=None`` is a cache that never hits."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None
        self.hits = 0
        self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def key(self, kind: str, raw: bytes) -> str:
        return hashlib.sha256(_format_stamp() + b"\n" + kind.encode() + b"\n" + raw).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.arrow"

    def get(self, key: str, model: type[BaseModel]) -> BaseModel | None:
        if self.folder is None:
            return None
        try:
            batch = pa.ipc.open_stream(self._path(key).read_bytes()).read_next_batch()
            if batch.schema != _SCHEMA or batch.num_rows != 1 or batch.column(0)[0].as_py() != key:
                raise ValueError("not this entry")
            text = batch.column(1)[0].as_py()
            if _digest(key, text) != batch.column(2)[0].as_py():
                raise ValueError("damaged entry")
            found = model.model_validate_json(text)
        except Exception:  # noqa: BLE001 - any unreadable or foreign entry is a miss, never trusted
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, key: str, value: BaseModel) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        text = value.model_dump_json()
        table = pa.table({"key": [key], "json": [text], "sha256": [_digest(key, text)]}, schema=_SCHEMA)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh, pa.ipc.new_stream(fh, _SCHEMA) as writer:
                writer.write_table(table)
            os.replace(tmp, path)  # a reader sees the old entry or the whole new one
        except OSError:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            return  # a cache that cannot be written only costs time


def _digest(key: str, text: str) -> str:
    """Guards an entry against damage: a flipped byte in the JSON makes it a miss."""
    return hashlib.sha256(f"{key}\n{text}".encode()).hexdigest()


def cache_for(dataset: Path, folder: Path | None = None, enabled: bool = True) -> ParsedCache:
    """The cache a build of ``dataset`` uses: ``folder``, else ``TOLLBOOK_CACHE``, else
    ``<project>/.tollbook-cache`` beside the dataset folder."""
    if not enabled:
        return ParsedCache(None)
    if folder is None:
        env = os.environ.get(CACHE_ENV)
        if env is not None:
            if env.strip().lower() in _OFF:
                return ParsedCache(None)
            folder = Path(env)
        else:
            folder = Path(dataset).resolve().parent / CACHE_FOLDER
    return ParsedCache(folder)
