"""The reference tables the form offers (actors, places and their spellings, vague words,
events), and the rows a curator adds inline: written to ``dataset/reference/<table>.csv`` (or
``dataset/events/<curator>.yaml``) and kept only if the dataset check finds nothing wrong with
them; otherwise the file is put back as it was and the problems are returned."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import yaml

from tollbook.contract.problems import Problem
from tollbook.extract.curated_files import write_atomically
from tollbook.extract.yaml_values import as_date

#: The tables a curator may add rows to from the workbench.
TABLES = ("actors", "actor_aliases", "locations", "location_variants")

#: How far apart (days) an event may be from a claim's date and still be suggested.
EVENT_WINDOW_DAYS = 14


def read_table(dataset: Path, table: str) -> list[dict]:
    """A reference table's rows: its main file, then any ``reference/<table>/*.csv`` files."""
    paths = [dataset / "reference" / f"{table}.csv"]
    folder = dataset / "reference" / table
    if folder.is_dir():
        paths += sorted(folder.glob("*.csv"))
    rows = []
    for path in paths:
        if path.is_file():
            with path.open(encoding="utf-8-sig", newline="") as fh:
                rows += list(csv.DictReader(fh))
    return rows


def read_events(dataset: Path) -> list[dict]:
    paths = [dataset / "events.yaml"]
    if (dataset / "events").is_dir():
        paths += sorted((dataset / "events").glob("*.yaml"))
    out = []
    for path in paths:
        if not path.is_file():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out += [e for e in data.get("events") or [] if isinstance(e, dict)]
    return out


def choices(dataset: Path) -> dict:
    """What the form's lists and autocompletes offer."""
    aliases: dict[str, list[str]] = {}
    for row in read_table(dataset, "actor_aliases"):
        aliases.setdefault(row.get("actor_id", ""), []).append(row.get("alias", ""))
    variants: dict[str, list[str]] = {}
    for row in read_table(dataset, "location_variants"):
        variants.setdefault(row.get("location_id", ""), []).append(row.get("variant", ""))
    actors = [{"id": r["actor_id"], "name": r.get("name", ""), "type": r.get("actor_type", ""),
               "aliases": aliases.get(r["actor_id"], [])} for r in read_table(dataset, "actors")]
    places = [{"id": r["location_id"], "name": r.get("name", ""), "admin1": r.get("admin1", ""),
               "where_prec": r.get("where_prec", ""), "variants": variants.get(r["location_id"], [])}
              for r in read_table(dataset, "locations")]
    vague = [{"word": r["word"], "low": r.get("low", ""), "best": r.get("best", ""),
              "high": r.get("high", ""), "reason": r.get("reason", "")}
             for r in read_table(dataset, "vague_quantities")]
    events = [{"id": e.get("event_id"), "title": e.get("title", ""), "start": str(e.get("date_start", "")),
               "end": str(e.get("date_end", "")), "location": e.get("location")} for e in read_events(dataset)]
    headers = {t: _header(dataset / "reference" / f"{t}.csv") for t in TABLES}
    return {"actors": actors, "places": places, "vague": vague, "events": events, "headers": headers}


def suggest_events(dataset: Path, date: str | None, location: str | None) -> list[dict]:
    """Events near a claim: overlapping or within EVENT_WINDOW_DAYS of its date, at its place or
    at a place in the same governorate; nearest first."""
    day = as_date(date)
    places = {r["location_id"]: r for r in read_table(dataset, "locations")}
    admin1 = (places.get(location or "") or {}).get("admin1") or None
    found = []
    for e in read_events(dataset):
        start, end = as_date(e.get("date_start")), as_date(e.get("date_end"))
        gap = None  # no date to compare: suggested by place alone
        if day is not None and start is not None and end is not None:
            gap = max((start - day).days, (day - end).days, 0)
            if gap > EVENT_WINDOW_DAYS:
                continue
        where = e.get("location")
        same_place = bool(location) and where == location
        same_area = bool(admin1) and (places.get(where or "") or {}).get("admin1") == admin1
        if location and not (same_place or same_area):
            continue
        found.append((0 if same_place else 1, EVENT_WINDOW_DAYS + 1 if gap is None else gap, str(e.get("event_id")),
                      {"id": e.get("event_id"), "title": e.get("title", ""), "start": str(start or ""),
                       "end": str(end or ""), "location": where, "days_apart": gap}))
    return [row for *_, row in sorted(found, key=lambda t: t[:3])]


def _header(path: Path) -> list[str]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return next(csv.reader(fh), [])
    except FileNotFoundError:
        return []



def add_row(dataset: Path, table: str, row: dict, check) -> list[Problem]:
    """Append ``row`` to ``reference/<table>.csv`` under its own header; keep it only when
    ``check(dataset)`` reports no new problem in that file (else restore it and return them)."""
    if table not in TABLES:
        raise ValueError(f"cannot add rows to {table!r} from the workbench (only {', '.join(TABLES)})")
    path = dataset / "reference" / f"{table}.csv"
    old = path.read_bytes()
    header = _header(path)
    unknown = sorted(set(row) - set(header))
    if unknown:
        raise ValueError(f"{table}.csv has no column {', '.join(unknown)} (columns: {', '.join(header)})")
    out = io.StringIO()
    csv.DictWriter(out, header, lineterminator="\n").writerow({k: row.get(k, "") or "" for k in header})
    text = old.decode("utf-8")
    sep = "" if text.endswith("\n") or not text else "\n"
    return _write_checked(dataset, path, old, (text + sep + out.getvalue()).encode("utf-8"), check)


def add_event(dataset: Path, event: dict, by: str, check) -> tuple[Path, list[Problem]]:
    """Add ``event`` to ``dataset/events/<by>.yaml`` (created if absent), kept if it checks."""
    name = re.sub(r"[^a-z0-9_-]+", "_", by.lower()).strip("_") or "workbench"
    path = dataset / "events" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_bytes() if path.is_file() else None
    data = (yaml.safe_load(old.decode("utf-8")) if old else None) or {"events": []}
    data.setdefault("events", []).append({k: v for k, v in event.items() if v not in (None, "")})
    new = yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode("utf-8")
    return path, _write_checked(dataset, path, old, new, check)


def _write_checked(dataset: Path, path: Path, old: bytes | None, new: bytes, check) -> list[Problem]:
    rel = path.relative_to(dataset).as_posix()
    before = {p for p in check(dataset) if p.file.endswith(rel)} if old is not None else set()
    write_atomically(path, new)
    added = [p for p in check(dataset) if p.file.endswith(rel) and p not in before]
    if added:
        if old is None:
            path.unlink()
        else:
            write_atomically(path, old)
    return added
