"""The tool versions a release records as ``built_with``, and how they differ from the installed ones.

Release bytes depend on the code and on the Parquet writer as much as on the inputs, so a
rebuild that gives other bytes says which versions differ before it blames the inputs.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa

from tollbook.version import __version__


def built_with() -> dict[str, str]:
    """The versions recorded in a new release's manifest (keys as in every release so far)."""
    return {"tollbook": __version__, "pyarrow": pa.__version__}


def tool_differences(recorded: dict[str, str], skip: Iterable[str] = ()) -> list[str]:
    """One phrase per tool whose installed version is not the recorded one, e.g.
    ``pyarrow 26.0.1 built this release, 27.0.0 is installed``."""
    now = built_with()
    return [f"{name} {version} built this release, {now[name]} is installed"
            for name, version in sorted(recorded.items())
            if name in now and name not in skip and now[name] != version]
