"""The lock files pin every tool a release and the tests are built with, in step with pyproject.toml,
and pin the Parquet writer that wrote the latest release (so it rebuilds byte for byte)."""

from __future__ import annotations

import json
import re
import tomllib

import pytest
from factories import REPO
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s\\;]+)", re.M)


def pins(name: str) -> dict[str, str]:
    text = (REPO / name).read_text(encoding="utf-8")
    return {canonicalize_name(n): v for n, v in PIN.findall(text)}


def hashed(name: str) -> bool:
    blocks = re.split(r"\n(?=[A-Za-z0-9])", (REPO / name).read_text(encoding="utf-8").split("\n", 2)[2])
    return all("--hash=sha256:" in block for block in blocks if "==" in block)


def requirements(extra: str | None = None) -> list[str]:
    """The project's dependencies, with ``extra``'s; an extra naming the project's own extras
    (``tollbook[curate,report]``) stands for theirs."""
    found = list(PROJECT["dependencies"])
    for spec in ([] if extra is None else PROJECT["optional-dependencies"][extra]):
        own = Requirement(spec)
        if canonicalize_name(own.name) == canonicalize_name(PROJECT["name"]):
            found += [d for e in sorted(own.extras) for d in requirements(e) if d not in found]
        else:
            found.append(spec)
    return found


def test_the_test_extra_takes_every_other_extra():
    everything = {d for e in PROJECT["optional-dependencies"] if e != "test" for d in requirements(e)}
    assert everything <= set(requirements("test"))


@pytest.mark.parametrize(("lock", "wanted"), [
    ("requirements.lock", requirements()),
    ("requirements-test.lock", requirements("test")),
])
def test_each_lock_pins_every_declared_dependency_within_its_range_with_hashes(lock, wanted):
    pinned = pins(lock)
    for spec in map(Requirement, wanted):
        name = canonicalize_name(spec.name)
        assert name in pinned, f"{lock} does not pin {spec.name}: regenerate it (docs/reproducibility.md)"
        assert spec.specifier.contains(pinned[name], prereleases=True), (lock, spec, pinned[name])
    assert hashed(lock), f"{lock} has a pin without --hash"


def test_the_runtime_lock_agrees_with_the_test_lock():
    runtime, test = pins("requirements.lock"), pins("requirements-test.lock")
    assert {n: test.get(n) for n in runtime} == runtime


def test_the_locks_pin_the_parquet_writer_that_wrote_the_latest_release():
    latest = json.loads((REPO / "releases/index.json").read_text(encoding="utf-8"))["releases"][-1]["version"]
    built_with = json.loads((REPO / f"releases/{latest}/manifest.json").read_text(encoding="utf-8"))["built_with"]
    assert pins("requirements.lock")["pyarrow"] == built_with["pyarrow"]
    assert pins("requirements-test.lock")["pyarrow"] == built_with["pyarrow"]
