"""A cache of what the curated files compile to, keyed by content hash, kept as one pack.

Reading 100k YAML files is most of a build; a file that did not change since the last build
is served from ``<project>/.tollbook-cache`` instead. The cache of one dataset folder is one
Arrow IPC file (a *pack*) with a row per file: the key, a JSON text, a checksum, and for a
record file its rows, for a sidecar its fields. A sidecar's JSON is its validated model (plain
data, never code objects: a tampered one can at worst fail validation), made into the model only
when something asks for it; its fields (:mod:`tollbook.extract.sidecar_view`) are what a build
reads, served as one Arrow column. A record file's JSON is a header (its document
and ids) and its rows are the parts of :data:`tollbook.extract.row_parts.PARTS`, one list of
structs each (:mod:`tollbook.extract.record_rows` makes them; no model is kept). One file is
read (memory-mapped) per build, not one per curated file.

The key hashes the SHA-256 of the file's bytes, its kind, the tollbook version, the schema
version and the source of the code that reads it, and for a record file's rows what they read
besides the file (:meth:`ParsedCache.rows_key`), so nothing is ever served stale. Only files
that passed every check are cached: a file with problems is read through the line-tracking
path on every build. An entry whose checksum does not match (for rows, it covers a hash of
every value), whose header names another file, or that no longer validates, is a miss; a pack
that cannot be read is empty. After reading, :meth:`ParsedCache.save` rewrites the pack with
exactly the entries this build used, so entries of edited or deleted files do not pile up; a
pack that would not change is not rewritten. The pack is replaced with one rename, so a reader
sees the old pack or the new.

``TOLLBOOK_CACHE`` relocates the cache (a folder) or turns it off (``off``); commands take
``--cache-dir`` / ``--no-cache``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel

from tollbook.extract.row_parts import PARTS
from tollbook.extract.sidecar_view import SIDECAR_VIEW
from tollbook.version import __version__

CACHE_ENV = "TOLLBOOK_CACHE"
CACHE_FOLDER = ".tollbook-cache"
_OFF = {"off", "0", "no", "false", "none", ""}
#: ``key``, ``json`` and ``sha256`` of every entry; a record file's entry also holds its rows, one
#: list of structs per part (:data:`tollbook.extract.record_rows.PARTS`), null for a sidecar; a
#: sidecar's entry holds its fields in ``sidecar`` (:data:`SIDECAR_VIEW`), null for a record file.
_SCHEMA = pa.schema([("key", pa.string()), ("json", pa.string()), ("sha256", pa.string()),
                     *[(part, pa.list_(pa.struct(list(schema)))) for part, schema in PARTS.items()],
                     ("sidecar", SIDECAR_VIEW)])


@cache
def _format_stamp() -> bytes:
    """Everything besides a file's bytes that its parsed model depends on."""
    from tollbook.contract.schemas import SCHEMA_VERSION
    from tollbook.extract import fast_yaml, record_format

    parts = [__version__, SCHEMA_VERSION, "arrow-ipc-pack-rows-6"]
    here = Path(str(record_format.__file__)).parent
    for module in (record_format, fast_yaml):
        parts.append(hashlib.sha256(Path(str(module.__file__)).read_bytes()).hexdigest())
    # what a record file's rows and a sidecar's fields are made by
    # (and the checks a sidecar's entry stands for: sources.py)
    for name in ("record_rows.py", "row_parts.py", "counts.py", "sidecar_view.py", "sources.py"):
        parts.append(hashlib.sha256((here / name).read_bytes()).hexdigest())
    return "\n".join(parts).encode()


def pack_name(dataset: Path) -> str:
    """The pack of one dataset folder (several datasets may share a cache folder)."""
    return "pack-" + hashlib.sha256(str(Path(dataset).resolve()).encode()).hexdigest()[:16] + ".arrow"


