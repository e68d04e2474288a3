"""A smoke run over a few real articles; skipped when ../shared is not there."""

import pytest
from propose_support import REPO, SHARED

CSV = SHARED / "corpora" / "fakes-dev" / "fakes-2016-2018.csv"


@pytest.mark.skipif(not CSV.exists(), reason="../shared/corpora/fakes-dev is not available")
def test_a_slice_of_the_fakes_corpus_runs_without_crashing(tmp_path):
    import pandas as pd

    frame = pd.read_csv(CSV, encoding="latin-1").head(40)
    small = tmp_path / "slice.csv"
    frame.to_csv(small, index=False, encoding="latin-1")
    import importlib.util

    spec = importlib.util.spec_from_file_location("propose_quality",
                                                  REPO / "benchmarks" / "propose_quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.run(small, None)
    assert (result["crashes"], result["undecodable"]) == (0, 0)
    assert result["targets"]["total"]["recall_in_text"] >= 0.8
