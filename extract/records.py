"""Read reviewed record files (``dataset/records/*.yaml``) and the curated events."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from tollbook.extract.format_errors import read_model_file, validate_model
from tollbook.extract.origins import Origins
from tollbook.extract.record_format import Claim, DocumentId, EventsFile, RecordFile
from tollbook.extract.sources import document_id_for
from tollbook.extract.yaml_lines import LocatedYaml

from tollbook.problems import Problem

_FIGURE_LISTS = {
    "casualties": "casualty_id",
    "airstrikes": "airstrike_id",
    "control_changes": "change_id",
    "force_sizes": "force_id",
}


@dataclass(frozen=True)
class Records:
    """One document's reviewed claims and the file they came from."""

    path: str
    content: RecordFile


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


def _register(origins: Origins, seen: dict[str, str], record_id: str, rel: str, doc: LocatedYaml,
              path: tuple, problems: list[Problem], id_field: str) -> None:
    line = doc.line_of(path)
    where = f"{rel}:{line}"
    if record_id in seen:
        problems.append(Problem(rel, line, record_id, id_field, "duplicate-id",
                                f"{record_id} is already defined at {seen[record_id]}"))
        return
    seen[record_id] = where
    origins.add(record_id, rel, line, _field_lines(doc, path))


class _RecordFileHead(BaseModel):
    """A record file with its claims left unparsed, so each claim is checked on its own
    and one bad claim does not hide the problems of the others."""

    model_config = ConfigDict(extra="forbid")
    document_id: DocumentId
    claims: list[dict] = []


def _read_record_file(path: Path, rel: str) -> tuple[RecordFile | None, object, list[Problem]]:
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


def read_records(dataset: Path, origins: Origins) -> tuple[dict[str, Records], list[Problem]]:
    """Every record file, keyed by document_id; ids registered with their lines."""
    records: dict[str, Records] = {}
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in sorted((dataset / "records").glob("*.yaml")):
        rel = f"dataset/records/{path.name}"
        content, doc, found = _read_record_file(path, rel)
        problems += found
        if content is None:
            continue
        expected = document_id_for(path.stem)
        if content.document_id != expected:
            problems.append(Problem(rel, doc.line_of(("document_id",)), content.document_id,
                                    "document_id", "document-mismatch",
                                    f"{path.name} must carry document_id {expected}"))
            continue
        positions: dict[str, list[int]] = {}  # a claim id written twice keeps both places
        for i, c in enumerate(doc.data["claims"] or []):
            if isinstance(c, dict):
                positions.setdefault(c.get("claim_id"), []).append(i)
        for claim in content.claims:
            cpath = ("claims", positions[claim.claim_id].pop(0))
            _register(origins, seen, claim.claim_id, rel, doc, cpath, problems, "claim_id")
            for list_name, id_field in _FIGURE_LISTS.items():
                for j, fig in enumerate(getattr(claim, list_name)):
                    _register(origins, seen, getattr(fig, id_field), rel, doc,
                              (*cpath, list_name, j), problems, id_field)
        records[content.document_id] = Records(rel, content)
    return records, problems


def read_events(dataset: Path, origins: Origins) -> tuple[EventsFile | None, list[Problem]]:
    rel = "dataset/events.yaml"
    content, doc, problems = read_model_file(dataset / "events.yaml", EventsFile, rel)
    if content is not None:
        seen: dict[str, str] = {}
        for i, event in enumerate(content.events):
            _register(origins, seen, event.event_id, rel, doc, ("events", i), problems, "event_id")
    return content, problems
