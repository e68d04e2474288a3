"""Date phrases resolved against a reference date into UCDP-style ranges.

``find_dates`` returns each date phrase in a stretch of text with its resolved range:
"on Friday" → that day, "since Thursday" → Thursday to the reference date, "last month" →
the calendar month before, "in mid-May" → 11–20 May, "late 2014" → September–December 2014.
Precision follows UCDP GED's ``date_prec`` and is derived from the length of the range, so
it never contradicts it: 1 one day, 2 two to six days, 3 a week, 4 eight days to a month,
5 longer. Phrases are parsed by the patterns below (no general date parser is needed for
news text) and resolutions are cached: the same phrases recur across thousands of reports.

A dataset may name the conflict it covers and the day its curators date it from (its rules
file, ``conflicts``): "since the war began in March 2015", "the conflict has killed …" and a
"since" whose month or year holds that day then start on it. Dates of a photo caption ("…
August 6 2016 (Reuters Photo)") are no event's. Some phrases count from the story's own day
rather than the reference date ("a day after …", "the previous day", "two days of
bombardment"): :func:`anchored` places them once the story's day is known.

``dateline`` finds a publication date at the start of an article ("Published April 25th,
2015", "Wed 05 Apr 2017", "Date of publication 12 August 2016") or a "published on 12Jun15"
line, for documents without a sidecar.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from tollbook.extract.propose.rules import Rule, Rules, default_rules
from tollbook.extract.propose.sentences import sentence_spans

MONTH_NUMBER = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
MONTH_NUMBER["sept"] = 9
WEEKDAY_NUMBER = {calendar.day_name[i].lower(): i for i in range(7)}

_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
#: The date phrases are rules of ``rules.yaml`` (section ``dates``, :mod:`.rules`): a name, the
#: shape :func:`resolve` reads it as, its anchors (date words of the lexicon, or "month",
#: "weekday", "year") and its pattern; an earlier rule wins where two overlap.


def date_anchors(tags, start: int, end: int) -> set[str]:
    """What of the date rules' anchors the document's tags hold in ``[start, end)``."""
    found = {t.phrase for t in tags.within(start, end, "date_word")}
    if tags.any(start, end, "month"):
        found.add("month")
    if tags.any(start, end, "weekday"):
        found.add("weekday")
    return found


_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


@dataclass(frozen=True)
class DateRange:
    start: dt.date
    end: dt.date
    prec: int
    text: str


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    range: DateRange | None  # None when no reference date is known for a relative phrase
    rule: Rule | None = None  # the date rule that read it (None: the reference date itself)

    @property
    def shape(self) -> str:
        return self.rule.effect if self.rule is not None else ""

    @property
    def ahead(self) -> bool:
        """A phrase that dates only what follows it ("a day after X killed 26")."""
        return self.shape == "day_after"

    @property
    def carried(self) -> bool:
        """Whether the date may hold for later sentences: not the whole conflict's, nor a
        "since" reaching back more than a year (a background clause: "besieged since 2013"),
        nor one counted from another date."""
        if self.range is None or self.shape in BACKGROUND or self.shape in STORY_RELATIVE:
            return False
        return not (self.shape == "since" and (self.range.end - self.range.start).days > 366)


#: Shapes counted from the story's own day (the sentence's other date, else the date the story
#: has given so far), not from the reference date: :func:`anchored`.
STORY_RELATIVE = ("previous_day", "day_after", "n_days")
#: Shapes that date the conflict as a whole: never carried to later sentences.
BACKGROUND = ("conflict", "since_previous")


def precision(start: dt.date, end: dt.date) -> int:
    """UCDP date precision implied by a range's length in days."""
    days = (end - start).days + 1
    if days <= 1:
        return 1
    if days <= 6:
        return 2
    if days == 7:
        return 3
    if days <= 31:
        return 4
    return 5


