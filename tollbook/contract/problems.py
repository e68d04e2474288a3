"""Problems found in curated input, and the error that carries them.

Every check reports :class:`Problem` rows with a stable kebab-case ``code`` (one of
:class:`~tollbook.contract.codes.Code`) so reports, tests and docs speak the same language. A
run collects all problems before failing, so a curator sees every one at once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from tollbook.contract.codes import Code

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows."""

    file: str
    line: int | None
    record_id: str | None
    field: str | None
    code: Code | str  # a kebab-case string is taken and made a Code
    message: str

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "code", Code.of(self.code))  # a kebab-case string is taken too
        except ValueError:
            raise ValueError(f"unknown check code {self.code!r}") from None

    def location(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.record_id:
            where += f" [{self.record_id}]"
        if self.field:
            where += f" {self.field}"
        return where

    def __str__(self) -> str:
        return f"{self.location()}: {self.code}: {self.message}"


def _sort_key(p: Problem) -> tuple:
    return (p.file, p.line if p.line is not None else -1, p.record_id or "", p.field or "", p.code, p.message)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Problems in a stable reading order: by file, then line."""
    return sorted(set(problems), key=_sort_key)


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """The problems as a table (one row each), for reports and tests."""
    import pandas as pd

    rows = [asdict(p) for p in sort_problems(problems)]
    return pd.DataFrame(rows, columns=["file", "line", "record_id", "field", "code", "message"])


class TollbookError(Exception):
    """A failure the user can act on; the CLI prints it as one clear message."""


@dataclass
class InvalidInput(TollbookError):
    """The curated input breaks one or more rules; nothing was written."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        probs = sort_problems(self.problems)
        head = f"{len(probs)} problem{'s' if len(probs) != 1 else ''} in the input; nothing was written"
        return "\n".join([head, *(f"  {p}" for p in probs)])
