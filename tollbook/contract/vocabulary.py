"""Controlled vocabularies shared by the record format, the schemas and the docs.

Each tuple is the full set of allowed values, in the order the data dictionary lists them.
"""

OUTCOMES = ("killed", "injured", "executed", "captured", "missing")
QUALIFIERS = ("exact", "at_least", "at_most", "approximately", "vague")
HEDGES = ("none", "reportedly", "claimed", "accused", "purportedly", "unconfirmed")
CONTROL_STATUSES = ("captured", "contested", "withdrawn")
WEAPONS = ("airstrike", "air_raid", "barrel_bomb", "sortie", "shelling")
ACTOR_TYPES = (
    "state_forces",
    "armed_group",
    "coalition",
    "government",
    "monitor",
    "news_agency",
    "news_outlet",
    "state_media",
    "foreign_state_media",
    "opposition_body",
    "humanitarian",
    "international_organisation",
    "individual",
    "organisation",
    "civilians",
)
FEATURE_TYPES = (
    "city",
    "town",
    "village",
    "checkpoint",
    "military_base",
    "airbase",
    "neighbourhood",
    "site",
    "admin2",
    "admin1",
    "region",
    "country",
)
EVENT_TYPES = (
    "battle",
    "offensive",
    "capture",
    "execution",
    "airstrike_campaign",
    "clashes",
    "airstrike",
    "shelling",
    "bombing",
    "chemical_attack",
    "massacre",
    "attack",
)
#: Who the people counted in a casualty figure were, when the text says (ECW disaggregation).
AGE_GROUPS = ("child", "adult", "elderly")
SEXES = ("female", "male")
REVIEW_STATUSES = ("proposed", "accepted", "edited", "rejected")
#: Review statuses whose claims reach a release.
RELEASED_STATUSES = ("accepted", "edited")
DATE_EVIDENCE_KINDS = ("dateline", "source_line", "stated", "inferred")
#: What an event tally counts (see derive/reconcile.py).
MEASURES = ("deaths", "airstrikes", "children", "women")
#: What the reconciliation did with a figure (tallied_figures.status).
FIGURE_STATUSES = ("counted", "superseded", "nested")
#: Corroboration grades of an event side (derive/grades.py, docs/methodology.md), strongest first.
GRADES = ("confirmed", "contested", "fair", "weak")
#: Whose figure a tally row is: side a or b of the event, civilians, or anyone else / not said.
SIDES = ("a", "b", "civilians", "unknown")
#: Where a claim's partisan flag comes from: the derived rule, or a curator's decision in the record.
PARTISAN_BASES = ("derived", "curator")

#: UCDP GED date precision: how exactly date_start/date_end pin down when it happened.
DATE_PRECISION = {
    1: "exact day",
    2: "a range of 2 to 6 days",
    3: "a week, day unknown",
    4: "a range of 8 to 30 days, or a calendar month",
    5: "a range of more than a month, or only the year",
}
#: UCDP GED location precision: how exactly the location stands for where it happened.
WHERE_PRECISION = {
    1: "exact location (a town, village or site)",
    2: "within about 25 km of the named location",
    3: "second-order administrative division (district)",
    4: "first-order administrative division (governorate)",
    5: "a part of a country larger than one governorate",
    6: "the country only",
    7: "international waters or airspace",
}

ID_PATTERNS = {
    "document": r"^doc_[a-z0-9_]+$",
    "story": r"^sty_[a-z0-9_]+$",
    "actor": r"^act_[a-z0-9_]+$",
    "location": r"^loc_[a-z0-9_]+$",
    "event": r"^evt_[a-z0-9_]+$",
    "claim": r"^clm_[a-z0-9_]+$",
    "casualty": r"^cas_[a-z0-9_]+$",
    "airstrike": r"^air_[a-z0-9_]+$",
    "change": r"^chg_[a-z0-9_]+$",
    "force": r"^frc_[a-z0-9_]+$",
}
