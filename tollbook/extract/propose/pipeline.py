"""Propose candidates for one document: sentences → figures → claimants, dates, places."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tollbook.extract.propose import ids
from tollbook.extract.propose.admin_units import as_units, unit_anaphora
from tollbook.extract.propose.attribution import Attributor, hedge_of
from tollbook.extract.propose.candidates import Candidate, Figure, sentence_figures
from tollbook.extract.propose.dates import (
    BACKGROUND,
    DateMention,
    DateRange,
    anchored,
    dateline,
    find_dates,
)
from tollbook.extract.propose.filters import Exclusion, exclusions, rejected
from tollbook.extract.propose.held_areas import held_area_mentions
from tollbook.extract.propose.implied import combine, implied_quantities, merge_ranges
from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.names import NameMention, UnknownName
from tollbook.extract.propose.namesakes import resolve_namesakes
from tollbook.extract.propose.outcomes import find_control_cues, find_cues, may_hold_cue
from tollbook.extract.propose.placing import (
    SITE_NAMED_WITHIN,
    SentencePlaces,
    StoryPlace,
    nearest_place,
    note_places,
)
from tollbook.extract.propose.sentences import sentence_spans
from tollbook.extract.propose.tagger import Tag, Tags
from tollbook.extract.propose.text import StoredText, match_view

#: How many sentences of a story may give its date when its first sentence gives none: a
#: lead often leaves it to the next ("At least 17 civilians have been killed … . Seventeen
#: civilians … were killed … on Monday"); only a day or two is taken from them, never a
#: background period. (On the gold set: 1 sentence 0.778, 2 0.793, 3 0.802, 4 0.803; leaving
#: out a day written after a speech verb, "a source told Reuters on Wednesday", was a wash.)
LEAD_SENTENCES = 3
#: Added to a figure's score when the sentence names who says so.
ATTRIBUTED_BONUS = 0.05


@dataclass
class Document:
    """A report to propose from, and what its sidecar (if any) says about it."""

    document_id: str
    stored: StoredText
    name: str = ""
    reference_date: dt.date | None = None
    reference_date_source: str | None = None  # option | sidecar | dateline
    body: tuple[int, int] | None = None
    excluded: list[Exclusion] = field(default_factory=list)
    outlet: str | None = None

    @property
    def text(self) -> str:
        return self.stored.text


@dataclass
class Proposal:
    document: Document
    candidates: list[Candidate]
    unknown_names: list[UnknownName]
    dateline: str | None = None


def propose_document(doc: Document, lexicon: Lexicon) -> Proposal:
    view = match_view(doc.text)
    found_dateline = None
    if doc.reference_date is None:
        found = dateline(view)
        if found:
            doc.reference_date, found_dateline = found
            doc.reference_date_source = "dateline"
    tags = lexicon.tagger.tag(view)  # every lexicon word of the document, in one pass
    excluded = exclusions(view, doc.body, doc.excluded, tags, lexicon.rules)
    start, end = doc.body if doc.body else (0, len(view))
    sentences = [s for s in sentence_spans(view, start, end) if not excluded.covers(*s)]
    mentions, unknown = lexicon.names.scan(view, sentences, tags)
    # "Idleb province", "rural Idlib": the province, not its capital; "in the province": the
    # province of the place named last
    mentions = resolve_namesakes(view, mentions, lexicon.names, lexicon.place_tables)
    mentions = as_units(view, mentions, lexicon.words, lexicon.place_tables, lexicon.units)
    mentions = unit_anaphora(view, mentions, lexicon.words, lexicon.place_tables, lexicon.units)
    mentions = held_area_mentions(view, mentions, lexicon.words, lexicon.rules.held_areas,
                                  doc.reference_date)  # "rebel-held areas of Aleppo"
    places = [m for m in mentions if m.kind == "location"]
    actors = [m for m in mentions if m.kind == "actor"]
    place_starts, actor_starts = [p.start for p in places], [a.start for a in actors]
    issuer = issuer_of(view, tags, mentions, start, lexicon.actor_types)
    attributor = Attributor(view, lexicon.names, mentions, doc.outlet, issuer,
                            lexicon.words.not_claimants,
                            lexicon.words.source_kinds, lexicon.actor_types, tags,
                            lexicon.rules, lexicon.words.source_roles,
                            lexicon.words.continuations, words=lexicon.words,
                            issuer_text=None if issuer else issuer_heading(view, tags, start))
    attributor.sentences = sentences
    context = Context()
    if sentences:
        lead = [p for p in places if sentences[0][0] <= p.start < sentences[0][1]]
        context.where.place = nearest_place(view, lead, sentences[0][0], lexicon)
    for s, e in sentences[:LEAD_SENTENCES]:  # the story's date, from its lead: it holds
        context.date = _first_dated([
            d for d in context.told(view, s, e, doc.reference_date, tags, lexicon)
            if d.carried and (s == sentences[0][0] or d.range and d.range.prec <= 2)])
        if context.date is not None:
            break
    if context.date is None and doc.reference_date is not None:
        # else the day of the reference date or the day before (news of a day's events)
        ref = doc.reference_date
        context.date = DateMention(0, 0, f"reference date {ref.isoformat()}, or the day before",
                                   DateRange(ref - dt.timedelta(days=1), ref, 2, ref.isoformat()))
    candidates: list[Candidate] = []
    for i, (s, e) in enumerate(sentences):
        figures: list[Figure] = []
        cues, control = [], []
        if may_hold_cue(view, s, e, tags):
            cues = find_cues(view, s, e, tags, lexicon.tagger)
            control = find_control_cues(view, s, e, tags, lexicon.tagger)
        if cues or control:
            quantities = merge_ranges(view, [q for q in lexicon.numbers.find(view, s, e)
                                             if rejected(q, view, excluded) is None])
            quantities = combine(quantities,
                                 implied_quantities(view, s, e, tags, lexicon.words))
            figures = sentence_figures(
                view, s, e, quantities, cues, control,
                _within(places, place_starts, s, e), _within(actors, actor_starts, s, e),
                frozenset(t.start for t in tags.within(s, e, "other_outcome")),
                lexicon.rules.pairings,
                frozenset(t.start for t in tags.within(s, e, "thing")),
                lexicon.words.grammar,
            )
        if figures:
            horizon = sentences[min(i + SITE_NAMED_WITHIN, len(sentences) - 1)][1]
            candidates.extend(_candidates(doc, view, s, e, figures, attributor, places, lexicon,
                                          context, mentions, tags, horizon))
        else:  # a sentence without figures may still move the story's place
            note_places(view, _within(places, place_starts, s, e), s, e, lexicon,
                        context.where, tags)
        attributor.note_sentence(s, e)
    candidates = drop_repeats(candidates, lexicon.admin1)
    candidates.sort(key=lambda c: (-c.confidence, c.char_start, c.number_start or 0))
    return Proposal(doc, candidates, unknown, found_dateline)


def _within(mentions: list[NameMention], starts: list[int], s: int, e: int
            ) -> list[NameMention]:
    """The mentions starting in ``[s, e)`` (``starts``: their starts, in order)."""
    return mentions[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]


def _same_region(a: str | None, b: str | None, admin1: dict[str, str]) -> bool:
    """Whether two places may be one event's: the same, one unknown, or in the same
    first-level unit ("Idlib province" and "Khan Sheikhun")."""
    return a == b or a is None or b is None or \
        admin1.get(a, a) == admin1.get(b, b) or admin1.get(a) == b or admin1.get(b) == a


def _restates(a: Candidate, b: Candidate, admin1: dict[str, str]) -> bool:
    """Whether two figures of the same count of the same people are one told twice, once
    with its source and once without: both wholes or both parts, in the same place, neither
    saying it counts others."""
    return (a.claimant_text is None) != (b.claimant_text is None) \
        and (a.part_of is None) == (b.part_of is None) \
        and _same_region(a.location_id, b.location_id, admin1) \
        and not _another(a) and not _another(b)


def _another(c: Candidate) -> bool:
    """Whether a figure's number says it counts others ("Another seven people were killed")."""
    before = c.quote[:(c.number_start or c.char_start) - c.char_start].split()[-1:]
    return bool(before) and before[0].lower() in ("another", "other", "more", "further")


