"""Problems found in curated input, and the error that carries them.

Every check reports :class:`Problem` rows with a stable kebab-case ``code`` so reports,
tests and docs speak the same language. A run collects all problems before failing, so a
curator sees every one at once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

#: The stable check codes and what each means. Tests and docs refer to these names.
CHECK_CODES: dict[str, str] = {
    "yaml-syntax": "The file is not valid YAML.",
    "duplicate-key": "A YAML mapping names the same key twice.",
    "csv-syntax": "The file is not a readable CSV table.",
    "file-missing": "A file the dataset needs is not there.",
    "file-encoding": "The file is not valid UTF-8 text (or holds NUL bytes).",
    "file-empty": "A file that must hold content is empty.",
    "file-too-large": "A curated file is larger than Tollbook reads (the message gives the limit).",
    "not-a-regular-file": "A curated path is a folder, FIFO, device or a symlink out of the project.",
    "file-unreadable": "A curated file exists but cannot be read (permissions, I/O error).",
    "yaml-alias": "A YAML alias (*name) repeats an anchored value; curated files write values out.",
    "nesting-too-deep": "YAML values nest deeper than any curated format needs.",
    "missing-field": "A required field is absent.",
    "unknown-field": "A field that the format does not define (often a typo).",
    "wrong-type": "A value of the wrong type (text where a number belongs, an impossible date).",
    "value-not-allowed": "A value outside the allowed vocabulary or range.",
    "duplicate-id": "The same identifier is used twice.",
    "tombstoned-id": "An identifier that an earlier release removed is used again.",
    "id-removed-without-tombstone": "An id of the previous release is gone and dataset/removals.csv lacks its row.",
    "tombstone-changed": "A tombstone of an earlier release was dropped from or edited in dataset/removals.csv.",
    "foreign-key": "A reference to an id that does not exist.",
    "quote-mismatch": "The quote is not the document text at its offsets.",
    "quote-too-long": "A quote longer than a quote can be (a copy of the article, which is never released).",
    "quote-outside-body": "The quote lies outside the article body or inside excluded furniture.",
    "document-hash-mismatch": "The document text no longer matches the sha256 in its sidecar.",
    "document-mismatch": "A record file names a different document than its file name.",
    "duplicate-document": "A second text and sidecar for a document that is already stored (it would hide the first).",
    "duplicate-text": "Two stored documents with the same text bytes that are not declared copies of one story.",
    "duplicate-record-file": "A second record file for a document that already has one (it would hide the first).",
    "body-words-mismatch": "A sidecar's first_words / last_words are not the words its body span starts or ends with.",
    "count-order": "The counts break count_low <= count_best <= count_high.",
    "negative-count": "A count below zero.",
    "part-exceeds-whole": "A nested figure is larger than the figure it is part of.",
    "part-of-cycle": "part_of links form a cycle.",
    "part-of-mismatch": "A nested figure points at a figure of another claim or outcome.",
    "date-order": "date_start falls after date_end.",
    "date-after-publication": "A claim's dates fall after its document was published.",
    "date-precision": "The date precision contradicts the length of the date range.",
    "coordinates-outside-country": "A place's coordinates lie outside its country's bounding box.",
    "alias-conflict": "One alias or spelling variant is claimed by two actors or places.",
    "duplicate-target": "duplicate_of points at a claim that is itself a copy, or at its own document.",
    "schema": "A table breaks its schema (see the message).",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows."""

    file: str
    line: int | None
    record_id: str | None
    field: str | None
    code: str
    message: str

    def __post_init__(self) -> None:
        if self.code not in CHECK_CODES:
            raise ValueError(f"unknown check code {self.code!r}")

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
