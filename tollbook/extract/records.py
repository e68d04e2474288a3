"""Read reviewed record files (``dataset/records/*.yaml``) and the curated events."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

import numpy as np
import pyarrow as pa
from pydantic import BaseModel, ConfigDict

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.extract.fast_yaml import fast_model
from tollbook.extract.format_errors import read_model_file, validate_model
from tollbook.extract.listing import document_id_for
from tollbook.extract.origins import Origins
from tollbook.extract.record_cache import ParsedCache
from tollbook.extract.record_format import Claim, DocumentId, EventsFile, RecordFile
from tollbook.extract.record_rows import (
    ID_FIELDS,
    Pending,
    RowContext,
    file_rows,
    record_ids,
    relay_problems,
    sidecar_stamp,
    tables_of,
)
from tollbook.extract.row_parts import PARTS
from tollbook.extract.yaml_lines import LocatedYaml, NotRegularFile, check_regular, read_yaml


class Records:
    """One document's record file: where it is, the SHA-256 of its bytes, and its claims as a
    model. A file served from the cache as rows has no model until something asks for
    ``content``; then it is parsed from the file."""

    def __init__(self, path: str, content: RecordFile | None = None, sha256: str | None = None,
                 file: Path | None = None):
        self.path, self.sha256, self._content, self._file = path, sha256, content, file

    @property
    def content(self) -> RecordFile:
        if self._content is None:
            if self._file is None:
                raise ValueError(f"{self.path}: no model and no file to read it from")
            parsed = fast_model(self._file.read_bytes(), RecordFile)
            if parsed is None:
                parsed, _, _ = _read_record_file(self._file, self.path)
            if parsed is None:
                raise ValueError(f"{self.path} no longer reads as a record file")
            self._content = cast(RecordFile, parsed)
        return self._content

    @property
    def parsed(self) -> bool:
        """Whether the model was made (a file served as rows has none until asked)."""
        return self._content is not None


class RecordSet(dict[str, Records]):
    """Record files by document_id, with their rows: ``rows`` holds every part
    (:data:`~tollbook.extract.row_parts.PARTS`) of every file concatenated, each row tagged with
    its file's document (``_doc``), the file's place in name order (``_file``) and whether the
    document has its sidecar (``_src``); ``pending`` the problems making the rows found (id,
    field, code, message), which compiling reports."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.rows: dict[str, pa.Table] = {}
        self.pending: list[Pending] = []
        self.files: list[str] = []  # the record files read, in name order (``_file`` indexes it)

    def claim_statuses(self) -> list[tuple[str, Any, Any, Any]]:
        """(record file, claim_id, review status, duplicate_of) of every claim, from the rows
        (no model is made) or, without rows, from the models."""
        if "statuses" not in self.rows:
            return [(rec.path, c.claim_id, c.review.status, c.duplicate_of)
                    for rec in self.values() for c in rec.content.claims]
        table = self.rows["statuses"]
        files = table.column("_file").to_numpy()
        return list(zip([self.files[f] for f in files], table.column("claim_id").to_pylist(),
                        table.column("review_status").to_pylist(), table.column("duplicate_of").to_pylist(),
                        strict=True))


def _field_lines(doc: LocatedYaml, path: tuple) -> dict[str, int]:
    """Field name (and ``name.sub``) → line, for the fields under ``path``. The index of the
    whole file is built once, in one pass over its lines (not one pass per id)."""
    index = doc.__dict__.get("_field_index")
    if index is None:
        index = {}
        for key, line in doc.lines.items():
            for cut in range(len(key)):
                name = key[cut]
                if not isinstance(name, str):
                    continue
                sub = key[cut + 1:]
                label = name if not sub or not isinstance(sub[0], str) else f"{name}.{sub[0]}"
                out = index.setdefault(key[:cut], {})
                out.setdefault(label, line)
                out.setdefault(name, line)
        doc.__dict__["_field_index"] = index
    return dict(index.get(tuple(path), {}))


