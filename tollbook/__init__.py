"""Tollbook: casualty and claims statistics from conflict reporting.

Every number is a claim: who asserts it, who relayed it, the verbatim quote and its
offsets, and how exact it is. Load a release with :func:`load`, query it with
:func:`query` or :func:`connect`, cite it with :func:`cite`.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tollbook")
except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
    __version__ = "0+unknown"

from tollbook.access import connect, load, query  # noqa: E402
from tollbook.citing import cite  # noqa: E402

__all__ = ["__version__", "cite", "connect", "load", "query"]
