"""Every check a build applies, from reading the curated files to comparing with the previous
release, each with the check codes it can raise (declared with ``tollbook.contract.codes.raises``).

``tollbook check`` and ``tollbook build`` run the same checks; tests/core/test_check_codes.py
proves that every code is raised by one of them and has a valid/invalid twin.
"""

from __future__ import annotations

from collections.abc import Callable

from tollbook.contract.codes import Code, codes_of
from tollbook.extract.compile_claims import compile_claims
from tollbook.extract.compile_codings import compile_source_codings
from tollbook.extract.csv_rows import read_csv_rows
from tollbook.extract.dataset import read_dataset
from tollbook.extract.format_errors import read_located, read_model_file, validate_model
from tollbook.extract.records import read_events, read_records
from tollbook.extract.reference import read_reference
from tollbook.extract.removals import read_removals
from tollbook.extract.sources import read_sources
from tollbook.validate.rules import RELEASE_RULES, RULES
from tollbook.validate.table_schemas import check_tables

#: stage → its checks, in the order a build applies them.
CHECKS: dict[str, tuple[Callable, ...]] = {
    "read": (read_located, validate_model, read_model_file, read_csv_rows, read_reference, read_sources,
             read_events, read_records, read_removals, read_dataset),
    "compile": (compile_claims, compile_source_codings),
    "type": (check_tables,),
    "cross-table": RULES,
    "previous release": RELEASE_RULES,
}


def raised_by() -> dict[Code, list[str]]:
    """Code → the checks that can raise it (``module.function``), for every code."""
    out: dict[Code, list[str]] = {code: [] for code in Code}
    for checks in CHECKS.values():
        for check in checks:
            for code in sorted(codes_of(check)):
                out[code].append(f"{check.__module__}.{check.__name__}")
    return out


def codes_table() -> str:
    """The check codes as a Markdown table (code, meaning, the checks that raise it), as
    docs/architecture.md shows it."""
    rows = ["| code | meaning | raised by |", "| --- | --- | --- |"]
    for code, checks in raised_by().items():
        names = ", ".join(f"`{name.removeprefix('tollbook.')}`" for name in checks)
        rows.append(f"| `{code}` | {code.meaning} | {names} |")
    return "\n".join(rows) + "\n"
