"""A tollbook command keeps pandera from importing Dask, and Dask still imports afterwards."""

import subprocess
import sys

PROGRAM = """
import sys
from tollbook.contract.pandera_types import without_dask_types
without_dask_types()
from pandera.typing import dask as pandera_dask
print(pandera_dask.DASK_INSTALLED, "dask" in sys.modules)
import dask.bag
print(dask.bag.from_sequence([1, 2, 3]).sum().compute(scheduler="sync"))
"""


def test_pandera_takes_dask_as_absent_and_dask_still_imports():
    out = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, check=True).stdout
    assert out.split("\n") == ["False False", "6", ""]