#: The smallest count whose restatement without a source (a lead restating the attributed
#: figure) is drafted once: small counts recur in one report for different events.
RESTATED_FROM = 3


def _unplaced(c: Candidate) -> bool:
    """No place drafted, not even words naming one the tables lack."""
    return c.location_id is None and c.location_text is None


def _take_place(kept: Candidate, repeat: Candidate) -> None:
    """A figure drafted once takes the place its repeat gives (a teaser that names no place,
    the body that does)."""
    for name in ("location_id", "location_text", "where_prec", "location_start",
                 "location_end", "place_source", "place_geonames"):
        setattr(kept, name, getattr(repeat, name))


def drop_repeats(candidates: list[Candidate], admin1: dict[str, str] | None = None
                 ) -> list[Candidate]:
    """A casualty figure the document repeats with everything the draft says of it the same
    (outcome, count, party words, claimant, date window, place; a place given in one telling
    only is the figure's) is drafted once: a headline, a teaser or a summary restating the
    lead is one claim, not two. The kept figure's evidence
    says where the repeat stands. A figure that differs in any of these (another source giving
    the same toll, the same count in another place) stays a claim of its own, except a
    restatement without a source of a count (of 3 or more) given with its source (a lead
    restating the body's "… the Observatory said"): the attributed one is drafted
    (:func:`_restates`)."""
    admin1 = admin1 or {}
    kept: list[Candidate] = []
    first: dict[tuple, Candidate] = {}
    restatements: dict[tuple, Candidate] = {}
    renamed: dict[str, str] = {}
    for c in sorted(candidates, key=lambda c: (c.char_start, c.number_start or 0)):
        if c.part_of in renamed:
            c.part_of = renamed[c.part_of]
        if c.kind != "casualty" or c.count_value is None:
            kept.append(c)
            continue
        k = (c.outcome, c.count_value, " ".join((c.party_text or "").lower().split()),
             c.claimant, c.date_start, c.date_end, c.location_id, c.part_of)
        twin = first.get(k)
        if twin is None:  # the same figure placed in one telling and not in the other
            told = [t for key, t in first.items() if key[:6] == k[:6] and key[7] == c.part_of]
            if _unplaced(c):
                twin = next(iter(told), None)
            else:
                twin = next((t for t in told if _unplaced(t)), None)
                if twin is not None:
                    _take_place(twin, c)
        restated = None if twin is not None or c.count_value < RESTATED_FROM else \
            restatements.get(k[:3])
        if twin is None and restated is not None and _restates(restated, c, admin1):
            # the same count of the same people, once with its source and once without (a
            # lead or headline restating the attributed figure): the attributed one is drafted
            if restated.claimant_text is None:
                kept[kept.index(restated)] = c
                restated, c = c, restated
                first[k] = restatements[k[:3]] = restated
            renamed[c.candidate_id] = restated.candidate_id
            restated.evidence += f"; restated without its source at character {c.number_start}"
            continue
        if twin is None:
            first[k] = c
            restatements.setdefault(k[:3], c)
            kept.append(c)
            continue
        renamed[c.candidate_id] = twin.candidate_id
        twin.evidence += f"; repeated at character {c.number_start}"
    for c in kept:  # parts of a figure dropped before its twin was found
        while c.part_of in renamed:
            c.part_of = renamed[c.part_of]
    return kept


