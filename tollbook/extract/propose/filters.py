"""Numbers that are never proposed as counts, and the parts of a page that hold no claims.

:func:`exclusions` returns the spans of a text where no figure may be proposed, each with a
reason: text outside the article body (when a sidecar gives one), photo captions, reader
comments and page footers, prices and fundraising, clock times, copyright lines, legal
citations, ages, durations, percentages, measurements, calendar dates, ordinals and tolls
the text says were superseded ("updating an earlier toll of 15").
:func:`year_like` catches bare years ("in 2014") that no rule can.

What is excluded is data: the ``exclusions`` of ``rules.yaml`` (:mod:`.rules`). Rules anchored
at ``digit`` run together in one search per document, ``document``, ``line`` and ``region``
rules once per document; a rule anchored at a lexicon tag ("month", "currency", "age" …) is
tried only around a number the sentences offer, and only where the document's one keyword
pass (:mod:`.tagger`) found a word of that tag near it. All patterns run over the matching
view of the text (see :mod:`.text`), so offsets are the stored text's.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from tollbook.extract.propose.numbers import Quantity
from tollbook.extract.propose.rules import Rules, default_rules
from tollbook.extract.propose.tagger import Tags, default_tagger
from tollbook.extract.propose.text import lowered

#: Words before a bare four-digit number that make it a year.
_YEAR_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|since|of|by|until|till|from|to|during|early|late|mid|before|after|"
    r"between|and|the|year|spring|summer|autumn|fall|winter|through|throughout|around)|[-'(])"
    r"\s*$"
)
_WORD_AFTER = re.compile(r"\s*([A-Za-z]+)")
_NOT_A_NOUN_AFTER = frozenset(
    "the a an and or to when after before as was were is are has have had but while that "
    "which who with on in at for from by it its their his her this".split()
)


@dataclass(frozen=True, order=True)
class Exclusion:
    start: int
    end: int
    reason: str


#: How far either side of a number the rules anchored at a tag look. The longest span with a
#: number in it, a screenshot caption ("Screen Shot 2016-05-04 at 10.23.45 AM"), is shorter;
#: a file name ("photo-of-the-45-killed.jpg") is found from any word of it before the number.
MARGIN = 40


class Exclusions:
    """Excluded spans with fast overlap queries.

    Regions, lines and the document-wide rules are found at once; the rules anchored at a
    lexicon tag only around the numbers a :meth:`reason` query asks about (``MARGIN``
    characters either side), and only those whose tag the document's keyword pass found
    there: most numbers stand far from any unit, month or currency sign.
    """

    def __init__(self, spans: Iterable[Exclusion], view: str | None = None,
                 tags: Tags | None = None, rules: Rules | None = None):
        self.spans = sorted(set(spans))
        self._view = view
        self._tags = tags
        self._rules = rules if rules is not None else default_rules()
        self._index()

    def _index(self) -> None:
        self._starts = [s.start for s in self.spans]
        self._max_len = max((s.end - s.start for s in self.spans), default=0)
        self._reach = list(itertools.accumulate((s.end for s in self.spans), max))

    def _local(self, start: int, end: int) -> list[Exclusion]:
        """Matches of the tag-anchored rules overlapping ``[start, end)``, looked for around it."""
        view, tags = self._view, self._tags
        if view is None or tags is None:
            return []
        lo, hi = max(0, start - MARGIN), min(len(view), end + MARGIN)
        low = lowered(view)
        found = []
        for tag, rules in self._rules.tagged.items():
            if not tags.any(lo, hi, tag):
                continue
            for rule in rules:
                pattern, target = ((rule.lower, low) if rule.lower is not None and low is not None
                                   else (rule.pattern, view))
                for m in pattern.finditer(target, lo, hi):
                    if m.start() >= end:
                        break
                    if m.end() > start:
                        found.append(Exclusion(m.start(), m.end(), rule.effect))
        return found

    def covers(self, start: int, end: int) -> bool:
        """Whether one region or line span holds all of ``[start, end)`` (a whole sentence)."""
        i = bisect.bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end

    def reason(self, start: int, end: int) -> str | None:
        """The reason of the first excluded span overlapping ``[start, end)``, if any."""
        overlapping = self._local(start, end)
        i = bisect.bisect_left(self._starts, start - self._max_len)
        for span in self.spans[i:]:
            if span.start >= end:
                break
            if span.end > start:
                overlapping.append(span)
                break
        return min(overlapping).reason if overlapping else None


def exclusions(
    view: str,
    body: tuple[int, int] | None = None,
    extra: Iterable[Exclusion] = (),
    tags: Tags | None = None,
    rules: Rules | None = None,
) -> Exclusions:
    """Every span of ``view`` where no figure may be proposed. ``tags``: the document's
    keyword pass (the packaged lexicon's is run when not given)."""
    rules = rules if rules is not None else default_rules()
    if tags is None:
        tags = default_tagger().tag(view)
    spans = list(extra)
    if body is not None:
        start, end = body
        if start > 0:
            spans.append(Exclusion(0, start, "outside-body"))
        if end < len(view):
            spans.append(Exclusion(end, len(view), "outside-body"))
    for rule in rules.regions:
        m = rule.pattern.search(view)
        if m:
            spans.append(Exclusion(m.start(), len(view), rule.effect))
    for rule in rules.lines:
        spans.extend(Exclusion(m.start(), m.end(), rule.effect)
                     for m in rule.pattern.finditer(view))
    spans.extend(_digit_spans(view, rules))
    spans.extend(_document_spans(view, rules))
    return Exclusions(spans, view, tags, rules)


def _digit_spans(view: str, rules: Rules) -> list[Exclusion]:
    """The ``digit`` rules' matches: one search over the text (two for an ASCII text, the
    rules ignoring case over its lower-case twin)."""
    digit = rules.digit
    lower, as_is, general = rules.digit_search
    low = lowered(view)
    searches = ((lower, low), (as_is, view)) if low is not None else ((general, view),)
    found = []
    for pattern, target in searches:
        if pattern is None or target is None:
            continue
        for m in pattern.finditer(target):
            found.append(Exclusion(m.start(), m.end(), digit[int(m.lastgroup[1:])].effect
                                   if m.lastgroup else "number"))
    return found


def _document_spans(view: str, rules: Rules) -> list[Exclusion]:
    """The ``document`` rules' matches. A rule with ``needles`` runs only in a text holding
    one (in lower case); a rule with ``start_at`` is tried only from the start of each word
    holding a match of it (a reference code holds a separator before a capital or digit:
    that search is many times faster than the code's pattern)."""
    found: list[Exclusion] = []
    low: str | None = None
    for rule in rules.document:
        if rule.needles:
            low = low if low is not None else view.lower()
            if not any(n in low for n in rule.needles):
                continue
        if rule.start_at is None:
            found.extend(Exclusion(m.start(), m.end(), rule.effect)
                         for m in rule.pattern.finditer(view))
            continue
        last = -1
        for m in rule.start_at.finditer(view):
            start = m.start()
            while start > 0 and not view[start - 1].isspace():
                start -= 1
            while start < m.start() and not view[start].isalnum():
                start += 1  # "(REF/2016/0412)"
            if start <= last:
                continue
            code = rule.pattern.match(view, start)
            if code is not None:
                found.append(Exclusion(code.start(), code.end(), rule.effect))
                last = code.end()
            else:
                last = start
    return found


def year_like(q: Quantity, view: str) -> bool:
    """A bare 1900–2099 read as a year: "in 2014", "2015 was", but not "2000 people"."""
    if not q.digits or q.qualifier_start is not None or q.value is None:
        return False
    if not (1900 <= q.value <= 2099 and len(q.text) == 4):
        return False
    if _YEAR_BEFORE.search(view, max(0, q.start - 12), q.start):
        return True
    after = _WORD_AFTER.match(view, q.end)
    return after is None or after.group(1).lower() in _NOT_A_NOUN_AFTER


def rejected(q: Quantity, view: str, excluded: Exclusions) -> str | None:
    """Why ``q`` may not be proposed as a count, or None when it may."""
    reason = excluded.reason(q.start, q.end)
    if reason is None and year_like(q, view):
        reason = "year"
    return reason
