"""How often Python's cycle collector runs while tollbook holds millions of parsed objects.

Parsing creates millions of long-lived objects (models, rows) and few reference cycles; at the
default thresholds (700, 10, 10) the collector rescans them so often that it took a third of
the read phase at 10k documents, and putting the defaults back at the end of a build set off
one full collection over all of them (2 s at 10k). A ``tollbook`` command keeps the higher
thresholds until it exits; a library call to :func:`tollbook.pipeline.prepare` gets them back.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager

THRESHOLDS = (100_000, 50, 1000)


def for_this_process() -> None:
    """For a command-line run: the process ends soon after its work."""
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def fewer_collections():
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