def _register(origins: Origins, seen: dict[str, object], record_id: str, rel: str, doc: LocatedYaml,
              path: tuple, problems: list[Problem], id_field: str) -> bool:
    """Register an id where it is defined; False (and a duplicate-id problem) if it already was."""
    line = doc.line_of(path)
    where = f"{rel}:{line}"
    if record_id in seen:
        problems.append(Problem(rel, line, record_id, id_field, Code.DUPLICATE_ID,
                                f"{record_id} is already defined at {seen[record_id]}"))
        return False
    seen[record_id] = where
    origins.add(record_id, rel, line, _field_lines(doc, path))
    return True


class _RecordFileHead(BaseModel):
    """A record file with its claims left unparsed, so each claim is checked on its own
    and one bad claim does not hide the problems of the others."""

    model_config = ConfigDict(extra="forbid")
    document_id: DocumentId
    claims: list[dict] = []


def _read_record_file(path: Path, rel: str) -> tuple[RecordFile | None, Any, list[Problem]]:
    head, doc, problems = read_model_file(path, _RecordFileHead, rel)
    if head is None:
        return None, doc, problems
    claims = []
    for i in range(len(head.claims)):
        claim, found = validate_model(Claim, doc, rel, prefix=("claims", i))
        problems += found
        if claim is not None:
            claims.append(claim)
    return RecordFile(document_id=head.document_id, claims=claims), doc, problems


def _locator(origins: Origins, path: Path, rel: str):
    """Register the lines of a valid file's ids when a problem first needs one."""
    def locate_file() -> None:
        doc = read_yaml(path)
        for record_id, where, _ in record_ids(doc.data):
            origins.add(record_id, rel, doc.line_of(where), _field_lines(doc, where))
    return locate_file


def _read_carefully(path: Path, rel: str, origins: Origins, seen: dict[str, object],
                    problems: list[Problem]) -> RecordFile | None:
    """The line-tracking path: every problem of the file with its line."""
    content, doc, found = _read_record_file(path, rel)
    problems += found
    if content is None:
        return None
    expected = document_id_for(path.stem)
    if content.document_id != expected:
        problems.append(Problem(rel, doc.line_of(("document_id",)), content.document_id,
                                "document_id", Code.DOCUMENT_MISMATCH,
                                f"{path.name} must carry document_id {expected}"))
        return None
    positions: dict[str, list[int]] = {}  # a claim id written twice keeps both places
    for i, c in enumerate(doc.data["claims"] or []):
        if isinstance(c, dict):
            positions.setdefault(str(c.get("claim_id")), []).append(i)
    for claim in content.claims:
        cpath = ("claims", positions[claim.claim_id].pop(0))
        _register(origins, seen, claim.claim_id, rel, doc, cpath, problems, "claim_id")
        for list_name, id_field in ID_FIELDS.items():
            for j, fig in enumerate(getattr(claim, list_name)):
                _register(origins, seen, getattr(fig, id_field), rel, doc,
                          (*cpath, list_name, j), problems, id_field)
    return content


