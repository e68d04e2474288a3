"""Read reviewed record files (``dataset/records/*.yaml``) and the curated events."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.extract.format_errors import read_model_file, validate_model
from tollbook.extract.listing import document_id_for
from tollbook.extract.origins import Origins
from tollbook.extract.record_cache import ParsedCache
from tollbook.extract.record_format import Claim, DocumentId, EventsFile, RecordFile
from tollbook.extract.yaml_lines import LocatedYaml, read_yaml

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
    sha256: str | None = None  # of the file's bytes, when the fast path read it


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


def _record_ids(content: RecordFile) -> list[tuple[str, tuple, str]]:
    """(id, path in the file, id field) of every claim and figure, in file order."""
    out = []
    for i, claim in enumerate(content.claims):
        out.append((claim.claim_id, ("claims", i), "claim_id"))
        for list_name, id_field in _FIGURE_LISTS.items():
            for j, fig in enumerate(getattr(claim, list_name)):
                out.append((getattr(fig, id_field), ("claims", i, list_name, j), id_field))
    return out


def _locator(origins: Origins, path: Path, rel: str, content: RecordFile):
    """Register the lines of a valid file's ids when a problem first needs one."""
    def locate_file() -> None:
        doc = read_yaml(path)
        for record_id, where, _ in _record_ids(content):
            origins.add(record_id, rel, doc.line_of(where), _field_lines(doc, where))
    return locate_file


def _read_carefully(path: Path, rel: str, origins: Origins, seen: dict[str, str],
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
            positions.setdefault(c.get("claim_id"), []).append(i)
    for claim in content.claims:
        cpath = ("claims", positions[claim.claim_id].pop(0))
        _register(origins, seen, claim.claim_id, rel, doc, cpath, problems, "claim_id")
        for list_name, id_field in _FIGURE_LISTS.items():
            for j, fig in enumerate(getattr(claim, list_name)):
                _register(origins, seen, getattr(fig, id_field), rel, doc,
                          (*cpath, list_name, j), problems, id_field)
    return content


@raises(Code.DUPLICATE_ID, Code.DOCUMENT_MISMATCH, Code.DUPLICATE_RECORD_FILE, Code.VALUE_NOT_ALLOWED)
def read_records(dataset: Path, origins: Origins, cache: ParsedCache | None = None,
                 jobs: int = 1) -> tuple[dict[str, Records], list[Problem]]:
    """Every record file, keyed by document_id; ids registered with their lines.

    Files are read the fast way (or from ``cache``, ``jobs`` processes at a time); a file
    with any problem is read again with line tracking, and the lines of a valid file's ids
    are found only when a later check reports one of them.
    """
    from tollbook.extract.listing import names
    from tollbook.extract.parallel_read import parse_many

    cache = cache if cache is not None else ParsedCache(None)
    records: dict[str, Records] = {}
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    folder = dataset / "records"
    paths = [folder / name for name in names(folder, ".yaml")]
    for path, (content, digest) in zip(paths, parse_many("record", paths, cache, jobs), strict=True):
        rel = f"dataset/records/{path.name}"
        ids = [record_id for record_id, _, _ in _record_ids(content)] if content is not None else []
        if (content is None or content.document_id != document_id_for(path.stem)
                or any(record_id in seen for record_id in ids)):
            content = _read_carefully(path, rel, origins, seen, problems)
            if content is None:
                continue
        else:
            for record_id in ids:
                seen[record_id] = _DeferredWhere(origins, record_id)
            origins.defer(ids, _locator(origins, path, rel, content))
        if content.document_id in records:
            problems.append(Problem(rel, 1, content.document_id, "document_id", Code.DUPLICATE_RECORD_FILE,
                                    f"{content.document_id} already has its record file "
                                    f"{records[content.document_id].path}; one document has one record "
                                    "file (merge the claims into it)"))
            continue
        records[content.document_id] = Records(rel, content, digest)
    for item in records.values():
        problems += _relay_problems(item.content, origins)
    return records, problems


def _relay_problems(content: RecordFile, origins: Origins) -> list[Problem]:
    """``relayed_by`` lists who passed the claim on: never the claimant itself, nobody twice."""
    problems = []
    for claim in content.claims:
        seen: set[str] = set()
        for actor in claim.relayed_by:
            why = ("is the claimant; relayed_by lists only who passed the claim on" if actor == claim.claimant
                   else "is listed twice" if actor in seen else None)
            seen.add(actor)
            if why:
                file, line = origins.locate(claim.claim_id, "relayed_by")
                problems.append(Problem(file, line, claim.claim_id, "relayed_by", Code.VALUE_NOT_ALLOWED,
                                        f"{actor} {why}"))
    return problems


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
    events, problems, seen, any_read = [], [], {}, False
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
