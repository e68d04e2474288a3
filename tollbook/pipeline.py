"""read → compile → derive → validate: the tables a release is made of, or every reason it can't be."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tollbook.derive import derive_tables
from tollbook.extract.compile import compile_tables
from tollbook.extract.dataset import Dataset, read_dataset
from tollbook.problems import InvalidInput, Problem, sort_problems
from tollbook.validate.run import validate_tables


@dataclass
class Prepared:
    dataset: Dataset
    tables: dict[str, pd.DataFrame]
    problems: list[Problem]


def prepare(dataset_dir: Path) -> Prepared:
    """Everything checked; problems are returned, not raised (see :func:`prepare_or_raise`)."""
    ds = read_dataset(Path(dataset_dir))
    raw, problems = compile_tables(ds)
    typed, found = validate_tables(derive_tables(raw), ds)
    return Prepared(ds, typed, sort_problems(ds.problems + problems + found))


def prepare_or_raise(dataset_dir: Path) -> Prepared:
    prepared = prepare(dataset_dir)
    if prepared.problems:
        raise InvalidInput(prepared.problems)
    return prepared
