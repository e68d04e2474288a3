"""Tollbook: casualty and claims statistics from conflict reporting.

Every number is a claim: who asserts it, who relayed it, the verbatim quote and its
offsets, and how exact it is. Load a release with :func:`load`, query it with
:func:`query` or :func:`connect`, cite it with :func:`cite`.

``import tollbook`` loads none of pandas, pyarrow or DuckDB: they load on the first call of
a function that needs them (module ``__getattr__``, PEP 562), so the command line starts at once.
"""

from __future__ import annotations

#: Public name → the module that defines it, imported on first use.
_LAZY = {
    "connect": "tollbook.access",
    "load": "tollbook.access",
    "query": "tollbook.access",
    "cite": "tollbook.citing",
    "download": "tollbook.remote",
}

__all__ = ["__version__", "cite", "connect", "download", "load", "query"]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tollbook")
    except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
        return "0+unknown"


def __getattr__(name: str):
    if name == "__version__":
        value = globals()["__version__"] = _version()
        return value
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tollbook' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