@raises(Code.DUPLICATE_ID, Code.DOCUMENT_MISMATCH, Code.DUPLICATE_RECORD_FILE, Code.VALUE_NOT_ALLOWED)
def read_records(dataset: Path, origins: Origins, cache: ParsedCache | None = None, jobs: int = 1,
                 sources: Mapping[str, Any] | None = None, reference: Any = None) -> tuple[RecordSet, list[Problem]]:
    """Every record file, keyed by document_id, with its rows; ids registered with their lines.

    With ``reference`` (and ``sources``, as read_dataset passes them) each file's rows are made
    (:mod:`tollbook.extract.record_rows`) or served from ``cache`` by the hash of the file and of
    what its rows read; a served file is never parsed. The others are read the fast way (``jobs``
    processes at a time); a file with any problem is read again with line tracking, and the
    lines of a valid file's ids are found only when a later check reports one of them.
    """
    from tollbook.extract.listing import names
    from tollbook.extract.parallel_read import parse_many

    cache = cache if cache is not None else ParsedCache(None)
    records = RecordSet()
    problems: list[Problem] = []
    seen: dict[str, object] = {}  # id → "file:line", or where to find it when needed
    folder = dataset / "records"
    paths = [folder / name for name in names(folder, ".yaml")]
    records.files = [f"dataset/records/{path.name}" for path in paths]
    ctx = RowContext.of(reference) if reference is not None else None
    sources = sources if sources is not None else {}
    digests, keys, heads = _look_up(paths, sources, cache, ctx.stamp() if ctx is not None else None)
    served, hit_rows, hit_lengths = cache.take_rows(list(dict.fromkeys(k for k in keys if k in heads)))
    served_set = set(served)
    to_parse = [i for i, k in enumerate(keys) if k not in served_set]
    parsed = dict(zip(to_parse, parse_many("record", [paths[i] for i in to_parse], ParsedCache(None), jobs),
                      strict=True))
    fresh: list[tuple[str, int, dict[str, list[dict]]]] = []  # (document_id, file, rows)
    used: dict[str, int] = {}  # served key → file
    for i, path in enumerate(paths):
        rel = f"dataset/records/{path.name}"
        doc_id = document_id_for(path.stem)
        careful = False
        content: RecordFile | None = None
        if keys[i] in served_set:
            ids = cast(list[str], heads[keys[i]]["ids"])
            if any(record_id in seen for record_id in ids):
                content, careful = _read_carefully(path, rel, origins, seen, problems), True
                if content is None:
                    continue
        else:
            content, digest = cast(tuple[RecordFile | None, str | None], parsed[i])
            digests[i] = digests[i] or digest
            ids = [record_id for record_id, _, _ in record_ids(content)] if content is not None else []
            if content is None or content.document_id != doc_id or any(record_id in seen for record_id in ids):
                content, careful = _read_carefully(path, rel, origins, seen, problems), True
                if content is None:
                    continue
        if not careful:
            for record_id in ids:
                seen[record_id] = _DeferredWhere(origins, record_id)
            origins.defer(ids, _locator(origins, path, rel))
        doc_id = content.document_id if content is not None else doc_id
        if doc_id in records:
            problems.append(Problem(rel, 1, doc_id, "document_id", Code.DUPLICATE_RECORD_FILE,
                                    f"{doc_id} already has its record file "
                                    f"{records[doc_id].path}; one document has one record "
                                    "file (merge the claims into it)"))
            continue
        records[doc_id] = Records(rel, content, digests[i], path)
        if content is None:
            used[keys[i]] = i
            continue
        relay = relay_problems(content)
        for record_id, field, code, message in relay:
            file, line = origins.locate(record_id, field)
            problems.append(Problem(file, line, record_id, field, code, message))
        if ctx is None:
            continue
        sidecar = sources[doc_id] if doc_id in sources else None  # its Source: no model needed
        rows, pending = file_rows(content, sidecar.story_id if sidecar else None,
                                  sidecar.outlet_id if sidecar else None, ctx)
        if sidecar is not None:  # a document without its sidecar is reported as such, and not compiled
            records.pending += pending
        fresh.append((doc_id, i, rows))
        if not careful and not relay and not pending and keys[i]:
            cache.put_rows(keys[i], {"document_id": doc_id, "ids": ids}, rows)
    if ctx is not None:
        docs = [document_id_for(path.stem) for path in paths]
        records.rows = _concatenated(served, hit_rows, hit_lengths, used, fresh,
                                     np.array(docs, dtype=object), np.array([d in sources for d in docs], dtype=bool))
    return records, problems


