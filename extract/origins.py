"""Where each id was written: file and line, per field, so any later check can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Origins:
    """Map an id (and optionally one of its fields) to the file and line that set it."""

    _rows: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    _fields: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, record_id: str, file: str, line: int | None, fields: dict[str, int] | None = None) -> None:
        self._rows.setdefault(record_id, (file, line))
        for name, field_line in (fields or {}).items():
            self._fields.setdefault((record_id, name), field_line)

    def locate(self, record_id: str | None, field_name: str | None = None) -> tuple[str, int | None]:
        if record_id is None or record_id not in self._rows:
            return ("<dataset>", None)
        file, line = self._rows[record_id]
        if field_name is not None:
            line = self._fields.get((record_id, field_name), line)
        return file, line

    def __contains__(self, record_id: str) -> bool:
        return record_id in self._rows
