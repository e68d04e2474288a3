"""Read everything under ``dataset/`` at once, collecting every problem on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.extract.format_errors import read_model_file
from tollbook.extract.listing import document_id_for, names
from tollbook.extract.origins import Origins
from tollbook.extract.record_cache import ParsedCache
from tollbook.extract.record_format import EventsFile, ReleaseSpec
from tollbook.extract.records import RecordSet, read_events, read_records
from tollbook.extract.reference import Reference, read_reference
from tollbook.extract.removals import REMOVALS_FILE, read_removals
from tollbook.extract.sources import Source, read_sources
from tollbook.hashing import sha256_file


@dataclass
class Dataset:
    """The curated inputs, parsed; ``problems`` lists all that was wrong with them."""

    root: Path
    release: ReleaseSpec | None
    sources: dict[str, Source]
    records: RecordSet
    events: EventsFile | None
    reference: Reference
    origins: Origins
    problems: list[Problem] = field(default_factory=list)
    removals: pd.DataFrame | None = None  # dataset/removals.csv, the tombstones ledger

    def input_files(self) -> list[str]:
        """Every file a release is built from, as ``dataset/...`` paths, in a stable order."""
        files = [f"dataset/{n}" for n in ("release.yaml", "events.yaml", REMOVALS_FILE)
                 if (self.root / n).is_file()]
        for sub in ("sources", "records", "reference", "events", "intake"):
            files += [f"dataset/{sub}/{name}" for name in names(self.root / sub, files_only=True)]
        for stem in names(self.root / "reference"):
            if (self.root / "reference" / stem).is_dir():
                files += [f"dataset/reference/{stem}/{n}"
                          for n in names(self.root / "reference" / stem, ".csv", files_only=True)]
        return files

    def input_hashes(self) -> dict[str, str]:
        """sha256 of every input file, by ``dataset/...`` path. Texts, sidecars and record files
        reuse the hash taken when they were read; only the rest is read again."""
        known = {}
        for s in self.sources.values():
            known[s.text_path] = s.sha256
            if s.sidecar_sha256:
                known[s.sidecar_path] = s.sidecar_sha256
        known.update((r.path, r.sha256) for r in self.records.values() if r.sha256)
        return {rel: known.get(rel) or sha256_file(self.root / rel.removeprefix("dataset/"))
                for rel in self.input_files()}


def _text_files(root: Path) -> set[str]:
    return {document_id_for(p.stem) for p in (root / "sources").glob("*.txt")}


@raises(Code.FILE_MISSING, Code.FOREIGN_KEY)
def read_dataset(root: Path, cache: ParsedCache | None = None, jobs: int = 1) -> Dataset:
    """Read ``root``; record files and sidecars come from ``cache`` when unchanged and are
    parsed ``jobs`` processes at a time (the result is the same either way)."""
    root = Path(root)
    origins = Origins()
    if not root.is_dir():
        return Dataset(root, None, {}, RecordSet(), None, Reference(), origins,
                       [Problem(str(root), None, None, None, Code.FILE_MISSING,
                                "dataset folder not found")])
    release, _, problems = read_model_file(root / "release.yaml", ReleaseSpec, "dataset/release.yaml")
    reference, found = read_reference(root, origins)
    problems += found
    sources, found = read_sources(root, origins, cache, jobs)
    problems += found
    events, found = read_events(root, origins)
    problems += found
    records, found = read_records(root, origins, cache, jobs, sources, reference)
    problems += found
    if cache is not None:
        cache.save()  # keep exactly what this dataset uses now
    for doc_id, rec in records.items():
        if doc_id not in sources and doc_id not in _text_files(root):  # an unreadable text is reported
            problems.append(Problem(rec.path, 1, doc_id, "document_id", Code.FOREIGN_KEY,
                                    f"no source document {doc_id} in dataset/sources"))
    removals, found = read_removals(root, origins)  # last: ids keep the origin that defined them
    problems += found
    return Dataset(root, release, sources, records, events, reference, origins, problems, removals)