def _look_up(paths: list[Path], sources: Mapping[str, Any], cache: ParsedCache,
             deps: str | None) -> tuple[list[str | None], list[str], dict[str, dict]]:
    """Each file's SHA-256 and the key of its rows (``""``: not cached), and the headers of the
    entries the cache holds for them."""
    digests: list[str | None] = []
    keys: list[str] = []
    heads: dict[str, dict] = {}
    for path in paths:
        digest, key = None, ""
        if deps is not None and cache.enabled:
            try:
                check_regular(path)  # a FIFO or /dev/zero would never finish; the careful path reports it
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except (OSError, NotRegularFile):
                digest = None
            doc_id = document_id_for(path.stem)
            if digest is not None and doc_id in sources:
                sidecar = sources[doc_id]
                key = cache.rows_key(digest, deps + "\n" + sidecar_stamp(sidecar.story_id, sidecar.outlet_id))
                head = cache.lookup_rows(key, doc_id)
                if head is not None:
                    heads[key] = head
                else:
                    cache.misses += 1
        digests.append(digest)
        keys.append(key)
    return digests, keys, heads


def _concatenated(served: list[str], hit_rows: dict[str, pa.Table], hit_lengths: dict[str, np.ndarray],
                  used: dict[str, int], fresh: list[tuple[str, int, dict[str, list[dict]]]],
                  file_docs: np.ndarray, file_src: np.ndarray) -> dict[str, pa.Table]:
    """Every part's rows: the served entries still used, then the files compiled now, each row
    tagged with its document, its file's place and whether the document has its sidecar."""
    hit_files = np.array([used.get(k, -1) for k in served], dtype=np.int64)
    fresh_files = np.array([f for _, f, _ in fresh], dtype=np.int64)
    fresh_tables = tables_of([rows for _, _, rows in fresh])
    out = {}
    for part in PARTS:
        lengths = hit_lengths[part]
        files = np.repeat(hit_files, lengths)
        keep = files >= 0
        hits = _tagged(hit_rows[part].filter(pa.array(keep)), files[keep], file_docs, file_src)
        counts = np.array([len(rows[part]) for _, _, rows in fresh], dtype=np.int64)
        out[part] = pa.concat_tables([hits, _tagged(fresh_tables[part], np.repeat(fresh_files, counts),
                                                    file_docs, file_src)])
    return out


def _tagged(table: pa.Table, files: np.ndarray, file_docs: np.ndarray, file_src: np.ndarray) -> pa.Table:
    """``table`` with the ``_doc``, ``_file`` and ``_src`` of each row (``files``: its file's place)."""
    return (table.append_column("_doc", pa.array(file_docs[files], pa.string()))
            .append_column("_file", pa.array(files, pa.int64()))
            .append_column("_src", pa.array(file_src[files], pa.bool_())))


class _DeferredWhere:
    """``file:line`` of an id from a valid file, found when a duplicate needs it."""

    def __init__(self, origins: Origins, record_id: str):
        self.origins, self.record_id = origins, record_id

    def __str__(self) -> str:
        file, line = self.origins.locate(self.record_id)
        return f"{file}:{line}"


def events_files(dataset: Path) -> list[tuple[Path, str]]:
    """``dataset/events.yaml`` and then ``dataset/events/*.yaml`` in name order: a team may split
    its events over several files (one per curator or batch) so that edits do not collide."""
    from tollbook.extract.listing import names

    found = [(dataset / "events.yaml", "dataset/events.yaml")] if (dataset / "events.yaml").is_file() else []
    folder = dataset / "events"
    return found + [(folder / n, f"dataset/events/{n}") for n in names(folder, ".yaml", files_only=True)]


@raises(Code.DUPLICATE_ID)
def read_events(dataset: Path, origins: Origins) -> tuple[EventsFile | None, list[Problem]]:
    files = events_files(dataset)
    if not files:  # reported as a missing file, as before
        files = [(dataset / "events.yaml", "dataset/events.yaml")]
    events, problems, any_read = [], [], False
    seen: dict[str, object] = {}
    for path, rel in files:
        content, doc, found = read_model_file(path, EventsFile, rel)
        problems += found
        if content is None:
            continue
        any_read = True
        for i, event in enumerate(content.events):
            if _register(origins, seen, event.event_id, rel, doc, ("events", i), problems, "event_id"):
                events.append(event)  # a second definition is reported, not compiled
    return (EventsFile(events=events) if any_read else None), problems
