"""Keep pandera from importing Dask in a ``tollbook`` command.

The first time pandera builds any table schema it imports ``pandera.typing.dask``, which
imports ``dask.dataframe`` only to learn whether Dask annotations exist: about a second of CPU
(3-4 s on a busy machine) on every ``tollbook build`` and ``check``, a third of what an edit of
one record may cost. Tollbook's table schemas are pandas only. A ``tollbook`` command process
(:func:`tollbook.cli.main`) lets pandera's Dask typing module load with Dask hidden, so pandera
takes Dask as absent; Dask itself is untouched and imports normally afterwards (``tollbook
propose --dask-scheduler``). A library user's process is left as it is.

The command only asks for it (:func:`for_commands`, which loads nothing, so ``tollbook --help``
stays light); it happens when the table models are first imported (``tollbook.contract.schemas``
calls :func:`apply`), that is only in a command that builds or reads tables.
"""

from __future__ import annotations

import sys

_WANTED = False


def for_commands() -> None:
    """Ask for pandera's Dask typing to be loaded with Dask hidden once the table models load."""
    global _WANTED
    _WANTED = True
    if "tollbook.contract.schemas" in sys.modules:  # already loaded: do it now
        without_dask_types()


def apply() -> None:
    """Called as the table models load: hide Dask from pandera if a command asked for it."""
    if _WANTED:
        without_dask_types()


def without_dask_types() -> None:
    """Load ``pandera.typing.dask`` with Dask hidden, unless either is already loaded."""
    if "pandera.typing.dask" in sys.modules or "dask" in sys.modules:
        return
    sys.modules["dask"] = None  # type: ignore[assignment]  # `import dask...` raises ImportError
    try:
        import pandera.typing.dask  # noqa: F401
    finally:
        del sys.modules["dask"]
