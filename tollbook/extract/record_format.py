"""The curated file formats as pydantic models: sidecars, record files, events, release.

These describe *input* files a curator writes, so that a typo (``cuont``), a missing field
or "thirty" where a number belongs is reported with its path and line before anything is
compiled. The released tables have their own pandera models in ``tollbook/contract/schemas``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from tollbook.contract import vocabulary as voc

# Spelled out, not made by a function: a type checker reads only literal aliases as types.
DocumentId = Annotated[str, StringConstraints(pattern=voc.ID_PATTERNS["document"])]
StoryId = Annotated[str, StringConstraints(pattern=voc.ID_PATTERNS["story"])]
ActorId = Annotated[str, StringConstraints(pattern=voc.ID_PATTERNS["actor"])]
LocationId = Annotated[str, StringConstraints(pattern=voc.ID_PATTERNS["location"])]
EventId = Annotated[str, StringConstraints(pattern=voc.ID_PATTERNS["event"])]
ClaimId = Annotated[str, StringConstraints(pattern=voc.ID_PATTERNS["claim"])]
CasualtyId = Annotated[str, StringConstraints(pattern=voc.ID_PATTERNS["casualty"])]
AirstrikeId = Annotated[str, StringConstraints(pattern=voc.ID_PATTERNS["airstrike"])]
ChangeId = Annotated[str, StringConstraints(pattern=voc.ID_PATTERNS["change"])]
ForceId = Annotated[str, StringConstraints(pattern=voc.ID_PATTERNS["force"])]

Outcome = Literal[voc.OUTCOMES]  # type: ignore[valid-type]
Qualifier = Literal[voc.QUALIFIERS]  # type: ignore[valid-type]
Hedge = Literal[voc.HEDGES]  # type: ignore[valid-type]
ControlStatus = Literal[voc.CONTROL_STATUSES]  # type: ignore[valid-type]
Weapon = Literal[voc.WEAPONS]  # type: ignore[valid-type]
ReviewStatus = Literal[voc.REVIEW_STATUSES]  # type: ignore[valid-type]
EventType = Literal[voc.EVENT_TYPES]  # type: ignore[valid-type]
AgeGroup = Literal[voc.AGE_GROUPS]  # type: ignore[valid-type]
Sex = Literal[voc.SEXES]  # type: ignore[valid-type]
DateEvidenceKind = Literal[voc.DATE_EVIDENCE_KINDS]  # type: ignore[valid-type]
Precision = Annotated[int, Field(ge=1, le=5)]
WherePrecision = Annotated[int, Field(ge=1, le=7)]
#: No count in a conflict report reaches a billion people or strikes; anything larger is a typo,
#: and a bound far below int64 keeps sums and the Parquet columns from overflowing.
MAX_COUNT = 1_000_000_000
#: Dates a curated record can carry: modern reporting, with room either side. 0001-01-01 or
#: 9999-12-31 is a typo, and date arithmetic at the ends of the calendar overflows.
MIN_DATE, MAX_DATE = dt.date(1900, 1, 1), dt.date(2099, 12, 31)


def _iso_date(value: object) -> dt.date:
    """A date written as YYYY-MM-DD (YAML gives a date; a quoted one is text): never a Unix
    timestamp, a date-time, or a number."""
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError as exc:
            raise PydanticCustomError("date_form", "not a calendar date: {reason}", {"reason": str(exc)}) from None
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise PydanticCustomError("date_form", "write the date as YYYY-MM-DD")
    if not MIN_DATE <= value <= MAX_DATE:
        raise PydanticCustomError("date_range", "dates must fall between {low} and {high}",
                                  {"low": str(MIN_DATE), "high": str(MAX_DATE)})
    return value


def _decimal_text(value: object) -> object:
    """Quoted decimal digits ("30") are the same plain form as 30; any other text stays text."""
    return int(value) if isinstance(value, str) and re.fullmatch(r"0|[1-9][0-9]*", value) else value


#: A count is written as decimal digits: YAML 1.1's other forms are never read as numbers (see
#: extract/yaml_lines.py), and true or 12.0 are refused rather than turned into 1 or 12.
Count = Annotated[int, BeforeValidator(_decimal_text), Field(strict=True, ge=0, le=MAX_COUNT)]
Date = Annotated[dt.date, BeforeValidator(_iso_date)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- source sidecars -------------------------------------------------------------------


class DateEvidence(_Strict):
    kind: DateEvidenceKind
    text: str | None = None
    reason: str | None = None

    @model_validator(mode="after")
    def _inferred_needs_reason(self) -> DateEvidence:
        if self.kind == "inferred" and not self.reason:
            raise ValueError("an inferred date needs a 'reason'")
        if not self.text and not self.reason:
            raise ValueError("date evidence needs the 'text' it rests on or a 'reason'")
        return self


class Original(_Strict):
    document_id: DocumentId | None = None
    outlet: str
    authors: list[str] = []
    published_date: Date | None = None
    published_date_evidence: DateEvidence | None = None


class Span(_Strict):
    char_start: int = Field(ge=0)
    char_end: int = Field(ge=0)
    first_words: str | None = None
    last_words: str | None = None


class ExcludedSpan(_Strict):
    char_start: int = Field(ge=0)
    char_end: int = Field(ge=0)
    kind: str
    text_start: str | None = None


class ProvenanceRow(_Strict):
    """One row of a published dataset this document was taken from, as that dataset codes it."""

    row_id: str
    coded: dict[str, str | int | None] = {}


class Provenance(_Strict):
    """Where the stored text came from when it was taken from a published dataset."""

    dataset: str
    doi: str | None = None
    licence: str
    citation: str
    rows: list[ProvenanceRow] = Field(min_length=1)
    repair: str | None = None  # how the text was repaired before storing, when it was


class Sidecar(_Strict):
    document_id: DocumentId
    title: str
    outlet: str
    outlet_id: ActorId | None = None
    authors: list[str] = []
    published_date: Date
    published_date_evidence: DateEvidence
    reference_date: Date | None = None
    reference_date_reason: str | None = None
    original: Original | None = None
    story_id: StoryId
    language: str = "en"
    encoding: Literal["utf-8"] = "utf-8"
    text_sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    body: Span
    excluded_spans: list[ExcludedSpan] = []
    licence_note: str | None = None
    provenance: Provenance | None = None


# --- record files ----------------------------------------------------------------------


class Review(_Strict):
    status: ReviewStatus
    by: str | None = None
    on: Date | None = None
    note: str | None = None
    reason: str | None = None


class DateRange(_Strict):
    start: Date
    end: Date
    prec: Precision
    text: str | None = None


class CountSpec(_Strict):
    """A figure as the text puts it; low/best/high are derived unless given."""

    value: Count | None = None
    qualifier: Qualifier
    word: str | None = None
    low: Count | None = None
    best: Count | None = None
    high: Count | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _value_or_word(self) -> CountSpec:
        if self.qualifier == "vague":
            if not self.word and self.value is None:
                raise ValueError("a vague count needs 'word' (e.g. dozens) or 'value'")
        elif self.value is None:
            raise ValueError(f"a count with qualifier {self.qualifier!r} needs 'value'")
        return self


class _Figure(_Strict):
    date: DateRange | None = None
    location: LocationId | None = None
    where_prec: WherePrecision | None = None
    event: EventId | None = None
    note: str | None = None


class CasualtyFigure(_Figure):
    casualty_id: CasualtyId
    outcome: Outcome
    party: ActorId | None = None
    party_text: str | None = None
    perpetrator: ActorId | None = None
    count: CountSpec
    part_of: CasualtyId | None = None
    civilian: bool | None = None  # the text says they were civilians (True) or combatants (False)
    age_group: AgeGroup | None = None  # child | adult | elderly, when the text says
    sex: Sex | None = None  # female | male, when the text says


class AirstrikeFigure(_Figure):
    airstrike_id: AirstrikeId
    perpetrator: ActorId | None = None
    weapon: Weapon = "airstrike"
    count: CountSpec


class ControlChange(_Figure):
    change_id: ChangeId
    gained_by: ActorId | None = None
    lost_by: ActorId | None = None
    status: ControlStatus
    site_text: str | None = None
    count: CountSpec | None = None


class ForceSize(_Figure):
    force_id: ForceId
    actor: ActorId | None = None
    description: str
    count: CountSpec


class Claim(_Strict):
    claim_id: ClaimId
    review: Review
    quote: str = Field(min_length=1)
    char_start: int = Field(ge=0)
    char_end: int = Field(ge=0)
    duplicate_of: ClaimId | None = None
    claimant: ActorId | None = None
    relayed_by: list[ActorId] = []
    hedge: Hedge = "none"
    date: DateRange | None = None
    location: LocationId | None = None
    where_prec: WherePrecision | None = None
    event: EventId | None = None
    partisan: bool | None = None  # curator override of the derived flag (derive/sides.py); reason in note
    note: str | None = None
    casualties: list[CasualtyFigure] = []
    airstrikes: list[AirstrikeFigure] = []
    control_changes: list[ControlChange] = []
    force_sizes: list[ForceSize] = []

    @model_validator(mode="after")
    def _copy_or_original(self) -> Claim:
        if self.duplicate_of is not None:
            if self.casualties or self.airstrikes or self.control_changes or self.force_sizes:
                raise ValueError(
                    "a claim with duplicate_of carries no figures: they live on the original"
                )
        elif self.review.status in voc.RELEASED_STATUSES and self.claimant is None:
            raise ValueError("an accepted claim needs a claimant (or duplicate_of)")
        if self.partisan is not None and (self.duplicate_of is not None or not self.note):
            raise ValueError("'partisan' may only be set on an original claim, with the reason in 'note'")
        return self


class RecordFile(_Strict):
    document_id: DocumentId
    claims: list[Claim] = []


# --- events and release ----------------------------------------------------------------


class Event(_Strict):
    event_id: EventId
    event_type: EventType
    title: str
    date_start: Date
    date_end: Date
    date_prec: Precision
    location: LocationId | None = None
    where_prec: WherePrecision | None = None
    side_a: ActorId | None = None  # UCDP convention: the state side where one takes part
    side_b: ActorId | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _two_sides(self) -> Event:
        if self.side_a is not None and self.side_a == self.side_b:
            raise ValueError("side_a and side_b must be different actors")
        return self


class EventsFile(_Strict):
    events: list[Event]


class Person(_Strict):
    name: str
    orcid: str | None = None
    affiliation: str | None = None


class SourceDataset(_Strict):
    """A published dataset that texts of this release were taken from, with its attribution."""

    name: str
    title: str
    authors: list[str]
    year: int
    licence: str
    doi: str | None = None
    publisher: str | None = None
    selection: str  # how this release chose documents from it


class ReleaseSpec(_Strict):
    version: Annotated[str, StringConstraints(pattern=r"^[0-9]+\.[0-9]+\.[0-9]+$")]  # ASCII digits only
    date_released: Date
    title: str
    authors: list[Person]
    licence: str
    licence_note: str | None = None
    description: str | None = None
    sources: list[SourceDataset] = []
    curation: str | None = None  # who curated and how
    doi: str | None = None  # the release's DOI once deposited (10.xxxx/...), carried into every citation
    url: str | None = None  # where the release is published, carried into every citation
