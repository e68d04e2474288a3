"""Shared helpers for the bad-input and fault suites: exact reports, CLI runs, byte snapshots."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import factories
import pytest
from click.testing import CliRunner

from tollbook.cli import cli
from tollbook.pipeline import prepare, prepare_or_raise
from tollbook.release.write import build_release

RECORDS = f"dataset/records/{factories.STEM}.yaml"
SIDECAR = f"dataset/sources/{factories.STEM}.yaml"
TEXT = f"dataset/sources/{factories.STEM}.txt"
NEW_VERSION = "1.1.0"


def report(ds: Path) -> list[tuple]:
    """(file, line, record_id, field, code) of every problem, in reading order."""
    return [(p.file, p.line, p.record_id, p.field, p.code) for p in prepare(ds).problems]


def messages(ds: Path) -> list[str]:
    return [p.message for p in prepare(ds).problems]


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and folder (None) under ``folder``, hidden ones included."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def new_dataset(root: Path, version: str = NEW_VERSION) -> Path:
    """The tiny valid dataset, asking for a version the baseline releases do not hold."""
    ds = factories.make_dataset(root)
    factories.dump(ds / "release.yaml", factories.release(version))
    return ds


def make_releases(root: Path) -> Path:
    """A releases folder holding release 1.0.0 of the tiny dataset and its catalogue."""
    releases = root / "releases"
    build_release(prepare_or_raise(factories.make_dataset(root / "v1")), releases)
    return releases


def copy_releases(source: Path, dest: Path) -> Path:
    target = dest / "releases"
    shutil.copytree(source, target)
    return target


def run(*args: str):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def error_line(problems: int) -> str:
    return f"Error: {problems} problem{'s' if problems != 1 else ''} in the input; nothing was written"


def write_text_file(ds: Path, data: bytes, update_sha: bool = True) -> None:
    """Replace the document text (and, by default, its sidecar's sha256)."""
    (ds / "sources" / f"{factories.STEM}.txt").write_bytes(data)
    if update_sha:
        sidecar = factories.sidecar()
        sidecar["text_sha256"] = hashlib.sha256(data).hexdigest()
        factories.dump(ds / "sources" / f"{factories.STEM}.yaml", sidecar)


# --- fixtures shared by tests/bad_input and tests/faults (re-exported by their conftest) ---


@pytest.fixture(scope="session")
def baseline_releases(tmp_path_factory) -> Path:
    """Built once per session; tests get their own copy (see ``releases``)."""
    return make_releases(tmp_path_factory.mktemp("baseline"))


@pytest.fixture
def releases(baseline_releases: Path, tmp_path: Path) -> Path:
    return copy_releases(baseline_releases, tmp_path / "out")


@pytest.fixture
def ds(tmp_path: Path) -> Path:
    """The tiny valid dataset, set to build version 1.1.0."""
    return new_dataset(tmp_path)
