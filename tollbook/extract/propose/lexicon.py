"""What propose knows: the lexicon file's words, and from ``dataset/reference/`` names,
places and vague quantity words, all in one keyword matcher (:class:`~.tagger.Tagger`).

Built from table rows, so tests can pass a few rows of their own and the command reads the
curator's CSV files through :func:`tollbook.extract.reference.read_reference`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tollbook.extract.propose.admin_units import units_of
from tollbook.extract.propose.names import NameIndex
from tollbook.extract.propose.numbers import NumberReader
from tollbook.extract.propose.rules import RuleError, Rules, default_rules, read_rules
from tollbook.extract.propose.tagger import Tagger, Words, default_tagger, packaged_words, read_words
from tollbook.extract.propose.unnamed_sites import COUNTRY_PRECISION, PlaceTables
from tollbook.extract.propose.war_wide import country_ids

Rows = Iterable[Mapping[str, object]]


@dataclass
class Lexicon:
    numbers: NumberReader = field(default_factory=NumberReader)
    names: NameIndex = field(default_factory=NameIndex.build)
    where_prec: dict[str, int] = field(default_factory=dict)
    tagger: Tagger = field(default_factory=default_tagger)
    actor_types: dict[str, str] = field(default_factory=dict)
    rules: Rules = field(default_factory=default_rules)
    #: The first-level administrative unit of each place (``admin1_pcode``, else ``admin1``).
    admin1: dict[str, str] = field(default_factory=dict)
    #: The country of each place (``country_iso3``).
    country: dict[str, str] = field(default_factory=dict)
    #: What kind of place each is (``feature_type``: city, town, neighbourhood …).
    feature: dict[str, str] = field(default_factory=dict)
    #: Each place's point (latitude, longitude).
    point: dict[str, tuple[float, float]] = field(default_factory=dict)

    @functools.cached_property
    def place_tables(self) -> PlaceTables:
        """The places' where-precision, first-level unit, country and kind, for the place rules."""
        return PlaceTables(self.where_prec, self.admin1, self.country, self.feature, self.point)

    @functools.cached_property
    def units(self) -> dict[str, str]:
        """Each first-level unit's location id, by its ``admin1`` code."""
        return units_of(self.place_tables)

    @functools.cached_property
    def countries(self) -> dict[str, str]:
        """Each country's own location id (ISO3 → the place of the country's where-precision)."""
        return country_ids(self.where_prec, self.country, COUNTRY_PRECISION)

    @property
    def words(self) -> Words:
        return self.tagger.words

    @classmethod
    def from_rows(
        cls,
        actors: Rows = (),
        actor_aliases: Rows = (),
        locations: Rows = (),
        location_variants: Rows = (),
        vague_quantities: Rows = (),
        words: Words | None = None,
        rules: Rules | None = None,
    ) -> Lexicon:
        actors, locations = list(actors), list(locations)
        actor_names = [(str(r["name"]), str(r["actor_id"])) for r in actors if r.get("name")]
        actor_names += [(str(r["alias"]), str(r["actor_id"])) for r in actor_aliases
                        if r.get("alias") and r.get("actor_id")]
        place_names = [(str(r["name"]), str(r["location_id"])) for r in locations
                       if r.get("name")]
        place_names += [(str(r["variant"]), str(r["location_id"])) for r in location_variants
                        if r.get("variant") and r.get("location_id")]
        where = {}
        for r in locations:
            try:
                where[str(r["location_id"])] = int(float(str(r.get("where_prec"))))
            except (TypeError, ValueError):
                continue
        lexicon_words = words or packaged_words()
        known = {str(r["location_id"]) for r in locations if r.get("location_id")}
        for area in (rules.held_areas if rules is not None else ()):
            for key, loc in (("area", area.area), ("within", area.within)):
                if loc not in known:
                    raise RuleError(f"{area.where}: rule {area.name}: field {key}: {loc} is not "
                                    "a place of reference/locations.csv")
        index = NameIndex.build(actor_names, place_names, lexicon_words.not_names,
                                lexicon_words.name_particles)
        names = index.spellings()
        return cls(
            NumberReader.from_rows(vague_quantities, lexicon_words.qualifiers),
            index,
            where,
            Tagger(lexicon_words, names) if names or words else default_tagger(),
            {str(r["actor_id"]): str(r["actor_type"]) for r in actors
             if r.get("actor_id") and r.get("actor_type")},
            rules if rules is not None else default_rules(),
            {str(r["location_id"]): str(r.get("admin1_pcode") or r.get("admin1"))
             for r in locations if r.get("location_id") and (r.get("admin1_pcode") or r.get("admin1"))},
            {str(r["location_id"]): str(r["country_iso3"])
             for r in locations if r.get("location_id") and r.get("country_iso3")},
            {str(r["location_id"]): str(r["feature_type"])
             for r in locations if r.get("location_id") and r.get("feature_type")},
            {str(r["location_id"]): point for r in locations
             if r.get("location_id") and (point := _point(r)) is not None},
        )


def _point(row: Mapping[str, object]) -> tuple[float, float] | None:
    try:
        return float(str(row.get("latitude"))), float(str(row.get("longitude")))
    except (TypeError, ValueError):
        return None


def load_lexicon(dataset: Path | None) -> Lexicon:
    """The lexicon of a dataset folder; an empty one when there is none."""
    if dataset is None or not (dataset / "reference").is_dir():
        return Lexicon()
    words = read_words(dataset)
    rules = read_rules(dataset, words)
    from tollbook.extract.reference import REFERENCE_FILES, read_reference_rows

    reference, _problems = read_reference_rows(dataset)  # propose drafts; `check` reports problems

    def rows(name: str) -> list[dict]:
        columns = REFERENCE_FILES[name][1]
        return [{c: row.get(c) for c in columns} for row in reference.rows.get(name, [])]

    return Lexicon.from_rows(
        rows("actors"), rows("actor_aliases"), rows("locations"), rows("location_variants"),
        rows("vague_quantities"), words, rules,
    )
