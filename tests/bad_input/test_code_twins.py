"""Valid/invalid twins for the codes raised while the curated files are read or compiled, checked
at that stage (a fraction of a second each) rather than through a whole build; the whole-build
twins are in test_bad_input_cases.py. Together with tests/core/test_rule_twins.py they give every
check code a twin (tests/core/test_check_codes.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import factories
import pytest
from bad_input_kit import RECORDS

from tollbook.extract import yaml_lines
from tollbook.extract.compile import compile_tables
from tollbook.extract.dataset import read_dataset
from tollbook.extract.record_cache import ParsedCache

RELEASE = "dataset/release.yaml"


def found(ds: Path, compile_too: bool = False) -> list[tuple]:
    """(file, line, record_id, field, code) of what reading (and compiling) ``ds`` reports."""
    dataset = read_dataset(ds, ParsedCache(None))
    problems = list(dataset.problems)
    if compile_too and not problems:
        problems += compile_tables(dataset)[1]
    return sorted((p.file, p.line, p.record_id, p.field, str(p.code)) for p in problems)


def same(ds: Path) -> None:
    """The valid twin is the valid dataset itself."""


def release_text(text: str) -> Callable[[Path], None]:
    def write(ds: Path) -> None:
        (ds / "release.yaml").write_text(text, encoding="utf-8")
    return write


def release_plus(extra: str) -> Callable[[Path], None]:
    def write(ds: Path) -> None:
        path = ds / "release.yaml"
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return write


def release_as_folder(ds: Path) -> None:
    (ds / "release.yaml").unlink()
    (ds / "release.yaml").mkdir()


def no_release(ds: Path) -> None:
    (ds / "release.yaml").unlink()


def actors_row(line: str) -> Callable[[Path], None]:
    def write(ds: Path) -> None:
        path = ds / "reference" / "actors.csv"
        path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    return write


def records(change: Callable[[dict], None]) -> Callable[[Path], None]:
    return lambda ds: factories.edit_records(ds, change)


def without_figures(i: int, **fields) -> Callable[[dict], None]:
    """Claim ``i`` without its control change (a copy carries no figures), with ``fields``."""
    def change(data: dict) -> None:
        data["claims"][i].pop("control_changes")
        data["claims"][i].update(fields)
    return change


@dataclass(frozen=True)
class Twin:
    name: str
    valid: Callable[[Path], None]
    invalid: Callable[[Path], None]
    expected: list[tuple]
    compile_too: bool = False
    patch: tuple[str, object] | None = None  # (name in tollbook.extract.yaml_lines, value) for both twins


def _refuse_release(read_yaml):
    def read(path, *args, **kwargs):
        if Path(path).name == "release.yaml":
            raise PermissionError(13, "Permission denied")
        return read_yaml(path, *args, **kwargs)
    return read


TWINS = [
    Twin("release-yaml-missing", same, no_release, [(RELEASE, None, None, None, "file-missing")]),
    Twin("release-yaml-is-a-folder", same, release_as_folder, [(RELEASE, None, None, None, "not-a-regular-file")]),
    Twin("duplicate-key", release_plus("description: A test release\n"), release_plus("title: Again\n"),
         [(RELEASE, 7, None, "title", "duplicate-key")]),
    Twin("yaml-alias", release_plus("description: &d A test release\n"),
         release_plus("description: &d A test release\nlicence_note: *d\n"), [(RELEASE, 7, None, None, "yaml-alias")]),
    Twin("nesting-too-deep", same,
         release_plus("description: " + "[" * 40 + "]" * 40 + "\n"), [(RELEASE, 7, None, None, "nesting-too-deep")]),
    Twin("csv-row-of-other-width", same,
         actors_row("act_other,Other army"), [("dataset/reference/actors.csv", 6, None, None, "csv-syntax")]),
    Twin("record-file-names-another-document", same, records(lambda d: d.update(document_id="doc_ffffffff00000000")),
         [(RECORDS, 1, "doc_ffffffff00000000", "document_id", "document-mismatch")]),
    Twin("copy-of-a-claim-in-its-own-document", records(without_figures(2)),
         records(without_figures(2, duplicate_of="clm_test_01")),
         [(RECORDS, 82, "clm_test_03", "duplicate_of", "duplicate-target")], compile_too=True),
]


@pytest.mark.parametrize("twin", TWINS, ids=[t.name for t in TWINS])
def test_code_twins(twin: Twin, tmp_path: Path):
    valid, invalid = factories.make_dataset(tmp_path / "valid"), factories.make_dataset(tmp_path / "invalid")
    twin.valid(valid)
    twin.invalid(invalid)
    assert found(valid, twin.compile_too) == []
    assert found(invalid, twin.compile_too) == twin.expected


def test_a_file_too_large_is_refused_unread(tmp_path: Path, monkeypatch):
    ds = factories.make_dataset(tmp_path)
    size = max(path.stat().st_size for path in ds.rglob("*.yaml"))
    release_plus("description: " + "x" * (size - (ds / "release.yaml").stat().st_size) + "\n")(ds)
    # the limit itself is tested in test_bad_text.py
    monkeypatch.setattr(yaml_lines, "MAX_YAML_BYTES", (ds / "release.yaml").stat().st_size)
    assert found(ds) == []
    release_plus("#\n")(ds)
    assert found(ds) == [(RELEASE, None, None, None, "file-too-large")]


def test_a_file_that_cannot_be_read_is_one_problem(tmp_path: Path, monkeypatch):
    ds = factories.make_dataset(tmp_path)
    assert found(ds) == []
    monkeypatch.setattr(yaml_lines, "read_yaml", _refuse_release(yaml_lines.read_yaml))
    assert found(ds) == [(RELEASE, None, None, None, "file-unreadable")]


#: Codes with a twin here, for tests/core/test_check_codes.py.
CODES = {row[4] for twin in TWINS for row in twin.expected} | {"file-too-large", "file-unreadable"}
