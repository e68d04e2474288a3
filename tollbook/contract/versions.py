"""Release version strings: MAJOR.MINOR.PATCH, checked before they touch a path.

- MAJOR: a table or column is removed or renamed, or a column changes meaning or type.
- MINOR: rows or columns are added (new documents, claims, tables); ids of existing rows keep.
- PATCH: corrections to existing rows (a fixed count, date or place); removed ids leave tombstones.
"""

from __future__ import annotations

import re

from tollbook.contract.problems import TollbookError

#: ASCII digits only: ``\d`` would take ``1٠.0.0`` (an Arabic-Indic zero) as a version.
VERSION_PATTERN = re.compile(r"^(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})$")


def parse_version(text: str) -> tuple[int, int, int]:
    """(major, minor, patch), or an error naming the string; never a path."""
    match = VERSION_PATTERN.fullmatch(text or "")  # not match: "$" would let "1.0.0\n" through
    if not match:
        raise TollbookError(
            f"{text!r} is not a release version: use MAJOR.MINOR.PATCH such as 1.0.0"
        )
    return tuple(int(g) for g in match.groups())  # type: ignore[return-value]


def version_key(text: str) -> tuple[int, int, int]:
    return parse_version(text)
