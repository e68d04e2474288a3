"""What the workbench shows of a document: its text and body, the record file's claims with the
draft's undecided ones merged over them (exactly as ``review`` would merge them), and the queue
of documents that still hold undecided claims."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tollbook.extract.propose.review import DECIDED, merge, status_of
from tollbook.extract.propose.review_files import find_document, load_yaml, record_path_for


@dataclass(frozen=True)
class Folders:
    dataset: Path
    drafts: Path

    def draft(self, stem: str) -> Path:
        return self.drafts / f"{stem}.yaml"

    def record(self, stem: str) -> Path:
        return record_path_for(self.dataset, stem)

    def text(self, stem: str) -> Path:
        return self.dataset / "sources" / f"{stem}.txt"


@dataclass
class View:
    """One document as the page shows it, and the record file's sha256 when it was read
    ("" when it did not exist), which the save hands to ``review`` as ``expected_sha``."""

    stem: str
    document_id: str
    text: str
    body: tuple[int, int]
    claims: list[dict]
    record_sha: str
    has_draft: bool


def stems(folders: Folders) -> list[str]:
    """Every document with a draft or a record file, in file-name order."""
    found = {p.stem for p in folders.drafts.glob("*.yaml")} if folders.drafts.is_dir() else set()
    records = folders.dataset / "records"
    if records.is_dir():
        found |= {p.stem for p in records.glob("*.yaml")}
    return sorted(s for s in found if folders.text(s).is_file())


def sha_of(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


def merged_claims(folders: Folders, stem: str) -> tuple[dict, str]:
    """The record file with the draft merged over it (not written), and the record's sha."""
    record_path = folders.record(stem)
    raw = record_path.read_bytes() if record_path.is_file() else None
    record, _ = load_yaml(record_path) if raw is not None else (None, None)
    draft, _ = load_yaml(folders.draft(stem))
    sha = hashlib.sha256(raw).hexdigest() if raw is not None else ""
    if draft is None and record is None:
        raise FileNotFoundError(stem)
    if draft is None:
        assert record is not None  # one of the two is there
        return {"document_id": record.get("document_id"), "claims": list(record.get("claims") or [])}, sha
    merged, _ = merge(draft, record)
    return merged, sha


def view(folders: Folders, stem: str) -> View:
    merged, sha = merged_claims(folders, stem)
    found = find_document(folders.dataset, merged["document_id"])
    if found is None:
        raise FileNotFoundError(stem)
    document, _ = found
    return View(stem, merged["document_id"], document.text, document.body, merged["claims"], sha,
                folders.draft(stem).is_file())


@dataclass
class Progress:
    decided: int
    total: int
    by_curator: dict[str, int]


def queue(folders: Folders) -> tuple[list[dict], Progress]:
    """Documents with undecided claims (first), then the rest, and the overall progress."""
    rows, decided, total, curators = [], 0, 0, Counter[str]()
    for stem in stems(folders):
        try:
            merged, _ = merged_claims(folders, stem)
        except (FileNotFoundError, ValueError):
            continue
        claims = merged.get("claims") or []
        done = [c for c in claims if status_of(c) in DECIDED]
        curators.update(str((c.get("review") or {}).get("by") or "?") for c in done)
        decided += len(done)
        total += len(claims)
        rows.append({"stem": stem, "document_id": merged.get("document_id"), "claims": len(claims),
                     "undecided": len(claims) - len(done)})
    rows.sort(key=lambda r: (r["undecided"] == 0, r["stem"]))
    return rows, Progress(decided, total, dict(sorted(curators.items())))