class ParsedCache:
    """Validated models and record files' rows by content hash; ``folder=None`` is a cache
    that never hits.

    ``pack`` names the pack file in ``folder``; :func:`cache_for` names it after the dataset.
    The pack stays memory-mapped: only its keys become Python objects, and an entry's JSON only
    when it is served.
    """

    def __init__(self, folder: Path | None, pack: str = "pack.arrow"):
        self.folder = Path(folder) if folder is not None else None
        self.pack = pack
        self.hits = 0
        self.misses = 0
        self._stored: pa.Table | None = None
        self._rows: dict[str, int] | None = None  # key → row of the stored pack
        self._served: dict[str, int] = {}  # stored entries this build used
        self._fresh: dict[str, tuple[str, str]] = {}  # entries this build added: key → (json, checksum)
        self._fresh_rows: dict[str, tuple[str, dict[str, list[dict]]]] = {}  # key → (json, rows by part)
        self._fresh_sidecars: dict[str, tuple[str, dict]] = {}  # key → (model json, fields)

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    @property
    def path(self) -> Path | None:
        return self.folder / self.pack if self.folder is not None else None

    def key(self, kind: str, file_sha256: str) -> str:
        """The entry of a file of ``kind`` whose bytes have SHA-256 ``file_sha256``."""
        return hashlib.sha256(_format_stamp() + b"\n" + kind.encode() + b"\n" + file_sha256.encode()).hexdigest()

    def _index(self) -> dict[str, int]:
        if self._rows is None:
            self._stored, self._rows = _read_pack(self.path) if self.path is not None else (None, {})
        return self._rows

    def _select(self, rows: list[int]) -> pa.Table:
        """The stored entries at ``rows``, in the pack's order: one filter, which keeps that
        order and is cheaper than a take on nested rows."""
        assert self._stored is not None
        mask = np.zeros(self._stored.num_rows, dtype=bool)
        mask[rows] = True
        return self._stored.filter(pa.array(mask))

    def get(self, key: str, model: type[BaseModel]) -> BaseModel | None:
        if self.folder is None:
            return None
        row = self._index().get(key)
        try:
            if row is None or self._stored is None:
                raise KeyError(key)
            text = self._stored.column(1)[row].as_py()
            if _digest(key, text) != self._stored.column(2)[row].as_py():
                raise ValueError("damaged entry")
            found = model.model_validate_json(text)
        except Exception:  # noqa: BLE001 - any unreadable or foreign entry is a miss, never trusted
            self.misses += 1
            return None
        self.hits += 1
        self._served[key] = row
        return found

    def rows_key(self, file_sha256: str, depends_on: str) -> str:
        """The entry of a record file's rows: its bytes and what its rows read besides them."""
        return self.key("record-rows\n" + depends_on, file_sha256)

    def lookup_rows(self, key: str, document_id: str) -> dict | None:
        """The header of a stored rows entry for the record file of ``document_id`` (its ids, in
        file order), or ``None``. Not served yet: :meth:`take_rows` checks the rows themselves."""
        if self.folder is None:
            return None
        row = self._index().get(key)
        if row is None or self._stored is None:
            return None
        try:
            head = json.loads(self._stored.column(1)[row].as_py())
            if (not isinstance(head, dict) or head.get("kind") != "record-rows"
                    or head.get("document_id") != document_id or not isinstance(head.get("ids"), list)
                    or not all(isinstance(i, str) for i in head["ids"])):
                return None
        except Exception:  # noqa: BLE001 - any unreadable or foreign entry is a miss, never trusted
            return None
        return head

    def take_rows(self, keys: list[str]) -> tuple[list[str], dict[str, pa.Table], dict[str, np.ndarray]]:
        """Serve the rows of the entries ``keys`` (looked up with :meth:`lookup_rows`) whose
        checksum holds: the keys served, in the pack's order, their rows part by part (one table
        each, entry after entry) and each entry's number of rows per part. Counts a hit per key
        served and a miss per key refused."""
        if not keys or self._stored is None:
            self.misses += len(keys)
            return [], {p: s.empty_table() for p, s in PARTS.items()}, {p: np.zeros(0, np.int64) for p in PARTS}
        index = self._index()
        keys = sorted(keys, key=index.__getitem__)  # in the pack's order: a filter, not a take, selects them
        taken = self._select([index[k] for k in keys])
        intact = _intact(keys, taken, list(PARTS))
        good = [i for i, ok in enumerate(intact) if ok]
        self.misses += len(keys) - len(good)
        self.hits += len(good)
        if len(good) != len(keys):
            taken = taken.take(pa.array(good, pa.int64()))
        served = [keys[i] for i in good]
        self._served.update((k, index[k]) for k in served)
        tables, lengths = {}, {}
        for part, schema in PARTS.items():
            column = taken.column(part).combine_chunks()
            lengths[part] = pc.list_value_length(column).to_numpy(zero_copy_only=False).astype(np.int64)
            values = column.flatten()  # type: ignore[attr-defined]  # a ListArray
            tables[part] = pa.Table.from_struct_array(values) if len(values) else schema.empty_table()
        return served, tables, lengths

    def put_rows(self, key: str, head: dict, rows: dict[str, list[dict]]) -> None:
        """Add the rows of a record file that passed every check (``head``: its document_id and ids)."""
        if self.folder is None:
            return
        self._fresh_rows[key] = (json.dumps({"kind": "record-rows", **head}, ensure_ascii=False), rows)

    def sidecar_key(self, file_sha256: str) -> str:
        """The entry of a sidecar whose bytes have SHA-256 ``file_sha256``."""
        return self.key("sidecar-view", file_sha256)

    def take_sidecars(self, keys: list[str]) -> dict[str, tuple[str, dict]]:
        """Serve the stored sidecar entries among ``keys`` whose checksum holds: key → (the
        model's JSON, its fields as :data:`SIDECAR_VIEW` values). One filter and one hash over
        all of them; a key not stored, or damaged, is a miss."""
        if self.folder is None:
            return {}
        index = self._index()
        found = sorted((k for k in set(keys) if k in index), key=index.__getitem__)
        self.misses += len(set(keys)) - len(found)
        if not found or self._stored is None:
            return {}
        taken = self._select([index[k] for k in found])
        intact = _intact(found, taken, ["sidecar"])
        texts = taken.column(1).to_pylist()
        views = taken.column("sidecar").to_pylist()
        out = {}
        for i, k in enumerate(found):
            text, view = texts[i], views[i]
            if intact[i] and isinstance(text, str) and isinstance(view, dict):
                out[k] = (text, view)
                self._served[k] = index[k]
        self.hits += len(out)
        self.misses += len(found) - len(out)
        return out

    def put_sidecar(self, key: str, model_json: str, view: dict) -> None:
        """Add a sidecar that passed every check, with its document: its model's JSON (made
        into the model only when asked) and its fields."""
        if self.folder is None:
            return
        self._fresh_sidecars[key] = (model_json, view)

    def discard(self, key: str) -> None:
        """Do not keep the served entry ``key`` (its document has a problem)."""
        self._served.pop(key, None)

    def put(self, key: str, value: BaseModel) -> None:
        if self.folder is None:
            return
        text = value.model_dump_json()
        self._fresh[key] = (text, _digest(key, text))

    def take_used(self) -> dict:
        """Keys served, entries added, hits and misses since the last call (a worker process
        hands them to the parent)."""
        used = {"served": list(self._served), "fresh": self._fresh, "hits": self.hits, "misses": self.misses}
        self._served, self._fresh, self.hits, self.misses = {}, {}, 0, 0
        return used

    def adopt(self, used: dict) -> None:
        """Take over what a worker's cache (on the same pack) served, added and counted."""
        index = self._index()
        self._served.update((k, index[k]) for k in used["served"] if k in index)
        self._fresh.update(used["fresh"])
        self.hits += used["hits"]
        self.misses += used["misses"]

    def save(self) -> bool:
        """Rewrite the pack with exactly the entries served or added since it was read;
        ``False`` when that would not change it (or it cannot be written: a cache only ever
        costs time)."""
        if self.folder is None:
            return False
        index = self._index()
        fresh = {k: v for k, v in self._fresh.items() if k not in self._served}
        fresh_rows = {k: v for k, v in self._fresh_rows.items() if k not in self._served and k not in fresh}
        fresh_sidecars = {k: v for k, v in self._fresh_sidecars.items()
                          if k not in self._served and k not in fresh and k not in fresh_rows}
        if not fresh and not fresh_rows and not fresh_sidecars and len(self._served) == len(index):
            return False
        kept = sorted(self._served.values())
        keys = sorted(fresh)
        added = _entries(keys, [fresh[k][0] for k in keys], {}, checks=[fresh[k][1] for k in keys])
        row_keys, sidecar_keys = sorted(fresh_rows), sorted(fresh_sidecars)
        parts = [added,
                 _entries(row_keys, [fresh_rows[k][0] for k in row_keys],
                          {part: [fresh_rows[k][1][part] for k in row_keys] for part in PARTS}),
                 _entries(sidecar_keys, [fresh_sidecars[k][0] for k in sidecar_keys],
                          {"sidecar": [fresh_sidecars[k][1] for k in sidecar_keys]})]
        if kept and self._stored is not None:
            parts.insert(0, self._select(kept))
        table = pa.concat_tables(parts)
        tmp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh, pa.ipc.new_file(fh, _SCHEMA) as writer:
                writer.write_table(table, max_chunksize=65_536)
            os.replace(tmp, self.folder / self.pack)  # a reader sees the old pack or the whole new one
        except OSError:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            return False
        self._stored, self._rows = None, None  # read the new pack when next asked
        self._served, self._fresh, self._fresh_rows, self._fresh_sidecars = {}, {}, {}, {}
        return True


