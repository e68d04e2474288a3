"""What changed between two releases, per table: rows added, removed (with the tombstone's
reason) and changed (field: old → new). ``CHANGES.md`` in a release and ``tollbook diff`` print
the same text."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tollbook.contract.schemas import TABLES, primary_key
from tollbook.validate.rules.tombstones import id_tables

TOMBSTONES = "tombstones"
CHANGES_FILE = "CHANGES.md"


@dataclass
class TableChanges:
    table: str
    rows_before: int
    rows_after: int
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[tuple[str, object, object]]]] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed or self.columns_added or self.columns_removed)


def show(value) -> str:
    """A cell as CHANGES.md prints it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(show(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _key_columns(table: str, old: pa.Table | None, new: pa.Table | None) -> list[str]:
    """The table's primary key when both sides have its columns, else its first column."""
    sides = [t for t in (old, new) if t is not None]
    if table in TABLES:
        key = primary_key(TABLES[table])
        if all(k in t.column_names for t in sides for k in key):
            return key
    return sides[0].column_names[:1]


def _labels(arrow: pa.Table | None, key: list[str]) -> dict[str, int]:
    """Row label (key values joined by " / ") → row number; only the key columns become Python."""
    if arrow is None:
        return {}
    columns = [arrow.column(k).to_pylist() for k in key]
    labels = (" / ".join(v.isoformat() if isinstance(v, dt.date) else str(v) for v in values)
              for values in zip(*columns, strict=True))
    return {label: i for i, label in enumerate(labels)}  # a label written twice keeps its last row


def _plain(column: pa.ChunkedArray) -> pa.ChunkedArray:
    return column.cast(column.type.value_type) if pa.types.is_dictionary(column.type) else column


def _may_differ(a: pa.ChunkedArray, b: pa.ChunkedArray) -> np.ndarray:
    """True where two aligned columns may hold different values (never False where they do)."""
    a, b = _plain(a), _plain(b)
    if a.type != b.type or pa.types.is_nested(a.type):
        return np.array([x != y for x, y in zip(a.to_pylist(), b.to_pylist(), strict=True)], dtype=bool)
    same = pc.or_kleene(pc.fill_null(pc.equal(a, b), False), pc.and_(pc.is_null(a), pc.is_null(b)))
    return ~np.asarray(same.to_numpy(zero_copy_only=False), dtype=bool)


def compare_table(table: str, old: pa.Table | None, new: pa.Table | None) -> TableChanges:
    key = _key_columns(table, old, new)
    before, after = _labels(old, key), _labels(new, key)
    old_cols = old.column_names if old is not None else []
    new_cols = new.column_names if new is not None else []
    shared = [c for c in new_cols if c in old_cols]
    out = TableChanges(table, len(before), len(after),
                       added=sorted(set(after) - set(before)), removed=sorted(set(before) - set(after)),
                       columns_added=[c for c in new_cols if c not in old_cols] if old is not None else [],
                       columns_removed=[c for c in old_cols if c not in new_cols] if new is not None else [])
    both = sorted(set(before) & set(after))
    if not both or not shared:
        return out
    # whole columns are compared in Arrow; only rows that may differ are turned into Python
    old_rows = old.select(shared).take(pa.array([before[label] for label in both], pa.int64()))
    new_rows = new.select(shared).take(pa.array([after[label] for label in both], pa.int64()))
    suspects = np.zeros(len(both), dtype=bool)
    for c in shared:
        suspects |= _may_differ(old_rows.column(c), new_rows.column(c))
    picked = pa.array(np.flatnonzero(suspects), pa.int64())
    for i, a, b in zip(picked.to_pylist(), old_rows.take(picked).to_pylist(), new_rows.take(picked).to_pylist(),
                       strict=True):
        diffs = [(c, a[c], b[c]) for c in shared if a[c] != b[c]]
        if diffs:
            out.changed.append((both[i], diffs))
    return out


def compare(old: dict[str, pa.Table], new: dict[str, pa.Table]) -> list[TableChanges]:
    """Per table, in release order (tables only one side has come last, by name)."""
    names = [t for t in TABLES if t in old or t in new]
    names += sorted((set(old) | set(new)) - set(names))
    return [compare_table(t, old.get(t), new.get(t)) for t in names if t != TOMBSTONES]


def _tombstone_notes(new: dict[str, pa.Table]) -> dict[tuple[str, str], str]:
    if TOMBSTONES not in new:
        return {}
    notes = {}
    for row in new[TOMBSTONES].to_pylist():
        note = f"{row['reason']} (removed in {row['removed_in']}"
        note += f"; replaced by {row['replaced_by']})" if row.get("replaced_by") else ")"
        notes[(row["table"], row["id"])] = note
    return notes


def _table_section(change: TableChanges, notes: dict[tuple[str, str], str]) -> list[str]:
    lines = ["", f"## {change.table}"]
    if change.columns_added:
        lines += ["", f"Columns added: {', '.join(change.columns_added)}"]
    if change.columns_removed:
        lines += ["", f"Columns removed: {', '.join(change.columns_removed)}"]
    if change.added:
        lines += ["", f"Added ({len(change.added)}):"] + [f"- {label}" for label in change.added]
    if change.removed:
        lines += ["", f"Removed ({len(change.removed)}):"]
        stable = change.table in id_tables()  # only rows with ids of their own leave tombstones
        lines += [f"- {label}: {notes.get((change.table, label), 'no tombstone')}" if stable else f"- {label}"
                  for label in change.removed]
    if change.changed:
        lines += ["", f"Changed ({len(change.changed)}):"]
        for label, diffs in change.changed:
            lines.append(f"- {label}: " + "; ".join(f"{c} {show(a)} → {show(b)}" for c, a, b in diffs))
    return lines


def changes_text(old_version: str | None, new_version: str,
                 old: dict[str, pa.Table] | None, new: dict[str, pa.Table]) -> str:
    """The Markdown report; ``old_version`` None means ``new_version`` is the first release."""
    if old_version is None or old is None:
        lines = [f"# Changes in release {new_version}", "",
                 "First release: there is no earlier release to compare with.", "",
                 "| table | rows |", "| --- | ---: |"]
        lines += [f"| {t} | {new[t].num_rows} |" for t in TABLES if t in new]
        return "\n".join(lines) + "\n"
    changes = compare(old, new)
    lines = [f"# Changes from release {old_version} to release {new_version}", "",
             "| table | rows before | rows after | added | removed | changed |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {c.table} | {c.rows_before} | {c.rows_after} | {len(c.added)} | {len(c.removed)} "
              f"| {len(c.changed)} |" for c in changes]
    notes = _tombstone_notes(new)
    for change in changes:
        if not change.unchanged:
            lines += _table_section(change, notes)
    if all(c.unchanged for c in changes):
        lines += ["", "No rows were added, removed or changed."]
    return "\n".join(lines) + "\n"


def write_changes(prepared, folder, manifest: dict) -> None:
    """CHANGES.md against the previous catalogued release; the folder being built sits beside
    the catalogued ones and has no SHA256SUMS yet, so its tables are read as written."""
    import pyarrow.parquet as pq

    from tollbook.release.history import previous_version, read_release

    releases = folder.parent
    version = manifest["version"]
    previous = previous_version(releases, version)
    old = read_release(releases, previous) if previous else None
    new = {p.stem: pq.read_table(p) for p in sorted(folder.glob("*.parquet"))}
    (folder / CHANGES_FILE).write_text(changes_text(previous, version, old, new), encoding="utf-8")
