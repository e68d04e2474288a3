"""The check codes: one enum, each member with its stable kebab-case value and its meaning.

Every problem Tollbook reports carries one of these codes, so reports, tests and docs speak the
same language. Each check declares the codes it can raise with :func:`raises`; a test proves that
every code is raised by some check and has a valid/invalid twin in tests/bad_input
(tests/core/test_check_codes.py). A new code goes here, with its meaning, and gets such a twin.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar


class Code(StrEnum):
    """A check code; ``str(code)`` and ``code == "foreign-key"`` give its kebab-case value."""

    meaning: str

    def __new__(cls, value: str, meaning: str) -> Code:
        member = str.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        return member

    YAML_SYNTAX = "yaml-syntax", "The file is not valid YAML."
    DUPLICATE_KEY = "duplicate-key", "A YAML mapping names the same key twice."
    CSV_SYNTAX = "csv-syntax", "The file is not a readable CSV table."
    FILE_MISSING = "file-missing", "A file the dataset needs is not there."
    FILE_ENCODING = "file-encoding", "The file is not valid UTF-8 text (or holds NUL bytes)."
    FILE_EMPTY = "file-empty", "A file that must hold content is empty."
    FILE_TOO_LARGE = "file-too-large", "A curated file is larger than Tollbook reads (the message gives the limit)."
    NOT_A_REGULAR_FILE = "not-a-regular-file", "A curated path is a folder, FIFO, device or a symlink out of the project."
    FILE_UNREADABLE = "file-unreadable", "A curated file exists but cannot be read (permissions, I/O error)."
    YAML_ALIAS = "yaml-alias", "A YAML alias (*name) repeats an anchored value; curated files write values out."
    NESTING_TOO_DEEP = "nesting-too-deep", "YAML values nest deeper than any curated format needs."
    MISSING_FIELD = "missing-field", "A required field is absent."
    UNKNOWN_FIELD = "unknown-field", "A field that the format does not define (often a typo)."
    WRONG_TYPE = "wrong-type", "A value of the wrong type (text where a number belongs, an impossible date)."
    VALUE_NOT_ALLOWED = "value-not-allowed", "A value outside the allowed vocabulary or range."
    DUPLICATE_ID = "duplicate-id", "The same identifier is used twice."
    TOMBSTONED_ID = "tombstoned-id", "An identifier that an earlier release removed is used again."
    ID_REMOVED_WITHOUT_TOMBSTONE = "id-removed-without-tombstone", "An id of the previous release is gone and dataset/removals.csv lacks its row."
    TOMBSTONE_CHANGED = "tombstone-changed", "A tombstone of an earlier release was dropped from or edited in dataset/removals.csv."
    FOREIGN_KEY = "foreign-key", "A reference to an id that does not exist."
    QUOTE_MISMATCH = "quote-mismatch", "The quote is not the document text at its offsets."
    QUOTE_TOO_LONG = "quote-too-long", "A quote longer than a quote can be (a copy of the article, which is never released)."
    QUOTE_OUTSIDE_BODY = "quote-outside-body", "The quote lies outside the article body or inside excluded furniture."
    DOCUMENT_HASH_MISMATCH = "document-hash-mismatch", "The document text no longer matches the sha256 in its sidecar."
    DOCUMENT_MISMATCH = "document-mismatch", "A record file names a different document than its file name."
    DUPLICATE_DOCUMENT = "duplicate-document", "A second text and sidecar for a document that is already stored (it would hide the first)."
    DUPLICATE_TEXT = "duplicate-text", "Two stored documents with the same text bytes that are not declared copies of one story."
    DUPLICATE_RECORD_FILE = "duplicate-record-file", "A second record file for a document that already has one (it would hide the first)."
    BODY_WORDS_MISMATCH = "body-words-mismatch", "A sidecar's first_words / last_words are not the words its body span starts or ends with."
    COUNT_ORDER = "count-order", "The counts break count_low <= count_best <= count_high."
    NEGATIVE_COUNT = "negative-count", "A count below zero."
    PART_EXCEEDS_WHOLE = "part-exceeds-whole", "A nested figure is larger than the figure it is part of."
    PART_OF_CYCLE = "part-of-cycle", "part_of links form a cycle."
    PART_OF_MISMATCH = "part-of-mismatch", "A nested figure points at a figure of another claim or outcome."
    DATE_ORDER = "date-order", "date_start falls after date_end."
    DATE_AFTER_PUBLICATION = "date-after-publication", "A claim's dates fall after its document was published."
    DATE_PRECISION = "date-precision", "The date precision contradicts the length of the date range."
    COORDINATES_OUTSIDE_COUNTRY = "coordinates-outside-country", "A place's coordinates lie outside its country's bounding box."
    ALIAS_CONFLICT = "alias-conflict", "One alias or spelling variant is claimed by two actors or places."
    DUPLICATE_TARGET = "duplicate-target", "duplicate_of points at a claim that is itself a copy, or at its own document."
    SCHEMA = "schema", "A table breaks its schema (see the message)."


Check = TypeVar("Check", bound=Callable)


def raises(*codes: Code) -> Callable[[Check], Check]:
    """Declare the codes a check can report, as ``check.codes``."""

    def declare(check: Check) -> Check:
        check.codes = frozenset(Code(c) for c in codes)  # type: ignore[attr-defined]
        return check

    return declare


def codes_of(check: Callable) -> frozenset[Code]:
    """The codes ``check`` declared with :func:`raises` (empty when it declared none)."""
    return getattr(check, "codes", frozenset())