def _rows_hashes(table: pa.Table, columns: list[str] | None = None) -> np.ndarray:
    """One 64-bit hash per entry over every value of its rows (every part, or ``columns``), as
    DuckDB hashes nested values: a flipped byte anywhere in an entry's rows changes its hash."""
    import duckdb

    if table.num_rows == 0:
        return np.zeros(0, np.uint64)
    names = list(PARTS) if columns is None else columns
    parts = table.select(names)
    con = duckdb.connect()
    try:
        con.register("entries", parts)
        found = con.execute(f"SELECT hash({', '.join(names)}) AS h FROM entries").fetchnumpy()["h"]
    finally:
        con.close()
    return np.asarray(found, dtype=np.uint64)


def _entries(keys: list[str], texts: list[str], values: dict[str, list], checks: list[str] | None = None
             ) -> pa.Table:
    """New entries in the pack's schema: ``values`` fills the row or sidecar columns it names
    (the others are null). Without ``checks``, each checksum is made from the entry's JSON and
    the hash of those values as stored."""
    columns: dict[str, list | pa.Array] = {"key": keys, "json": texts, "sha256": pa.nulls(len(keys), pa.string())}
    for column in _SCHEMA.names[3:]:
        kind = _SCHEMA.field(column).type
        columns[column] = pa.array(values[column], kind) if column in values else pa.nulls(len(keys), kind)
    table = pa.table(columns, schema=_SCHEMA)
    if checks is None:
        sums = _rows_hashes(table, list(values))
        checks = [_digest(k, texts[i], str(sums[i])) for i, k in enumerate(keys)]
    return table.set_column(2, _SCHEMA.field(2), pa.array(checks, pa.string()))


