"""Read a curated CSV table row by row, with its line numbers and the problems of its shape.

Shared by the reference tables and the removals ledger: UTF-8 (a spreadsheet's byte-order
mark is ignored), a header naming known columns, blank lines skipped, every row as wide as the
header, empty cells read as missing values.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.extract.format_errors import decoding_problem
from tollbook.extract.yaml_lines import NotRegularFile, check_regular


@dataclass
class CsvRows:
    """The rows of one CSV file as (line, {column: value or None}) for every known column."""

    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, dict[str, str | None]]] = field(default_factory=list)
    readable: bool = True


@raises(Code.CSV_SYNTAX, Code.FILE_UNREADABLE, Code.MISSING_FIELD, Code.NOT_A_REGULAR_FILE, Code.UNKNOWN_FIELD)
def read_csv_rows(path: Path, rel: str, name: str, columns: tuple[str, ...],
                  optional: tuple[str, ...] = ()) -> tuple[CsvRows, list[Problem]]:
    """Rows of ``path`` (reported as ``rel``); a header cell outside ``columns`` or a missing
    required column is a problem, and so is a row whose width differs from the header's."""
    try:
        check_regular(path)
        with path.open(encoding="utf-8-sig", newline="") as fh:
            raw = list(csv.reader(fh, strict=True))
    except UnicodeDecodeError as exc:
        return CsvRows(readable=False), [decoding_problem(rel, exc)]
    except csv.Error as exc:
        return CsvRows(readable=False), [Problem(rel, None, None, None, Code.CSV_SYNTAX, str(exc))]
    except NotRegularFile as exc:
        return CsvRows(readable=False), [Problem(rel, None, None, None, Code.NOT_A_REGULAR_FILE, str(exc))]
    except OSError as exc:
        return CsvRows(readable=False), [Problem(rel, None, None, None, Code.FILE_UNREADABLE,
                                                 f"the file cannot be read: {exc.strerror}")]
    header, body = (raw[0], raw[1:]) if raw else ([], [])
    problems = [Problem(rel, 1, None, c, Code.UNKNOWN_FIELD, f"column {c!r} is not part of {name}")
                for c in header if c not in columns]
    problems += [Problem(rel, 1, None, c, Code.MISSING_FIELD, f"column {c!r} is required")
                 for c in columns if c not in header and c not in optional]
    out = CsvRows(header=header)
    for line, values in enumerate(body, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            problems.append(Problem(rel, line, None, None, Code.CSV_SYNTAX,
                                    f"expected {len(header)} cells, found {len(values)}"))
            continue
        cells = {c: (v if v != "" else None) for c, v in zip(header, values, strict=True)}
        out.rows.append((line, {c: cells.get(c) for c in columns}))
    return out, problems
