"""Parse many curated files the fast way, from the cache or in a process pool.

Each file is read with :func:`tollbook.extract.fast_yaml.fast_model` (or taken from the
cache) and checked for what can be checked within the file alone. A file that fails any of
that comes back as ``None``, and the caller reads it again with line tracking, so what is
reported never depends on the cache or on ``--jobs``. Results come back in task order, each
with the SHA-256 of the file's bytes, so the release manifest never reads a file again.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pydantic import BaseModel

from tollbook.extract.fast_yaml import fast_model
from tollbook.extract.listing import document_id_for
from tollbook.extract.record_cache import ParsedCache
from tollbook.extract.record_format import RecordFile, Sidecar
from tollbook.extract.yaml_lines import NotRegularFile, check_regular

#: files per task sent to a worker: large enough that the pipe is not the cost
CHUNK = 256


def _record_ok(path: Path, content: RecordFile) -> bool:
    if content.document_id != document_id_for(path.stem):
        return False
    ids = []
    for claim in content.claims:
        ids.append(claim.claim_id)
        ids += [f.casualty_id for f in claim.casualties] + [f.airstrike_id for f in claim.airstrikes]
        ids += [f.change_id for f in claim.control_changes] + [f.force_id for f in claim.force_sizes]
    return len(set(ids)) == len(ids)  # an id written twice is reported with both lines


def _sidecar_ok(path: Path, content: Sidecar) -> bool:
    return content.document_id == document_id_for(path.stem)


KINDS = {"record": (RecordFile, _record_ok), "sidecar": (Sidecar, _sidecar_ok)}


#: What parsing one file gives: its model (``None``: read it again with line tracking) and
#: the SHA-256 of its bytes (``None``: it could not be read).
Parsed = tuple[BaseModel | None, str | None]


def parse_one(kind: str, path: Path, cache: ParsedCache) -> Parsed:
    model, file_ok = KINDS[kind]
    try:
        check_regular(path)  # a FIFO or /dev/zero would never finish; the careful path reports it
        raw = path.read_bytes()
    except (OSError, NotRegularFile):
        return None, None
    digest = hashlib.sha256(raw).hexdigest()
    key = cache.key(kind, digest) if cache.enabled else ""
    content = cache.get(key, model) if cache.enabled else None
    if content is not None:
        return (content if file_ok(path, content) else None), digest
    content = fast_model(raw, model)
    if content is None or not file_ok(path, content):
        return None, digest
    cache.put(key, content)
    return content, digest


#: A worker process reads the pack once and keeps it for every chunk it is sent.
_WORKER_CACHES: dict[tuple[str | None, str], ParsedCache] = {}


def _parse_chunk(kind: str, paths: list[str], folder: str | None, pack: str) -> tuple[list[Parsed], dict]:
    cache = _WORKER_CACHES.get((folder, pack))
    if cache is None:
        cache = _WORKER_CACHES[(folder, pack)] = ParsedCache(Path(folder) if folder else None, pack)
    return [parse_one(kind, Path(p), cache) for p in paths], cache.take_used()


def parse_many(kind: str, paths: list[Path], cache: ParsedCache, jobs: int = 1) -> list[Parsed]:
    if jobs <= 1 or len(paths) < 2 * CHUNK:
        return [parse_one(kind, p, cache) for p in paths]
    folder = str(cache.folder) if cache.folder is not None else None
    chunks = [[str(p) for p in paths[i:i + CHUNK]] for i in range(0, len(paths), CHUNK)]
    out: list[Parsed] = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for part, used in pool.map(_parse_chunk, [kind] * len(chunks), chunks, [folder] * len(chunks),
                                   [cache.pack] * len(chunks)):
            out += part
            cache.adopt(used)
    return out