def _intact(keys: list[str], taken: pa.Table, hashed: list[str]) -> list[bool]:
    """Whether each taken entry's checksum still matches its key, JSON and hashed values."""
    sums = _rows_hashes(taken, hashed)
    texts, stored = taken.column(1).to_pylist(), taken.column(2).to_pylist()
    return [isinstance(text, str) and _digest(k, text, str(sums[i])) == stored[i]
            for i, (k, text) in enumerate(zip(keys, texts, strict=True))]


def _read_pack(path: Path) -> tuple[pa.Table, dict[str, int]]:
    """A pack (memory-mapped) and its key → row index; a missing, foreign or unreadable pack
    is empty."""
    empty = _SCHEMA.empty_table()
    try:
        table = pa.ipc.open_file(pa.memory_map(str(path))).read_all()  # the buffers keep the map open
        if table.schema != _SCHEMA:
            return empty, {}
        # offsets in range, valid UTF-8: nothing reads past a buffer (0.04 s for the 10k pack); the
        # entries' checksums then catch changed values
        table.validate(full=True)
        keys = table.column(0).to_pylist()
    except (OSError, pa.ArrowException, ValueError):
        return empty, {}
    return table, {k: i for i, k in enumerate(keys) if isinstance(k, str)}


def _digest(key: str, text: str, rows: str | None = None) -> str:
    """Guards an entry against damage: a flipped byte in the JSON (or, through their hash, in
    the rows) makes it a miss."""
    tail = "" if rows is None else f"\n{rows}"
    return hashlib.sha256(f"{key}\n{text}{tail}".encode()).hexdigest()


def cache_for(dataset: Path, folder: Path | None = None, enabled: bool = True) -> ParsedCache:
    """The cache a build of ``dataset`` uses: ``folder``, else ``TOLLBOOK_CACHE``, else
    ``<project>/.tollbook-cache`` beside the dataset folder; its pack is named after the dataset."""
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
    return ParsedCache(folder, pack_name(dataset))