#: How far into a document its heading may name the body issuing it.
HEADING = 300


#: How far into a story its dateline may name the wire agency it comes from ("AFP Saturday
#: 25 Jun 2016 …", "BEIRUT (Reuters) -").
DATELINE = 60


#: The longest line that is a heading ("Press Release", "Statement No. 12"): a release word
#: in a longer line is a sentence's ("said in a statement to SANA").
HEADING_LINE = 80


def _on_heading_line(view: str, at: int) -> bool:
    line_start = view.rfind("\n", 0, at) + 1
    line_end = view.find("\n", at)
    return len(view[line_start:line_end if line_end >= 0 else len(view)].strip()) <= HEADING_LINE


def _release_word(view: str, tags: Tags, start: int) -> Tag | None:
    """The word saying the document is a release ("Press Release"), on a heading line of its
    first :data:`HEADING` characters; None when it says no such thing."""
    return next((t for t in tags.within(start, start + HEADING, "release")
                 if _on_heading_line(view, t.start)), None)


def issuer_heading(view: str, tags: Tags, start: int = 0) -> str | None:
    """The words naming a release's issuer the tables do not know: the heading line before
    the release line ("Sahel Protection Cluster / Press Release / BAMAKO, …"), or the words
    before the release word on its line ("NRC Press Release"). None for a document that does
    not say it is a release."""
    release = _release_word(view, tags, start)
    if release is None:
        return None
    line_start = view.rfind("\n", start, release.start) + 1
    before = view[line_start:release.start].strip(" -–—:|/\t")
    if before:
        return before if len(before) <= HEADING_LINE else None
    heading = [line.strip() for line in view[start:line_start].splitlines() if line.strip()]
    return heading[-1] if heading and len(heading[-1]) <= HEADING_LINE else None