def find_dates(view: str, start: int, end: int, reference: dt.date | None,
               tags=None, rules: Rules | None = None) -> list[DateMention]:
    """Date phrases in ``view[start:end]``, non-overlapping, in text order. ``tags``: the
    document's one keyword pass (:mod:`.tagger`); the stretch is tagged alone without it.
    ``rules``: the date rules (the packaged ones when not given)."""
    rules = rules if rules is not None else default_rules()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    if tags is None:
        from tollbook.extract.propose.tagger import default_tagger

        present = date_anchors(default_tagger().tag(view[start:end]), 0, end - start)
    else:
        present = date_anchors(tags, start, end)
    if "19" in view[start:end] or "20" in view[start:end]:
        present.add("year")
    conflict = rules.conflict.start if rules.conflict is not None else None
    caption = start
    for rule in rules.dates:
        if present.isdisjoint(rule.anchor):
            continue
        for m in rule.pattern.finditer(view, start, end):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            text = m.group()
            if rule.effect == "caption":
                caption = max(caption, m.end())
                continue
            if rule.effect == "state":  # "besieged since 2013": how long, not when
                continue
            if rule.effect == "since_previous":
                rng = _since_previous(view, start, m.start(), reference, tags, rules, text)
            else:
                rng = resolve(rule, text, reference, conflict)
            found.append(DateMention(m.start(), m.end(), text, rng, rule))
    # a photo caption's dates ("… Gao, Mali, May 3 2016 (Reuters Photo)") are no event's
    return sorted((d for d in found if d.start >= caption), key=lambda d: d.start)


def _since_previous(view: str, start: int, at: int, reference: dt.date | None, tags,
                    rules: Rules, phrase: str) -> DateRange | None:
    """ "Since then": from the date given just before (earlier in the sentence, else in the
    sentence before it) to the reference date."""
    if reference is None:
        return None
    before = [d for d in find_dates(view, start, at, reference, tags, rules) if d.range]
    if not before:
        spans = sentence_spans(view, max(0, start - 800), start)
        if spans:
            before = [d for d in find_dates(view, *spans[-1], reference, tags, rules) if d.range]
    anchor = before[-1].range if before else None
    if anchor is None or before[-1].shape in STORY_RELATIVE:
        return None
    first = _conflict_start(anchor.start, anchor.end, rules.conflict.start
                            if rules.conflict is not None else None)
    return _range(first, reference, phrase) if first <= reference else None


def anchored(dates: list[DateMention], story: DateMention | None,
             reference: dt.date | None) -> list[DateMention]:
    """The sentence's dates with those counted from the story's day placed: "the previous
    day", "a day after …" the day before it (a window of two days moved back by one), "two
    days of bombardment" the days ending on it. The story's day is the sentence's own first
    date of at most two days, else ``story`` (the date the story has given so far) when it
    is as short, else the reference date."""
    if not any(d.shape in STORY_RELATIVE for d in dates):
        return dates
    own = next((d for d in dates if d.range is not None and d.shape not in STORY_RELATIVE
                and d.range.prec <= 2), None)
    if own is None and story is not None and story.range is not None and story.range.prec <= 2:
        own = story
    day = own.range if own is not None else None
    out = []
    for d in dates:
        if d.shape not in STORY_RELATIVE or d.rule is None:
            out.append(d)
            continue
        rng: DateRange | None
        if d.shape == "n_days":
            end = day.end if day is not None else reference
            rng = resolve(d.rule, d.text, end) if end is not None else None
        elif day is not None:
            rng = _range(day.start - dt.timedelta(days=1), day.end - dt.timedelta(days=1),
                         d.text)
        else:
            rng = d.range
        out.append(DateMention(d.start, d.end, d.text, rng, d.rule))
    return out


