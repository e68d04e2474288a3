"""Numbers that are never proposed as counts, and the parts of a page that hold no claims.

:func:`exclusions` returns the spans of a text where no figure may be proposed, each with a
reason: text outside the article body (when a sidecar gives one), photo captions, reader
comments and page footers, prices and fundraising, clock times, copyright lines, legal
citations, ages, durations, percentages, measurements, calendar dates and ordinals.
:func:`year_like` catches bare years ("in 2014") that no span pattern can.

All patterns run over the matching view of the text (see :mod:`.text`), so offsets are the
stored text's.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from tollbook.extract.propose.numbers import UNITS, Quantity
from tollbook.extract.propose.text import lower_case_twin, lowered

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH = rf"(?:{MONTHS}|(?:{MONTH_ABBR})\.?)"
_NUMWORD = "|".join(sorted([*UNITS, "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                            "eighty", "ninety", "hundred", "a", "an"], key=len, reverse=True))
_NUM = rf"(?:\d[\d,.]*|(?:{_NUMWORD})(?:[-\s](?:{_NUMWORD}))*)"
_UNITS_OF_TIME = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)"

#: (reason, pattern) for spans within a line. Case-sensitive unless the pattern says (?i).
SPAN_PATTERNS: tuple[tuple[str, str], ...] = (
    ("caption", r"Screen\s?[Ss]hot\s+\d{4}-\d{2}-\d{2}\s+at\s+[\d.:]+\s*[AaPp]\.?[Mm]\.?"),
    ("caption", r"(?i)\b[\w-]+\.(?:jpe?g|png|gif|webp)\b"),
    ("legal-citation",
     r"\bTitle\s+\d+\s*,?\s*U\.?\s?S\.?\s?C\.?(?:\s*(?:Section|Sec\.|§+)\s*\d+[\w()]*)?"),
    ("legal-citation",
     r"(?i)(?:\b(?:section|sec\.|article|art\.|resolution|chapter|paragraph|clause|decree|"
     r"law|act|no\.|nr\.|number|vol\.|volume|page|pp?\.|item|protocol|rule)|§)"
     r"\s*(?:no\.\s*)?\d[\d./-]*"),
    ("copyright", r"(?i)(?:©|\(c\)|\bcopyright\b)\W{0,6}\d{4}(?:\s*[-–]\s*\d{4})?"),
    ("copyright", r"\b\d{4}(?:\s*[-–]\s*\d{4})?\s*©"),
    ("price", r"[£$€¥]\s*\d[\d,.]*(?:\s*(?:million|billion|bn|m|k)\b)?"),
    ("price", r"(?i)\b(?:US\$|USD|EUR|GBP|SYP)\s*\d[\d,.]*"),
    ("price",
     r"(?i)\b\d[\d,.]*\s*(?:(?:million|billion|thousand)\s+)?"
     r"(?:dollars|euros|pounds|usd|eur|gbp|lira|liras|syp)\b"),
    ("percentage", r"(?i)\b\d[\d,.]*\s*(?:%|per\s?cent\b)"),
    ("clock-time",
     r"(?i)\b\d{1,2}(?::\d{2}){1,2}(?:\s*(?:[ap]\.?\s?m\b\.?|gmt|utc|h\b|hrs\b|local time))?"),
    ("clock-time", r"(?i)\b\d{1,2}(?:\.\d{2}){1,2}\s*(?:[ap]\.?\s?m\b\.?|gmt|utc|hrs\b)"),
    ("clock-time", r"(?i)\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b)"),
    ("clock-time", r"(?i)\b\d{4}\s*(?:gmt|utc|local time|hrs\b)"),
    ("age", rf"(?i)\b{_NUM}[-\s]+(?:years?|months?|weeks?|days?)[-\s]+olds?\b"),
    ("age", r"(?i)\b(?:aged?|ages)\s+(?:between\s+|of\s+)?\d{1,3}(?:\s*(?:and|to|-)\s*\d{1,3})?"),
    ("duration", rf"(?i)\b(?:\d[\d,.]*|[a-z]+)[-\s]+{_UNITS_OF_TIME}\b(?![-\s]+old)"),
    ("measurement",
     rf"(?i)\b{_NUM}[-\s]*(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|mm|cm|kg|"
     r"kilo(?:gram)?s?|tons?|tonnes?|feet|foot|ft|sq|square|acres?|hectares?|lit(?:er|re)s?|"
     r"calib(?:er|re)|degrees?)\b"),
    ("date", rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"),
    ("date", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![a-z])(?:,?\s+\d{{4}}\b)?"),
    ("date", rf"\b{_MONTH},?\s+\d{{4,6}}\b"),
    ("date", rf"\b\d{{1,2}}(?:{MONTH_ABBR}|May)\d{{2,4}}\b"),
    ("date", r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b"),
    ("ordinal", r"(?i)\b\d+(?:st|nd|rd|th)\b"),
    ("ordinal", rf"(?i)\b(?:{_NUMWORD})-(?:first|second|third|fourth|fifth|sixth|seventh|"
                r"eighth|ninth)\b"),
    ("site-furniture", r"(?i)\bshort URL\s*\d+"),
    ("site-furniture", r"(?i)\b(?:views?|shares?|likes?|reads?)\s*:?\s*\d[\d,]*\b"),
    ("site-furniture", r"(?i)\b\d[\d,]*\s+(?:views|shares|likes|comments|reads)\b"),
)

#: (reason, pattern) for whole short lines: fundraising and furniture blocks.
LINE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("fundraising",
     r"(?im)^[^\n]{0,60}\b(?:raised|we need|donat(?:e|ion)s?|fundrais\w*|fighting fund|"
     r"supporters?|subscribe|(?:days?|hours?) (?:remaining|left))\b[^\n]{0,60}$"),
    ("caption", r"(?im)^[ \t]*(?:photo|image|picture|file photo)s?(?:\s+credit)?\s*:[^\n]*$"),
)

#: (reason, pattern) run once over the whole document: shapes no count ever has and no
#: stretch around a number can be trusted to show whole (reference codes of releases and
#: reports, "2017-05-ABC-123", "REF/2016/0412"; telephone numbers).
DOCUMENT_PATTERNS: tuple[tuple[str, str], ...] = (
    ("reference-code",
     r"\b(?:\d+[-/])+(?:[A-Z]{2,}[-/])+\d+(?:[-/][A-Z0-9]+)*\b"
     r"|\b[A-Z]{2,}(?:[-/][A-Z]+)*[-/]\d+(?:[-/][A-Z0-9]+)+\b"
     r"|\b\d{6,}(?:[-/]\d+)+\b"),
    ("phone",
     r"\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}\b"
     r"|(?i:\b(?:tel|phone|telephone|call|fax|whatsapp|hotline|mobile)\b\.?:?\s*(?:on\s+)?)"
     r"\(?\d{2,5}\)?(?:[\s.-]\d{2,4}){1,4}\b"),
)

#: (reason, pattern) for a line where the rest of the document stops being the article.
REGION_STARTS: tuple[tuple[str, str], ...] = (
    ("reader-comment",
     r"(?m)^[ \t]*(?:[•*·\-–][ \t]*)?[^\n]{1,50}?[ \t](?:says|said|wrote|writes|commented|"
     r"replied)[ \t]*:[ \t]*$"),
    ("reader-comment",
     r"(?im)^[ \t]*(?:\d+\s+comments?|leave a (?:comment|reply)|comments)[ \t]*$"),
    ("site-furniture",
     r"(?im)^[ \t]*(?:you may also like|related (?:articles|stories|posts|news)|read more|"
     r"more from [^\n]{1,40}|recommended(?: for you)?|most (?:read|popular)|share this"
     r"(?: article)?)[ \t]*:?[ \t]*$"),
)

_SPANS = tuple((reason, re.compile(p)) for reason, p in SPAN_PATTERNS)
#: The case-insensitive span patterns in lower case, for ASCII text (see text.lowered).
_SPANS_LOWER = tuple(lower_case_twin(p) for _reason, p in _SPANS)
_MONTH_START = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"

#: For each span pattern (same order), what a stretch of text must hold for the pattern to
#: match anywhere in it: a compiled regex (searched in the text), or words or a regex source
#: in lower case (one of the words, or the regex, must be in the lower-cased text; checked
#: only for ASCII text). Each is a part of every match of its pattern, so a stretch without
#: it holds no match. Most stretches around a number hold none, and these checks are far
#: cheaper than the patterns themselves: a unit or a keyword counts only where the pattern
#: needs it (next to a digit, or ending a word), not inside "after", "attack" or "already".
_GATES: tuple[re.Pattern[str] | tuple[str, ...] | str, ...] = (
    ("screen",),
    (".jpg", ".jpeg", ".png", ".gif", ".webp"),
    ("title",),
    r"(?:section|sec\.|article|art\.|resolution|chapter|paragraph|clause|decree|law|act|no\.|"
    r"nr\.|number|vol\.|volume|page|pp?\.|item|protocol|rule|\u00a7)\s*(?:no\.\s*)?\d",
    ("\u00a9", "(c)", "copyright"),
    ("\u00a9",),
    re.compile("[£$€¥]"),
    r"(?:us\$|usd|eur|gbp|syp)\s*\d",
    r"(?:dollars|euros|pounds|usd|eur|gbp|lira|liras|syp)\b",
    r"%|per\s?cent",
    re.compile(r"\d:\d\d"),
    re.compile(r"\d\.\d\d"),
    re.compile(r"\d\s*[aApP]\.?[mM]"),
    re.compile(r"\d\s*(?i:gmt|utc|local time|hrs)"),
    re.compile(r"[-\s][oO][lL][dD]"),
    re.compile(r"[aA](?i:ge[ds]?)\s+(?i:between\s+|of\s+)?\d"),
    re.compile(rf"[-\s](?i:{_UNITS_OF_TIME})\b"),
    r"(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|mm|cm|kg|kilo(?:gram)?s?|tons?|tonnes?|feet|"
    r"foot|ft|sq|square|acres?|hectares?|lit(?:er|re)s?|calib(?:er|re)|degrees?)\b",
    re.compile(rf"{_MONTH_START}[a-z]*\.?,?\s+\d"),
    re.compile(rf"\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_START}"),
    re.compile(rf"{_MONTH_START}[a-z]*\.?,?\s+\d"),
    re.compile(rf"\d{_MONTH_START}\d"),
    re.compile(r"\d[./-]\d"),
    re.compile(r"\d(?i:st|nd|rd|th)"),
    re.compile(r"-(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"),
    ("short url",),
    r"(?:view|share|like|read)s?\s*:?\s*\d",
    r"\s(?:views|shares|likes|comments|reads)\b",
)

_LINES = tuple((reason, re.compile(p)) for reason, p in LINE_PATTERNS)
_DOCUMENT = tuple((reason, re.compile(p)) for reason, p in DOCUMENT_PATTERNS)
_REGIONS = tuple((reason, re.compile(p)) for reason, p in REGION_STARTS)

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


#: How far either side of a number the span patterns look. The longest span with a number
#: in it, a screenshot caption ("Screen Shot 2016-05-04 at 10.23.45 AM"), is shorter; a file
#: name ("photo-of-the-45-killed.jpg") is found from any word of it before the number.
MARGIN = 40

#: Each gate as (pattern, whether it is searched in the lower-cased text): word and lower-case
#: regex gates are (and are always open in text that is not ASCII), the rest are searched as
#: they are.
_GATE_PATTERNS = tuple(
    (g, False) if isinstance(g, re.Pattern)
    else (re.compile(g), True) if isinstance(g, str)
    else (re.compile("|".join(re.escape(w) for w in g)), True)
    for g in _GATES
)

#: All gates in one pattern for lower-cased text (each made case-blind, so it opens at least
#: wherever the gate does): a number near which it finds nothing needs no further look.
_ANY_GATE = re.compile("|".join(
    f"(?:{g.pattern.lower() if in_lower is False else g.pattern})"
    for g, in_lower in _GATE_PATTERNS
))


#: The gates that open near many numbers (clock times, decimals, units of time and measure,
#: months, dates in digits, "short url"; by position in ``_GATES``), checked one by one.
#: The rest rarely open: they are checked together first, and one by one only if that opens.
_OFTEN_OPEN = frozenset((10, 11, 16, 17, 18, 19, 20, 22, 25))
_ANY_RARE_GATE = re.compile("|".join(
    f"(?:{g.pattern.lower() if in_lower is False else g.pattern})"
    for i, (g, in_lower) in enumerate(_GATE_PATTERNS) if i not in _OFTEN_OPEN
))


#: For each gate (same order), lower-case words one of which a text must hold (in lower case)
#: for the gate to open anywhere in it: each is a part of every match of the gate. A report
#: is tested for them once (plain substring tests, far cheaper than any search), and a gate
#: none of whose words it holds stays shut around every number of it. None: not tested (a
#: gate whose words nearly every report holds is searched around each number all the same).
_NEEDLES: tuple[tuple[str, ...] | None, ...] = (
    ("screen",),
    (".jp", ".png", ".gif", ".webp"),
    ("title",),
    None,  # legal words: "act", "art", "number" … are in almost every report
    ("\u00a9", "(c)", "copyright"),
    ("\u00a9",),
    ("$", "\u00a3", "\u20ac", "\u00a5"),
    ("usd", "eur", "gbp", "syp", "us$"),
    ("dollars", "euros", "pounds", "usd", "eur", "gbp", "lira", "syp"),
    ("%", "cent"),
    None, None, None, None,  # a digit first: see _ANY_DIGIT_GATE
    ("old",),
    ("age",),
    None,  # units of time: "day", "year" … are in almost every report
    None,  # units of measure: "met", "ton" …
    None,  # months
    None,
    None,
    None, None, None,
    ("-first", "-second", "-third", "-fourth", "-fifth", "-sixth", "-seventh", "-eighth", "-ninth"),
    ("short url",),
    ("view", "share", "like", "read"),
    ("views", "shares", "likes", "comments", "reads"),
)
#: The gates that begin with a digit (by position in ``_GATES``), and all of them in one
#: pattern for lower-cased text (made case-blind, so it opens at least wherever one of them
#: does), the digit taken out in front so that the search skips straight to digits.
_DIGIT_FIRST = (10, 11, 12, 13, 19, 21, 22, 23)
_ANY_DIGIT_GATE = re.compile(r"\d(?:" + "|".join(
    "(?:" + _GATE_PATTERNS[i][0].pattern.lower().removeprefix(r"\d") + ")" for i in _DIGIT_FIRST
) + ")")


def _gate_groups(indices: Iterable[int]) -> list[tuple[re.Pattern[str], bool, list[int]]]:
    """(gate, searched in lower case, the span patterns it opens) for distinct gates."""
    groups: dict[tuple[re.Pattern[str], bool], tuple[re.Pattern[str], bool, list[int]]] = {}
    for i in indices:
        gate, in_lower = _GATE_PATTERNS[i]
        groups.setdefault((gate, in_lower), (gate, in_lower, []))[2].append(i)
    return list(groups.values())


_DIGIT_GROUPS = _gate_groups(_DIGIT_FIRST)


class Exclusions:
    """Excluded spans with fast overlap queries.

    Regions (outside the body, comments, footers) and short-line patterns are found at once;
    the span patterns (dates, prices, ages …) only around the numbers a :meth:`reason` query
    asks about (``MARGIN`` characters either side), and only those whose gate opens there:
    most of a page holds no figure worth vetoing, and most numbers stand far from any unit,
    month or currency sign. (Each number is looked at once, so nothing is remembered but,
    for an ASCII text, which gates its words leave open at all.)
    """

    def __init__(self, spans: Iterable[Exclusion], view: str | None = None):
        self.spans = sorted(set(spans))
        self._view = view
        self._index()

    def _index(self) -> None:
        self._starts = [s.start for s in self.spans]
        self._max_len = max((s.end - s.start for s in self.spans), default=0)
        self._reach = list(itertools.accumulate((s.end for s in self.spans), max))

    def _local(self, start: int, end: int) -> list[Exclusion]:
        """Span-pattern matches overlapping ``[start, end)``, looked for around it."""
        view = self._view
        if view is None:
            return []
        lo, hi = max(0, start - MARGIN), min(len(view), end + MARGIN)
        whole_low = lowered(view)
        if whole_low is not None:
            return self._local_ascii(view, whole_low, start, end, lo, hi)
        # The gates are read in lower case: the whole text's, or else this stretch's when it
        # is ASCII (no gate looks outside the stretch: none starts with a look behind).
        low, low_lo, low_hi = whole_low, lo, hi
        if low is None and view[lo:hi].isascii():
            low, low_lo, low_hi = view[lo:hi].lower(), 0, hi - lo
        if low is not None and _ANY_GATE.search(low, low_lo, low_hi) is None:
            return []
        rare = low is None or _ANY_RARE_GATE.search(low, low_lo, low_hi) is not None
        seen: dict[tuple[re.Pattern[str], bool], bool] = {}  # some gates are the same
        found = []
        for i, (gate, in_lower) in enumerate(_GATE_PATTERNS):
            if not rare and i not in _OFTEN_OPEN:
                continue
            if (gate, in_lower) not in seen:
                seen[(gate, in_lower)] = bool(gate.search(view, lo, hi) if not in_lower
                                              else low is None
                                              or gate.search(low, low_lo, low_hi))
            if not seen[(gate, in_lower)]:
                continue
            reason, pattern = _SPANS[i]
            twin = _SPANS_LOWER[i]
            if twin is not None and whole_low is not None:
                pattern, target = twin, whole_low
            else:
                target = view
            for m in pattern.finditer(target, lo, hi):
                if m.start() >= end:
                    break
                if m.end() > start:
                    found.append(Exclusion(m.start(), m.end(), reason))
        return found

    @functools.cached_property
    def _live_groups(self) -> list[tuple[re.Pattern[str], bool, list[int]]]:
        """The gates other than the digit-first ones that may open somewhere in an ASCII text."""
        low = cast(str, lowered(cast(str, self._view)))  # asked only of an ASCII view
        return _gate_groups(
            i for i, needles in enumerate(_NEEDLES)
            if i not in _DIGIT_FIRST and (needles is None or any(n in low for n in needles))
        )

    def _local_ascii(self, view: str, low: str, start: int, end: int, lo: int, hi: int
                     ) -> list[Exclusion]:
        """:meth:`_local` for an ASCII text: each gate that may open in the text at all is
        searched around the number; the digit-first gates only when one of them may open."""
        groups = self._live_groups
        if _ANY_DIGIT_GATE.search(low, lo, hi) is not None:
            groups = _DIGIT_GROUPS + groups
        found = []
        for gate, in_lower, indices in groups:
            if gate.search(low if in_lower else view, lo, hi) is None:
                continue
            for i in indices:
                reason, pattern = _SPANS[i]
                twin = _SPANS_LOWER[i]
                pattern, target = (twin, low) if twin is not None else (pattern, view)
                for m in pattern.finditer(target, lo, hi):
                    if m.start() >= end:
                        break
                    if m.end() > start:
                        found.append(Exclusion(m.start(), m.end(), reason))
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
) -> Exclusions:
    """Every span of ``view`` where no figure may be proposed."""
    spans = list(extra)
    if body is not None:
        start, end = body
        if start > 0:
            spans.append(Exclusion(0, start, "outside-body"))
        if end < len(view):
            spans.append(Exclusion(end, len(view), "outside-body"))
    for reason, pattern in _REGIONS:
        m = pattern.search(view)
        if m:
            spans.append(Exclusion(m.start(), len(view), reason))
    for reason, pattern in _LINES:
        spans.extend(Exclusion(m.start(), m.end(), reason) for m in pattern.finditer(view))
    spans.extend(_document_spans(view))
    return Exclusions(spans, view)


_SEPARATOR = re.compile(r"[-/](?=[A-Z0-9])")
_PHONE_WORDS = ("+", "tel", "phone", "call", "fax", "whatsapp", "hotline", "mobile")


def _document_spans(view: str) -> list[Exclusion]:
    """``DOCUMENT_PATTERNS``' matches. A reference code holds a separator before a capital
    or digit, so its pattern is tried only at the start of a word holding one (a search for
    that separator is many times faster than the pattern's); a phone number only in a text
    holding a "+" or a word such as "call"."""
    found = []
    reason, pattern = _DOCUMENT[0]
    last = -1
    for m in _SEPARATOR.finditer(view):
        start = m.start()
        while start > 0 and not view[start - 1].isspace():
            start -= 1
        while start < m.start() and not view[start].isalnum():
            start += 1  # "(REF/2016/0412)"
        if start <= last:
            continue
        code = pattern.match(view, start)
        if code is not None:
            found.append(Exclusion(code.start(), code.end(), reason))
            last = code.end()
        else:
            last = start
    low = view.lower()
    if any(w in low for w in _PHONE_WORDS):
        reason, pattern = _DOCUMENT[1]
        found.extend(Exclusion(m.start(), m.end(), reason) for m in pattern.finditer(view))
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