def issuer_of(view: str, tags: Tags, mentions: list[NameMention], start: int = 0,
              actor_types: dict[str, str] | None = None) -> str | None:
    """Who a story is issued by, from its heading and dateline: a known actor named in the
    heading of a document that says it is a release ("U.S. Central Command / Press Release
    / …") or alone on its first line; a news agency named in the dateline (wire copy an
    outlet republishes). None when the document says neither."""
    actors = [m for m in mentions if m.kind == "actor" and start <= m.start < start + HEADING]
    if not actors:
        return None
    release = _release_word(view, tags, start)
    if release is not None:
        # the body named on the heading's lines down to the release line, not one the first
        # sentence names
        line_end = view.find("\n", release.start)
        heading = next((m for m in actors if _on_heading_line(view, m.start)
                        and (line_end < 0 or m.start < line_end)), None)
        return heading.ref_id if heading is not None else None
    line_end = view.find("\n", start, start + HEADING)
    head = actors[0]
    if line_end > 0 and head.end <= line_end and \
            len(view[start:line_end].strip()) <= len(head.text) + 4:
        return head.ref_id
    types = actor_types or {}
    wire = next((m for m in actors if m.start < start + DATELINE
                 and types.get(m.ref_id) == "news_agency"), None)
    return wire.ref_id if wire else None


