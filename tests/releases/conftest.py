"""Releases built from the tiny dataset into temporary folders (never the repository's)."""

from __future__ import annotations

import shutil
from pathlib import Path

import factories
import pytest

from tollbook.pipeline import prepare_or_raise
from tollbook.release.publish import publish

REMOVALS_HEADER = "id,table,removed_in,reason,replaced_by\n"


def build(dataset: Path, releases: Path):
    return publish(prepare_or_raise(dataset), releases)


def set_version(dataset: Path, version: str) -> None:
    factories.dump(dataset / "release.yaml", factories.release(version))


def write_removals(dataset: Path, *rows: str) -> None:
    (dataset / "removals.csv").write_text(REMOVALS_HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")


def drop_claim_03(data: dict) -> None:
    data["claims"] = [c for c in data["claims"] if c["claim_id"] != "clm_test_03"]


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="session")
def built_once(tmp_path_factory) -> Path:
    """Release 1.0.0 of the tiny dataset, built once per session; copy it before changing it."""
    root = tmp_path_factory.mktemp("built")
    dataset = factories.make_dataset(root)
    build(dataset, root / "releases")
    return root


@pytest.fixture
def built(built_once: Path, tmp_path: Path) -> tuple[Path, Path]:
    """(dataset, releases) copies of the module's built release that a test may change."""
    shutil.copytree(built_once, tmp_path, dirs_exist_ok=True)
    return tmp_path / "dataset", tmp_path / "releases"
