"""Tollbook: casualty and claims statistics from conflict reporting.

Every number is a claim: who asserts it, who relayed it, the verbatim quote and its
offsets, and how exact it is. Load a release with :func:`load`, query it with
:func:`query` or :func:`connect`, cite it with :func:`cite`.
"""

from tollbook.access import connect, load, query
from tollbook.citing import cite
from tollbook.version import __version__

__all__ = ["__version__", "cite", "connect", "load", "query"]
