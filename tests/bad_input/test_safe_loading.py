"""Loaders never execute code: YAML only through the safe loader, no pickle anywhere, and a
Python tag in a curated file is a reported problem, never constructed."""

from __future__ import annotations

import re
from pathlib import Path

import factories
from bad_input_kit import RECORDS, report

REPO = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ("tollbook", "extract", "validate")
UNSAFE = re.compile(r"\bpickle\b|\bdill\b|\bmarshal\.loads?\b|yaml\.(unsafe_)?load\(|yaml\.(Full|Unsafe)?Loader\b"
                    r"|read_pickle|allow_pickle|(?<![\w.])(eval|exec)\(|builtins\.(eval|exec)\b")
# (a method named ``eval``, such as simpleeval's evaluator, is not the builtin)


def test_no_code_that_can_execute_data():
    hits = [f"{path.relative_to(REPO)}:{n}: {line.strip()}"
            for folder in SOURCE_DIRS for path in sorted((REPO / folder).rglob("*.py"))
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if UNSAFE.search(line)]
    assert hits == []


def test_python_tag_in_a_record_file_is_reported_and_never_run(ds, tmp_path):
    marker = tmp_path / "executed"
    path = factories.record_path(ds)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  hedge: none", f"  hedge: !!python/object/apply:os.system ['touch {marker}']", 1), encoding="utf-8")
    assert report(ds) == [(RECORDS, 7, None, None, "yaml-syntax")]
    assert not marker.exists()


def test_python_tag_on_a_scalar_is_reported(ds):
    path = factories.record_path(ds)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  hedge: none", "  hedge: !!python/name:os.system", 1), encoding="utf-8")
    assert report(ds) == [(RECORDS, 7, None, None, "yaml-syntax")]
