"""The parts a record file's rows come in, each with its Arrow schema (no table library needed
to name them: the cache's pack is laid out from this)."""

from __future__ import annotations

import pyarrow as pa

_S: pa.DataType = pa.string()
_I: pa.DataType = pa.int64()
_D: pa.DataType = pa.date32()
_B: pa.DataType = pa.bool_()
_DATES: list[tuple[str, pa.DataType]] = [("date_start", _D), ("date_end", _D), ("date_prec", _I)]
_COMMON: list[tuple[str, pa.DataType]] = [
    ("claim_id", _S), ("event_id", _S), *_DATES, ("location_id", _S), ("where_prec", _I), ("note", _S)]
_COUNTS: list[tuple[str, pa.DataType]] = [
    ("count_low", _I), ("count_best", _I), ("count_high", _I), ("qualifier", _S), ("vague_word", _S)]

#: part → the schema of its rows (column order as the release tables, extra columns last):
#: ``claims`` (released claims, plus the document's ``outlet_id`` for a copy's relay), the four
#: figure tables, and ``statuses`` (every claim of the file, released or not).
PARTS: dict[str, pa.Schema] = {
    "claims": pa.schema([
        ("claim_id", _S), ("document_id", _S), ("story_id", _S), ("quote", _S), ("char_start", _I),
        ("char_end", _I), ("claimant_id", _S), ("relayed_by", pa.list_(_S)), ("hedge", _S), *_DATES,
        ("date_text", _S), ("location_id", _S), ("where_prec", _I), ("event_id", _S), ("duplicate_of", _S),
        ("partisan", _B), ("partisan_basis", _S), ("review_status", _S), ("reviewed_by", _S),
        ("reviewed_on", _D), ("note", _S), ("outlet_id", _S)]),
    "casualties": pa.schema([
        ("casualty_id", _S), *_COMMON, ("outcome", _S), ("party_id", _S), ("party_text", _S),
        ("perpetrator_id", _S), ("part_of", _S), ("civilian", _B), ("age_group", _S), ("sex", _S), *_COUNTS]),
    "airstrikes": pa.schema([("airstrike_id", _S), *_COMMON, ("perpetrator_id", _S), ("weapon", _S), *_COUNTS]),
    "control_changes": pa.schema([
        ("change_id", _S), *_COMMON, ("gained_by_id", _S), ("lost_by_id", _S), ("status", _S),
        ("site_text", _S), ("site_count", _I)]),
    "force_sizes": pa.schema([("force_id", _S), *_COMMON, ("actor_id", _S), ("description", _S), *_COUNTS]),
    "statuses": pa.schema([("claim_id", _S), ("review_status", _S), ("duplicate_of", _S)]),
}
FIGURE_TABLES = ("casualties", "airstrikes", "control_changes", "force_sizes")
