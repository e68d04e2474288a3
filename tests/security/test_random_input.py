"""Random bytes and random YAML structures in curated files: `check` always ends, within a time
and memory bound, with problems it reports (never a traceback, never a hang)."""

from __future__ import annotations

import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

import factories
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.pipeline import prepare

#: Each example reads the tiny dataset whole (~0.2 s); the bounds are generous multiples of that
#: (the process's high-water mark stays far below PEAK_MB unless some input makes work explode).
SECONDS = 10
PEAK_MB = 1500
#: 4 examples a test keep the suite under its five minutes; TOLLBOOK_PROPERTY_EXAMPLES asks more.
SETTINGS = settings(max_examples=int(os.environ.get("TOLLBOOK_PROPERTY_EXAMPLES", "4")),
                    deadline=None, suppress_health_check=[HealthCheck.too_slow])

_TEMPLATE = Path(tempfile.mkdtemp(prefix="tollbook-random-"))
factories.make_dataset(_TEMPLATE)

YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=40)


def _checked(write) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        ds = Path(tmp) / "dataset"
        shutil.copytree(_TEMPLATE / "dataset", ds)
        write(ds)
        started = time.perf_counter()
        problems = prepare(ds).problems
        assert time.perf_counter() - started < SECONDS
        assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < PEAK_MB * 1024  # kilobytes on Linux
        return problems


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_as_a_record_file_are_reported(data):
    problems = _checked(lambda ds: factories.record_path(ds).write_bytes(data))
    assert problems, "random bytes cannot be a valid record file of the tiny dataset's claims"
    assert all(p.file and p.code for p in problems)


@SETTINGS
@given(YAML_VALUES)
def test_random_yaml_structures_as_a_record_file_are_reported(value):
    text = yaml.safe_dump(value, allow_unicode=True)
    problems = _checked(lambda ds: factories.record_path(ds).write_text(text, encoding="utf-8"))
    assert problems and all(p.file and p.code for p in problems)


@SETTINGS
@given(YAML_VALUES, st.sampled_from(["events.yaml", "release.yaml", "sources/000_aaaabbbbccccdddd.yaml"]))
def test_random_yaml_in_other_curated_files_is_reported(value, name):
    text = yaml.safe_dump(value, allow_unicode=True)
    problems = _checked(lambda ds: (ds / name).write_text(text, encoding="utf-8"))
    assert problems and all(p.file and p.code for p in problems)