def _candidates(
    doc: Document,
    view: str,
    s: int,
    e: int,
    figures: list[Figure],
    attributor: Attributor,
    places: list[NameMention],
    lexicon: Lexicon,
    context: Context | None = None,
    mentions: Sequence[NameMention] = (),
    tags: Tags | None = None,
    horizon: int | None = None,
) -> list[Candidate]:
    def mentions_in(s: int, e: int) -> list[NameMention]:
        return [m for m in mentions if s <= m.start < e]

    claim = ids.claim_id(doc.document_id, s, e)
    quote = doc.text[s:e]
    hedge = hedge_of(view, s, e, lexicon.rules)
    context = context or Context()
    dates = anchored(context.told(view, s, e, doc.reference_date, tags, lexicon),
                     context.date, doc.reference_date)
    story = context.date
    own = _first_dated([d for d in dates if d.carried])  # what later sentences take
    if own is not None:
        context.date = own
    if _first_dated(dates) is None and context.date is not None and \
            not any(d.shape in BACKGROUND for d in dates):  # "the war has killed": undated
        dates = [context.date]  # carried from the sentence before that gave one
    where = SentencePlaces(view, s, e, horizon, places, mentions, lexicon, tags, context.where)
    out: list[Candidate] = []
    figure_ids = [ids.figure_id(f.kind, doc.document_id, *f.anchor) for f in figures]
    for f, fid in zip(figures, figure_ids, strict=True):
        at = f.anchor[0]
        claimant = attributor.claimant(s, e, at)
        date = _nearest_date(dates, at) or story
        placed = where.of(f.location, at, f.quantity)
        place, written, geo = placed.place, placed.written, placed.geo
        q = f.quantity
        score = f.score + (ATTRIBUTED_BONUS if claimant.text else 0.0)
        party = lexicon.names.lookup(f.party_text, kind="actor") if f.party_text else None
        out.append(Candidate(
            document=doc.document_id,
            candidate_id=fid,
            claim_id=claim,
            kind=f.kind,
            outcome=f.outcome,
            count_low=q.low if q else None,
            count_best=q.best if q else None,
            count_high=q.high if q else None,
            qualifier=q.qualifier if q else None,
            count_value=q.value if q else None,
            count_word=q.word if q else None,
            number_text=doc.text[q.start:q.end] if q else None,
            number_start=q.start if q else None,
            number_end=q.end if q else None,
            party_text=f.party_text,
            party=party.ref_id if party else None,
            quote=quote,
            char_start=s,
            char_end=e,
            date_start=date.range.start.isoformat() if date and date.range else None,
            date_end=date.range.end.isoformat() if date and date.range else None,
            date_prec=date.range.prec if date and date.range else None,
            date_text=date.text if date else None,
            location_id=place.ref_id if place else None,
            location_text=place.text if place else written.text if written else None,
            where_prec=lexicon.where_prec.get(place.ref_id) if place else
            geo.where_prec if geo else None,
            location_start=place.start if place else written.start if written else None,
            location_end=place.end if place else written.end if written else None,
            place_source="dataset" if place else ("geonames" if geo else "unresolved")
            if written else None,
            place_geonames=geo.describe() if geo else None,
            claimant_text=claimant.text,
            claimant=claimant.actor,
            relayed_by=list(claimant.relayed_by),
            hedge=hedge,
            part_of=figure_ids[f.parent] if f.parent is not None else None,
            site_text=f.site_text,
            gained_by=f.gained_by,
            lost_by=f.lost_by,
            confidence=round(min(0.99, max(0.05, score)), 2),
            evidence=f.evidence,
            count_note=q.note if q else None,
        ))
    return out


@dataclass
class Context:
    """What a document has said so far that later sentences leave implicit: the date and
    the place of the events told (from the lead sentence, then each sentence that gives
    one)."""

    date: DateMention | None = None
    where: StoryPlace = field(default_factory=StoryPlace)
    #: The dates of each sentence read so far, by span (what :meth:`told` found): the lead's
    #: sentences are read once for the story's date and again for their figures.
    dates: dict[tuple[int, int], list[DateMention]] = field(default_factory=dict)

    def told(self, view: str, s: int, e: int, reference: dt.date | None, tags: Tags | None,
             lexicon: Lexicon) -> list[DateMention]:
        """The sentence ``[s, e)``'s dates (:func:`_told`), found once."""
        if (s, e) not in self.dates:
            self.dates[(s, e)] = _told(view, find_dates(view, s, e, reference, tags,
                                                        lexicon.rules))
        return self.dates[(s, e)]


#: What follows a dateline's date: the agency in brackets and a dash ("March 3 (Reuters) -").
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*[-–—]\s")


def _told(view: str, dates: list[DateMention]) -> list[DateMention]:
    """A sentence's dates but a dateline's day ("SANAA, March 3 (Reuters) - … killed 17 on
    Tuesday": when the story was filed) while the sentence gives another day."""
    told = [d for d in dates if d.range is None or not _DATELINE_AFTER.match(view, d.end)]
    return told if _first_dated(told) is not None else dates


def _first_dated(dates: list[DateMention]) -> DateMention | None:
    return next((d for d in dates if d.range is not None), None)


def _nearest_date(dates: list[DateMention], at: int) -> DateMention | None:
    """The sentence's date nearest the figure at ``at`` (one that dates only what follows it,
    "a day after …", not a figure before it)."""
    dates = [d for d in dates if not (d.ahead and d.start > at)]
    usable = [d for d in dates if d.range is not None] or dates
    if not usable:
        return None
    return min(usable, key=lambda d: min(abs(d.start - at), abs(d.end - at)))
