"""Where each id was written: file and line, per field, so any later check can point at it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Origins:
    """Map an id (and optionally one of its fields) to the file and line that set it."""

    _rows: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    _fields: dict[tuple[str, str], int] = field(default_factory=dict)
    #: ids read without line tracking (valid files): id → the call that registers their lines
    _deferred: dict[str, int] = field(default_factory=dict)
    _locators: list[tuple[list[str], Callable[[], None]] | None] = field(default_factory=list)

    def defer(self, record_ids: list[str], locate_file: Callable[[], None]) -> None:
        """Register ``record_ids`` later: ``locate_file`` re-reads their file with line tracking
        and calls :meth:`add`. Only a problem needs a line, so most files are never re-read."""
        token = len(self._locators)
        mine = [r for r in record_ids if r not in self._rows and r not in self._deferred]
        self._locators.append((mine, locate_file))
        for record_id in mine:
            self._deferred[record_id] = token

    def _resolve(self, record_id: str) -> None:
        token = self._deferred.get(record_id)
        entry = self._locators[token] if token is not None else None
        if entry is not None and token is not None:
            self._locators[token] = None
            for other in entry[0]:
                self._deferred.pop(other, None)
            entry[1]()

    def add(self, record_id: str, file: str, line: int | None, fields: dict[str, int] | None = None) -> None:
        if record_id in self._deferred:  # defined earlier: its file's lines come first
            self._resolve(record_id)
        self._rows.setdefault(record_id, (file, line))
        for name, field_line in (fields or {}).items():
            self._fields.setdefault((record_id, name), field_line)

    def locate(self, record_id: str | None, field_name: str | None = None) -> tuple[str, int | None]:
        if record_id in self._deferred:
            self._resolve(record_id)
        if record_id is None or record_id not in self._rows:
            return ("<dataset>", None)
        file, line = self._rows[record_id]
        if field_name is not None:
            name = record_field(file, field_name) or field_name
            line = self._fields.get((record_id, name), self._fields.get((record_id, name.split(".")[0]), line))
        return file, line

    def __contains__(self, record_id: str) -> bool:
        return record_id in self._rows or record_id in self._deferred


#: Released column → the field a curator writes in a record file, where they differ.
RECORD_FIELD_FOR_COLUMN = {
    "claimant_id": "claimant",
    "location_id": "location",
    "event_id": "event",
    "party_id": "party",
    "perpetrator_id": "perpetrator",
    "gained_by_id": "gained_by",
    "lost_by_id": "lost_by",
    "actor_id": "actor",
    "date_start": "date.start",
    "date_end": "date.end",
    "date_prec": "date.prec",
    "date_text": "date.text",
    "count_low": "count",
    "count_best": "count",
    "count_high": "count",
    "qualifier": "count.qualifier",
    "vague_word": "count.word",
    "site_count": "count",
    "review_status": "review.status",
    "reviewed_by": "review.by",
    "reviewed_on": "review.on",
}


#: Released events column → the field in dataset/events.yaml, where they differ.
EVENT_FIELD_FOR_COLUMN = {"location_id": "location", "side_a_id": "side_a", "side_b_id": "side_b"}


def record_field(file: str, column: str | None) -> str | None:
    """The name a curator sees in ``file`` for a released ``column``."""
    if column is None:
        return column
    if file.startswith("dataset/records/"):
        return RECORD_FIELD_FOR_COLUMN.get(column, column)
    if file == "dataset/events.yaml":
        return EVENT_FIELD_FOR_COLUMN.get(column, column)
    return column
