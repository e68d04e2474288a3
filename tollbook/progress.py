"""Progress bars for long operations: shown on an interactive terminal, silent in pipes and CI.

    from tollbook.progress import progress
    for doc in progress(documents, label="reading documents"):
        ...

The bar goes to stderr, so stdout stays clean for data. It is shown only when stderr is a
terminal and neither ``CI`` nor ``TOLLBOOK_NO_PROGRESS`` is set in the environment.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import click

T = TypeVar("T")

#: Environment variables that silence progress bars (CI services set CI=true).
QUIET_VARIABLES = ("CI", "TOLLBOOK_NO_PROGRESS")


def enabled(stream=None) -> bool:
    """True when a bar would be seen by a person: a terminal, and not CI."""
    stream = stream if stream is not None else sys.stderr
    if any(os.environ.get(name) for name in QUIET_VARIABLES):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def progress(items: Iterable[T], label: str, length: int | None = None) -> Iterator[T]:
    """Yield ``items``, drawing a bar on stderr when :func:`enabled`; otherwise print nothing."""
    if not enabled():
        yield from items
        return
    if length is None and hasattr(items, "__len__"):
        length = len(items)  # type: ignore[arg-type]
    with click.progressbar(items, length=length, label=label, file=sys.stderr,
                           show_pos=True, show_eta=False) as bar:
        yield from bar


@contextmanager
def stages(total: int, label: str, log: Callable[[str], None] | None = None) -> Iterator[Callable[[str], None]]:
    """A bar over the ``total`` named stages of one operation; yields ``start(name)`` to call as
    each stage begins. Without a terminal, each name goes to ``log`` (default: nowhere)."""
    if not enabled():
        yield log or (lambda name: None)
        return
    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True, show_eta=False,
                           item_show_func=lambda name: name) as bar:
        begun = 0

        def start(name: str) -> None:
            nonlocal begun
            if begun:
                bar.update(1, current_item=name)
            else:  # update(0) does not redraw
                bar.current_item = name
                bar.render_progress()
            begun += 1

        yield start
        bar.update(max(total - begun + 1, 0) if begun else total)
