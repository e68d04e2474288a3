"""The one path that writes a curator's review into a record file, used by ``tollbook review``
and the workbench alike.

Reading → deciding (command-line decisions or a decisions file) → placing quotes at their
offsets → merging (``review.merge``, which never loses a decision) → writing atomically, and
only into ``dataset/records/<the document's file name>.yaml``. The record file's bytes are
remembered when it is read; if they changed before the write (another tab, a hand edit) the
write is refused, so no decision is lost to a race.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tollbook.extract.curated_files import dump_plain, write_atomically
from tollbook.extract.propose.locate import LocateError, locate
from tollbook.extract.propose.review import (
    Decision,
    MergeReport,
    ReviewError,
    complete_reviews,
    decide,
    merge,
)

#: Fields a decisions file may set on a claim when it edits one.
EDITABLE = ("quote", "char_start", "char_end", "claimant", "relayed_by", "hedge", "date", "location",
            "where_prec", "event", "partisan", "note", "duplicate_of", "casualties", "airstrikes",
            "control_changes", "force_sizes")


class _Loader(yaml.SafeLoader):
    """YAML as curators mean it: ``on:``/``off:``/``yes:``/``no:`` are words, not booleans."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
for _first in "tTfF":
    _Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                                  re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                  list(_first))


def load_yaml(path: Path) -> tuple[Any, str | None]:
    """A YAML file's content and the sha256 of its bytes (None, None when it is absent)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        raise ReviewError(f"cannot read {path}: {exc.strerror}") from None
    try:
        loader = _Loader(raw.decode("utf-8"))
        try:
            return loader.get_single_data(), hashlib.sha256(raw).hexdigest()
        finally:
            loader.dispose()
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ReviewError(f"{path} is not readable YAML: {str(exc).splitlines()[0]}") from None


def dump_record(record: dict) -> str:
    return dump_plain(record)


def read_decisions(path: Path) -> list[Decision]:
    """A decisions file: claim id → ``accept``, ``{reject: REASON}`` or ``{edit: {field: value}}``
    (optionally with ``note``), so a curator's decisions can be replayed."""
    data, _ = load_yaml(path)
    if data is None:
        raise ReviewError(f"no such decisions file: {path}")
    if not isinstance(data, dict):
        raise ReviewError(f"{path}: a decisions file maps claim ids to decisions")
    out = []
    for cid, value in data.items():
        if value in ("accept", "accepted"):
            out.append(Decision(str(cid), "accepted"))
        elif isinstance(value, dict) and "reject" in value:
            out.append(Decision(str(cid), "rejected", str(value["reject"] or "").strip() or None))
        elif isinstance(value, dict) and "edit" in value and isinstance(value["edit"], dict):
            unknown = sorted(set(value["edit"]) - set(EDITABLE))
            if unknown:
                raise ReviewError(f"{path}: {cid}: cannot edit {', '.join(unknown)} "
                                  f"(editable: {', '.join(EDITABLE)})")
            out.append(Decision(str(cid), "edited", None, edits=dict(value["edit"]),
                                note=value.get("note")))
        else:
            raise ReviewError(f"{path}: {cid}: write accept, {{reject: REASON}} or {{edit: {{FIELD: VALUE}}}}")
    return out


@dataclass(frozen=True)
class Document:
    """What placing quotes needs: the stored text and its body span."""

    text: str
    body: tuple[int, int]


def find_document(dataset: Path, document_id: str) -> tuple[Document, str] | None:
    """The stored text of ``document_id`` and its file stem, from ``dataset/sources``."""
    folder = dataset / "sources"
    suffix = document_id.removeprefix("doc_")
    for path in sorted(folder.glob(f"*_{suffix}.txt")):
        sidecar, _ = load_yaml(path.with_suffix(".yaml"))
        body = (sidecar or {}).get("body") or {}
        text = path.read_bytes().decode("utf-8", errors="replace")
        span = (body.get("char_start", 0), body.get("char_end", len(text)))
        return Document(text, span), path.stem
    return None


def record_path_for(dataset: Path, stem: str) -> Path:
    return dataset / "records" / f"{stem}.yaml"


def guard_target(target: Path, dataset: Path, stem: str | None) -> None:
    """Only a document's own record file may be written: never a sidecar, never a second
    record file for the same document."""
    resolved = target.resolve()
    sources = (dataset / "sources").resolve()
    if sources in resolved.parents:
        raise ReviewError(f"{target} is in dataset/sources/: review writes record files "
                          "(dataset/records/), never sidecars or texts")
    records = (dataset / "records").resolve()
    if records in resolved.parents and stem is not None and resolved != record_path_for(dataset, stem).resolve():
        raise ReviewError(f"{target} is not this document's record file; write "
                          f"{record_path_for(dataset, stem)} (one record file per document)")


def review(draft_path: Path, into: Path | None, decisions: list[Decision], by: str | None, on: dt.date,
           dataset: Path, dry_run: bool = False, expected_sha: str | None = None,
           accept: Callable[[dict], None] | None = None) -> tuple[dict, MergeReport, Path]:
    """Merge a reviewed draft into its record file; returns the merged record, what changed and
    the file written. ``expected_sha`` (the record file's sha256 when its reader loaded it; ""
    for "did not exist") makes the write refuse a file changed meanwhile. ``accept`` sees the
    merged record before it is written and raises to refuse it (nothing is written then)."""
    draft, _ = load_yaml(draft_path)
    if draft is None:
        raise ReviewError(f"no such file: {draft_path}")
    if not isinstance(draft, dict) or not isinstance(draft.get("document_id"), str):
        raise ReviewError(f"{draft_path} is not a record file (no document_id)")
    claims = draft.get("claims")
    if claims is None:
        claims = draft["claims"] = []
    if not isinstance(claims, list) or not all(isinstance(c, dict) for c in claims):
        raise ReviewError(f"{draft_path}: 'claims' must be a list of claims")
    found = find_document(dataset, draft["document_id"])
    stem = found[1] if found else None
    target = into if into is not None else draft_path
    if into is not None:
        guard_target(into, dataset, stem)
    decide(claims, decisions, by, on)
    for claim in claims:
        if not isinstance(claim.get("claim_id"), str):
            raise ReviewError(f"{draft_path}: a claim without a claim_id")
        try:
            if found is not None:
                locate(claim, found[0].text, found[0].body)
            elif not isinstance(claim.get("quote"), str) or not claim["quote"]:
                raise LocateError(f"{claim['claim_id']}: no quote to place")
        except LocateError as exc:
            raise ReviewError(str(exc)) from None
    complete_reviews(claims, by, on)
    record, sha = (load_yaml(target) if into is not None else (None, None))
    if into is not None and record is not None and not isinstance(record, dict):
        raise ReviewError(f"{target} is not a record file")
    merged, report = merge(draft, record)
    if accept is not None:
        accept(merged)
    if not dry_run:
        if expected_sha is not None and (sha or "") != expected_sha:
            raise ReviewError(f"{target} changed since it was opened (another tab or a hand edit); "
                              "reload it and decide again")
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, dump_record(merged).encode("utf-8"))
    return merged, report, target