@functools.lru_cache(maxsize=8192)
def resolve(rule: Rule, phrase: str, reference: dt.date | None,
            conflict: dt.date | None = None) -> DateRange | None:
    """The range a phrase matched by a date rule stands for, or None when unplaceable.
    ``conflict``: the day the dataset dates its conflict from (its rules file), if it does."""
    shape, pattern = rule.effect, rule.pattern
    m = pattern.fullmatch(phrase)
    if m is None:
        return None
    ref = reference
    g = m.groupdict()
    if shape in ("since", "conflict"):
        if ref is None:
            return None
        if not g.get("anchor"):  # "since the war began", "the conflict has killed"
            return _range(conflict, ref, phrase) if conflict and conflict <= ref else None
        bounds = _anchor_range(" ".join(g["anchor"].split()), ref)
        if bounds is None or bounds[0] > ref:
            return None
        return _range(_conflict_start(*bounds, conflict), ref, phrase)
    if shape == "weekday_span":
        last = _last_weekday(WEEKDAY_NUMBER[g["last"].lower()], ref) if ref else None
        if last is None:
            return None
        back = (WEEKDAY_NUMBER[g["last"].lower()] - WEEKDAY_NUMBER[g["first"].lower()]) % 7
        return _range(last - dt.timedelta(days=back), last, phrase)
    if shape == "month_span":
        last_year = int(g["y2"])
        m1, m2 = (MONTH_NUMBER[g[k].rstrip(".").lower()] for k in ("m1", "m2"))
        first_year = int(g["y1"]) if g.get("y1") else last_year - (m1 > m2)
        first = _month_bounds(m1, first_year, ref)[0]
        last = _month_bounds(m2, last_year, ref)[1]
        if first and last and ref and first <= ref < last:
            last = ref
        return _range(first, last, phrase)
    if shape == "part_of_year":
        n = _count(g["n"])
        whole = int(g["year"])
        if not n or n > 12:
            return None
        if g["which"].lower() == "last":
            return _range(dt.date(whole, 13 - n, 1), dt.date(whole, 12, 31), phrase)
        return _range(dt.date(whole, 1, 1),
                      dt.date(whole, n, calendar.monthrange(whole, n)[1]), phrase)
    if shape == "full":
        day = _date(int(g["year"]), _month(phrase), int(g["day"]))
        return _range(day, day, phrase) if day else None
    if shape == "day_month":
        if ref is None:
            return None
        day = _date(ref.year, _month(phrase), int(g["day"]))
        if day and day > ref:
            day = _date(ref.year - 1, _month(phrase), int(g["day"]))
        return _range(day, day, phrase) if day else None
    if shape == "part_month":
        year = int(g["year"]) if g.get("year") else None
        first, last = _month_bounds(_month(phrase), year, ref)
        if first is None or last is None:
            return None
        cut = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day)}[g["part"].lower()]
        return _range(first.replace(day=cut[0]), first.replace(day=cut[1]), phrase)
    if shape == "part_year":
        year = int(g["year"])
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[g["part"].lower()]
        end = dt.date(year, months[1], calendar.monthrange(year, months[1])[1])
        return _range(dt.date(year, months[0], 1), end, phrase)
    if shape == "month":
        year = int(g["year"]) if g.get("year") else None
        if year is None and phrase.lower().startswith("last "):
            ref_month = _month(phrase)
            year = ref.year - 1 if ref and ref_month >= ref.month else (ref.year if ref else None)
        first, last = _month_bounds(_month(phrase), year, ref)
        if first and last and ref and first <= ref < last:
            last = ref  # the month of the reference date: up to that day, not after it
        return _range(first, last, phrase) if first else None
    if shape == "year":
        year = int(g["year"])
        return _range(dt.date(year, 1, 1), dt.date(year, 12, 31), phrase)
    if ref is None:
        return None
    if shape == "relative_period":
        found = _relative_period(g["rel"].lower().split()[-1], g["period"].lower(), ref, phrase)
        if found is not None and g["rel"].lower().startswith("earlier") and found.start < ref:
            # "earlier this week": before the reference day
            return _range(found.start, ref - dt.timedelta(days=1), phrase)
        return found
    if shape == "past_n":
        n = int(g["n"]) if g["n"].isdigit() else _SMALL.get(g["n"].lower())
        if not n:
            return None
        days = {"day": 1, "week": 7, "month": 30}[g["period"].lower().rstrip("s")] * n
        return _range(ref - dt.timedelta(days=days - 1), ref, phrase)
    if shape == "recent":
        # "in recent weeks": four weeks back (the day four weeks before to the reference date)
        days = {"days": 7, "weeks": 29, "months": 180}[g["period"].lower()]
        return _range(ref - dt.timedelta(days=days - 1), ref, phrase)
    if shape == "days_ago":
        n = int(g["n"]) if g["n"].isdigit() else _SMALL[g["n"].lower()]
        if g["period"].lower().startswith("day"):
            day = ref - dt.timedelta(days=n)
            return _range(day, day, phrase)
        mid = ref - dt.timedelta(weeks=n)
        return _range(mid - dt.timedelta(days=3), mid + dt.timedelta(days=3), phrase)
    if shape == "weekend":
        saturday = _last_weekday(5, ref)
        if g.get("last") and ref.weekday() >= 5:
            saturday -= dt.timedelta(days=7)
        return _range(saturday, min(saturday + dt.timedelta(days=1), ref), phrase)
    if shape == "toll_report":  # a running toll reported on a day: that day and the one before
        day = _last_weekday(WEEKDAY_NUMBER[(g["weekday"] or g["weekday2"]).lower()], ref)
        return _range(day - dt.timedelta(days=1), day, phrase)
    if shape in ("previous_day", "day_after"):
        day = ref - dt.timedelta(days=1)  # the story's day is placed by anchored()
        return _range(day, day, phrase)
    if shape == "n_days":  # "two days of bombardment", "24 hours of fighting" ending on ref
        n = _count(g["n"])
        if not n:
            return None
        days = n - 1 if g["period"].lower().startswith("day") else -(-n // 24)
        return _range(ref - dt.timedelta(days=days), ref, phrase)
    if shape == "weekday":
        day = _last_weekday(WEEKDAY_NUMBER[g["weekday"].lower()], ref, strictly_before=bool(
            g.get("last")))
        return _range(day, day, phrase)
    if shape == "relative_day":
        low = " ".join(phrase.lower().split())
        if low == "the day before yesterday":
            day = ref - dt.timedelta(days=2)
            return _range(day, day, phrase)
        if low == "yesterday":
            day = ref - dt.timedelta(days=1)
            return _range(day, day, phrase)
        if low in ("last night", "overnight") or low.endswith("24 hours") \
                or low.endswith("twenty-four hours"):
            return _range(ref - dt.timedelta(days=1), ref, phrase)
        if low.endswith("hours"):  # the last 48 hours
            return _range(ref - dt.timedelta(days=2), ref, phrase)
        return _range(ref, ref, phrase)
    return None


def _count(word: str) -> int | None:
    low = word.lower()
    if low.isdigit():
        return int(low)
    return {"twenty-four": 24, "forty-eight": 48, "seventy-two": 72}.get(low, _SMALL.get(low))


def _conflict_start(first: dt.date, last: dt.date, conflict: dt.date | None) -> dt.date:
    """Where a range reaching back to ``first``–``last`` ("since March 2015", "since 2015")
    starts: the conflict's start when the dataset dates one inside that period, else
    ``first``."""
    return conflict if conflict is not None and first <= conflict <= last else first


_AGO = re.compile(r"(?:(?:nearly|almost|about|some|over|more\s+than)\s+)?(\w+)\s+(day|week)s?\s+ago")


def _anchor_range(anchor: str, ref: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the period a range starts from ("Thursday", "March 2015",
    "2015", "the end of July", "two weeks ago")."""
    low = anchor.lower()
    if low == "yesterday" or low == "last night":
        day = ref - dt.timedelta(days=1)
        return day, day
    if low.split()[0] in WEEKDAY_NUMBER:
        day = _last_weekday(WEEKDAY_NUMBER[low.split()[0]], ref)
        return day, day
    ago = _AGO.fullmatch(low)
    if ago:
        n = _count(ago.group(1))
        if not n:
            return None
        day = ref - dt.timedelta(days=n * (7 if ago.group(2) == "week" else 1))
        return day, day
    if low.startswith("the end of "):
        bounds = _anchor_range(anchor[len("the end of "):], ref)
        return (bounds[1], bounds[1]) if bounds else None
    if low.startswith("last ") or (low.startswith("the ") and not low.startswith("the end")):
        period = low.split()[-1]
        rng = _relative_period("last" if low.startswith("last") else "this", period, ref, anchor)
        return (rng.start, rng.start) if rng else None
    for rule in default_rules().dates:  # the start of a range is read by the packaged rules
        if rule.effect not in ("full", "day_month", "part_month", "month", "year"):
            continue
        text = f"in {anchor}" if rule.effect in ("month", "year") else anchor
        if rule.pattern.fullmatch(text):
            rng = resolve(rule, text, ref)
            if rng is None:
                return None
            if rule.effect == "month" and rng.start.month == ref.month and \
                    rng.start.year == ref.year:  # the month it began in, whole
                return rng.start, _month_bounds(rng.start.month, rng.start.year, ref)[1] \
                    or rng.end
            return rng.start, rng.end
    return None


def _relative_period(rel: str, period: str, ref: dt.date, phrase: str) -> DateRange | None:
    if period == "year":
        if rel in ("last", "previous"):
            return _range(dt.date(ref.year - 1, 1, 1), dt.date(ref.year - 1, 12, 31), phrase)
        if rel == "past":
            return _range(ref - dt.timedelta(days=364), ref, phrase)
        return _range(dt.date(ref.year, 1, 1), ref, phrase)
    if period == "month":
        if rel in ("last", "previous"):
            last = ref.replace(day=1) - dt.timedelta(days=1)
            return _range(last.replace(day=1), last, phrase)
        if rel == "past":
            return _range(ref - dt.timedelta(days=29), ref, phrase)
        return _range(ref.replace(day=1), ref, phrase)
    monday = ref - dt.timedelta(days=ref.weekday())
    if rel in ("last", "previous"):
        return _range(monday - dt.timedelta(days=7), monday - dt.timedelta(days=1), phrase)
    if rel == "past":
        return _range(ref - dt.timedelta(days=6), ref, phrase)
    return _range(monday, ref, phrase)


def _last_weekday(weekday: int, ref: dt.date, strictly_before: bool = False) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return ref - dt.timedelta(days=back)


def _month(phrase: str) -> int:
    for word in re.findall(r"[A-Za-z]+", phrase):
        if word[0].isupper() and word.lower() in MONTH_NUMBER:
            return MONTH_NUMBER[word.lower()]
    raise ValueError(f"no month in {phrase!r}")


def _month_bounds(
    month: int, year: int | None, ref: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    if year is None:
        if ref is None:
            return None, None
        year = ref.year if month <= ref.month else ref.year - 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _range(start: dt.date | None, end: dt.date | None, phrase: str) -> DateRange | None:
    if start is None or end is None or end < start:
        return None
    return DateRange(start, end, precision(start, end), " ".join(phrase.split()))


# --- datelines --------------------------------------------------------------------------

_PUBLISHED = re.compile(
    r"(?i)\b(?:published|date\s+of\s+publication|last\s+updated|updated|posted)"
    r"(?:\s+(?:on|at))?\s*:?\s*(?:[A-Za-z]+,?\s+)?"
)
_COMPACT = re.compile(
    r"\b(?P<day>\d{1,2})(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?P<yy>\d{2})\b"
)
_GLUED = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?P<year>(?:19|20)\d{{2}})\b")
_DOTTED = re.compile(r"\b(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>(?:19|20)\d{2})\b")

def _full() -> tuple[re.Pattern[str], ...]:
    """The packaged date rules of a whole day ("March 12, 2016")."""
    return tuple(r.pattern for r in default_rules().dates if r.effect == "full")


def dateline(view: str, head: int = 300) -> tuple[dt.date, str] | None:
    """A publication date stated by the document itself, with the words that state it."""
    m = _COMPACT.search(view, max(0, len(view) - 600))
    published_on = re.search(r"(?i)published\s+on\s+", view)
    if published_on:
        found = _first_day(view, published_on.end(), published_on.end() + 40)
        if found:
            return found
    for p in _PUBLISHED.finditer(view, 0, head):
        found = _first_day(view, p.end(), p.end() + 40)
        if found:
            return found
    found = _first_day(view, 0, head)
    if found:
        return found
    if m:
        return _first_day(view, m.start(), m.end())
    return None


def _first_day(view: str, start: int, end: int) -> tuple[dt.date, str] | None:
    best: tuple[int, dt.date, str] | None = None
    for pattern in (*_full(), _GLUED, _DOTTED, _COMPACT):
        m = pattern.search(view, start, min(end, len(view)))
        if not m:
            continue
        g = m.groupdict()
        if pattern is _DOTTED:
            day = _date(int(g["year"]), int(g["mon"]), int(g["day"]))
        elif pattern is _COMPACT:
            day = _date(2000 + int(g["yy"]), MONTH_NUMBER[g["mon"].lower()], int(g["day"]))
        else:
            day = _date(int(g["year"]), _month(m.group()), int(g["day"]))
        if day and (best is None or m.start() < best[0]):
            best = (m.start(), day, m.group())
    return (best[1], best[2]) if best else None
