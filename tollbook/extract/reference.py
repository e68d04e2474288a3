"""Read the reference tables under ``dataset/reference/`` (CSV, one row per line)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.extract.csv_rows import read_csv_rows
from tollbook.extract.origins import Origins

if TYPE_CHECKING:
    import pandas as pd

#: file stem → (key columns, all columns). The key names the row in error messages.
REFERENCE_FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "actors": (("actor_id",), ("actor_id", "name", "actor_type", "description")),
    "actor_aliases": (("alias",), ("alias", "actor_id", "note")),
    "actor_memberships": (
        ("member_id", "coalition_id"),
        ("member_id", "coalition_id", "date_start", "date_end", "note"),
    ),
    "locations": (
        ("location_id",),
        ("location_id", "name", "feature_type", "admin1", "admin1_pcode", "country_iso3",
         "latitude", "longitude", "where_prec", "note"),
    ),
    "location_variants": (("variant",), ("variant", "location_id")),
    "countries": (("iso3",), ("iso3", "name", "min_lat", "max_lat", "min_lon", "max_lon", "note")),
    "vague_quantities": (("word",), ("word", "low", "high", "best", "reason")),
}


#: Columns a reference table may leave out of its header.
OPTIONAL_COLUMNS = ("note", "description", "reason", "best")


@dataclass
class Reference:
    """The reference tables as text columns (empty cells are missing values)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    #: tables whose file could not be read (reported once); checks against them are skipped
    unreadable: set[str] = field(default_factory=set)

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.__dict__["tables"][name]
        except KeyError:
            raise AttributeError(name) from None


def row_key(stem: str, row: dict) -> str:
    keys, _ = REFERENCE_FILES[stem]
    return "/".join(str(row[k]) for k in keys)


def reference_parts(dataset: Path, stem: str) -> list[tuple[Path, str]]:
    """Further files of a reference table, ``reference/<stem>/*.csv`` (same header), read after
    ``reference/<stem>.csv`` in name order: a team may split a table by curator or batch."""
    from tollbook.extract.listing import names

    folder = dataset / "reference" / stem
    return [(folder / n, f"dataset/reference/{stem}/{n}") for n in names(folder, ".csv", files_only=True)]


@dataclass
class ReferenceRows:
    """The reference tables as rows of text (``None`` for an empty cell), before any DataFrame:
    what ``tollbook propose`` needs, without loading pandas."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)


@raises(Code.DUPLICATE_ID, Code.FILE_MISSING)
def read_reference_rows(dataset: Path, origins: Origins | None = None) -> tuple[ReferenceRows, list[Problem]]:
    """Read every reference CSV; each row's origin is recorded under ``<stem>:<key>``."""
    origins = origins if origins is not None else Origins()
    ref, problems = ReferenceRows(), []
    for stem, (keys, columns) in REFERENCE_FILES.items():
        path = dataset / "reference" / f"{stem}.csv"
        rel = f"dataset/reference/{stem}.csv"
        ref.files[stem] = rel
        records: list[dict] = []
        ref.rows[stem] = records
        if not path.exists():
            problems.append(Problem(rel, None, None, None, Code.FILE_MISSING, "reference table not found"))
            ref.unreadable.add(stem)
            continue
        seen: dict = {}
        for part, part_rel in [(path, rel), *reference_parts(dataset, stem)]:
            table, found = read_csv_rows(part, part_rel, stem, columns, OPTIONAL_COLUMNS)
            problems += found
            if not table.readable:
                ref.unreadable.add(stem)
                continue
            if any(k not in table.header for k in keys):
                ref.unreadable.add(stem)
            for i, row in table.rows:
                key = row_key(stem, row)
                if key in seen:
                    problems.append(Problem(part_rel, i, key, "/".join(keys), Code.DUPLICATE_ID,
                                            f"{key!r} is already defined at {seen[key]}"))
                    continue
                seen[key] = f"line {i}" if part_rel == rel else f"{part_rel}:{i}"
                records.append(row)
                if all(row.get(k) for k in keys):
                    origins.add(f"{stem}:{key}", part_rel, i,
                                {c: i for c in columns})
    return ref, problems


@raises(Code.DUPLICATE_ID, Code.FILE_MISSING)
def read_reference(dataset: Path, origins: Origins | None = None) -> tuple[Reference, list[Problem]]:
    """Read every reference CSV into text columns (see :func:`read_reference_rows`)."""
    import pandas as pd

    rows, problems = read_reference_rows(dataset, origins)
    ref = Reference(files=rows.files, unreadable=rows.unreadable)
    for stem, (_keys, columns) in REFERENCE_FILES.items():
        records = rows.rows[stem]
        empty = pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})
        ref.tables[stem] = pd.DataFrame(records, columns=list(columns), dtype="str") if records else empty
    return ref, problems
