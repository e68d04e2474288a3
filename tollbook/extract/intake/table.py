"""Add many reports at once from a table of articles (such as FA-KES), following a mapping
file that says which column holds what, how outlets map to actors and what to cite.

The mapping is curator data (kept under ``dataset/intake/``), e.g.::

    dataset: FA-KES
    citation: "Abu Salem et al. (2019). FA-KES: A Fake News Dataset around the Syrian War."
    doi: 10.5281/zenodo.2607278
    licence: CC-BY-4.0
    encoding: latin-1
    columns: {text: article_content, title: article_title, outlet: source, row_id: unit_id, date: date}
    date_format: "%m/%d/%y"
    coded: [location, nb_civilians]          # the row's own coding, kept as provenance
    select: {rows_sharing: [date, location]} # only rows whose values are shared by another row
    outlets:
      sana: {actor: act_sana, name: SANA}

Rows with the same text become one document that lists every row id. A row is skipped, with
its reason, when its outlet is not mapped, its text is empty, or its text is already stored.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tollbook.extract.intake.store import Catalogue, IntakeError, NewSource, store


@dataclass(frozen=True)
class Mapping:
    dataset: str
    citation: str
    licence: str
    columns: dict[str, str]
    outlets: dict[str, dict]
    doi: str | None = None
    encoding: str = "utf-8"
    date_format: str = "%Y-%m-%d"
    coded: tuple[str, ...] = ()
    select: dict = field(default_factory=dict)
    licence_note: str | None = None

    @classmethod
    def read(cls, path: Path) -> Mapping:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
            raise IntakeError(f"{path}: cannot read the mapping: {str(exc).splitlines()[0]}") from None
        if not isinstance(data, dict):
            raise IntakeError(f"{path}: a mapping file is a YAML mapping")
        missing = [k for k in ("dataset", "citation", "licence", "columns", "outlets") if k not in data]
        if missing:
            raise IntakeError(f"{path}: missing {', '.join(missing)}")
        need = [c for c in ("text", "outlet", "row_id") if c not in data["columns"]]
        if need:
            raise IntakeError(f"{path}: columns must name {', '.join(need)}")
        unknown = set(data) - {f for f in cls.__dataclass_fields__}
        if unknown:
            raise IntakeError(f"{path}: unknown field(s) {', '.join(sorted(unknown))}")
        data["coded"] = tuple(data.get("coded") or ())
        return cls(**data)


@dataclass
class Row:
    line: int
    cells: dict[str, str]


@dataclass
class TableReport:
    added: list[tuple[str, list[str]]] = field(default_factory=list)  # document id, row ids
    skipped: list[tuple[str, str]] = field(default_factory=list)  # row ids, reason
    near: list[tuple[str, str, float]] = field(default_factory=list)  # new doc, stored doc, similarity
    not_selected: int = 0

    def summary(self) -> str:
        reasons = Counter(reason.split(":")[0] for _, reason in self.skipped)
        why = "; ".join(f"{n} {r}" for r, n in sorted(reasons.items()))
        return (f"{len(self.added)} document(s) added from "
                f"{sum(len(r) for _, r in self.added)} row(s); {len(self.skipped)} row(s) skipped"
                f"{' (' + why + ')' if why else ''}; {self.not_selected} row(s) not selected")


def read_rows(path: Path, encoding: str) -> list[Row]:
    try:
        with path.open(encoding=encoding, newline="") as fh:
            reader = csv.DictReader(fh)
            return [Row(reader.line_num, dict(r)) for r in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise IntakeError(f"{path}: cannot read the table: {exc}") from None


def selected(rows: list[Row], select: dict) -> tuple[list[Row], int]:
    """The rows the mapping's ``select`` keeps, and how many it left out."""
    sharing = select.get("rows_sharing")
    if not sharing:
        return rows, 0
    counts = Counter(tuple(r.cells.get(c, "") for c in sharing) for r in rows)
    kept = [r for r in rows if counts[tuple(r.cells.get(c, "") for c in sharing)] >= 2]
    return kept, len(rows) - len(kept)


def _row_date(value: str, fmt: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(value.strip(), fmt).date()
    except ValueError:
        return None


def _coded(row: Row, mapping: Mapping) -> dict:
    out: dict[str, object] = {}
    for col in mapping.coded:
        value = row.cells.get(col)
        if col == mapping.columns.get("date") and value:
            day = _row_date(value, mapping.date_format)
            out[col] = day.isoformat() if day else value
        elif value is not None and value.strip().lstrip("-").isdigit():
            out[col] = int(value)
        else:
            out[col] = value
    return out


def add_table(dataset: Path, table: Path, mapping: Mapping, repair: Callable[[str], tuple[str, str | None]],
              dry_run: bool = False, limit: int | None = None,
              progress: Callable[[Iterable], Iterator] = iter) -> TableReport:
    """Add the selected rows of ``table``; ``repair`` turns a cell into the stored text and
    says how it was repaired (None when stored as given)."""
    report = TableReport()
    rows, report.not_selected = selected(read_rows(table, mapping.encoding), mapping.select)
    cols = mapping.columns
    groups: dict[str, list[Row]] = defaultdict(list)
    order: list[str] = []
    for row in rows:
        text = row.cells.get(cols["text"]) or ""
        if text not in groups:
            order.append(text)
        groups[text].append(row)
    catalogue = Catalogue.read(dataset)
    for text in progress(order[:limit] if limit else order):
        group = groups[text]
        ids = [g.cells[cols["row_id"]] for g in group]
        label = ",".join(ids)
        first = group[0]
        outlet_key = first.cells.get(cols["outlet"], "")
        outlet = mapping.outlets.get(outlet_key)
        if not text.strip():
            report.skipped.append((label, "empty text"))
            continue
        if outlet is None:
            report.skipped.append((label, f"outlet not mapped: {outlet_key!r}"))
            continue
        stored, how = repair(text)
        day = _row_date(first.cells.get(cols.get("date", ""), ""), mapping.date_format)
        provenance = {
            "dataset": mapping.dataset, "doi": mapping.doi, "licence": mapping.licence,
            "citation": mapping.citation,
            "rows": [{"row_id": g.cells[cols["row_id"]], "coded": _coded(g, mapping)} for g in group],
            "repair": how,
        }
        new = NewSource(title=first.cells.get(cols.get("title", "")) or None, outlet=outlet["name"],
                        outlet_id=outlet.get("actor"), licence_note=mapping.licence_note,
                        provenance=provenance, fallback_date=_row_date_evidence(day, mapping))
        try:
            added = store(catalogue, stored, new, dry_run=dry_run)
        except IntakeError as exc:
            report.skipped.append((label, f"refused: {exc}"))
            continue
        report.added.append((added.document_id, ids))
        report.near += [(added.document_id, d, j) for d, j in added.near]
    return report


def _row_date_evidence(day: dt.date | None, mapping: Mapping) -> tuple[dt.date, dict] | None:
    """The row's date as the publication date of a page that carries none of its own."""
    if day is None:
        return None
    col = mapping.columns["date"]
    return day, {"kind": "inferred",
                 "reason": f"No publication date on the page; {mapping.dataset}'s '{col}' "
                           f"({day.isoformat()}, the date of the incident it codes) stands in: "
                           "the article reports that incident as news."}
