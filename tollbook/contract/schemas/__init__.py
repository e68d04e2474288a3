"""One pandera model per released table; their field descriptions are the data dictionary."""

from tollbook.contract import pandera_types

pandera_types.apply()  # in a tollbook command, before pandera first builds a schema

from tollbook.contract.schemas.actors import ActorAliases, ActorMemberships, Actors
from tollbook.contract.schemas.airstrikes import Airstrikes
from tollbook.contract.schemas.casualties import Casualties
from tollbook.contract.schemas.claims import Claims
from tollbook.contract.schemas.control_changes import ControlChanges
from tollbook.contract.schemas.conventions import VagueQuantities
from tollbook.contract.schemas.documents import Documents
from tollbook.contract.schemas.events import Events
from tollbook.contract.schemas.force_sizes import ForceSizes
from tollbook.contract.schemas.locations import Countries, Locations, LocationVariants
from tollbook.contract.schemas.source_codings import SourceCodings
from tollbook.contract.schemas.tallies import ClaimantTallies, EventTallies, TalliedFigures
from tollbook.contract.schemas.tombstones import Tombstones

#: Released tables in release order: name → model.
TABLES = {
    "documents": Documents,
    "actors": Actors,
    "actor_aliases": ActorAliases,
    "actor_memberships": ActorMemberships,
    "countries": Countries,
    "locations": Locations,
    "location_variants": LocationVariants,
    "vague_quantities": VagueQuantities,
    "events": Events,
    "claims": Claims,
    "casualties": Casualties,
    "airstrikes": Airstrikes,
    "control_changes": ControlChanges,
    "force_sizes": ForceSizes,
    "claimant_tallies": ClaimantTallies,
    "event_tallies": EventTallies,
    "tallied_figures": TalliedFigures,
    "tombstones": Tombstones,
    "source_codings": SourceCodings,
}

__all__ = ["TABLES", *(m.__name__ for m in TABLES.values())]


def primary_key(model) -> list[str]:
    """The model's primary key, as declared in its Config metadata."""
    return list(model.Config.metadata["primary_key"])


def column_order(model) -> list[str]:
    """Released column order: the key, the claim and event it belongs to, its own columns,
    then the columns shared with other figure tables."""
    schema_columns = list(model.to_schema().columns)
    own = [c for c in model.__annotations__ if c in schema_columns]
    key = primary_key(model)
    is_figure = "claim_id" in schema_columns and "claim_id" not in key
    first = key + (["claim_id", "event_id"] if is_figure else [])
    ordered = first + [c for c in own if c not in first]
    return ordered + [c for c in schema_columns if c not in ordered]


def descriptions(model) -> dict[str, str]:
    """Column → description, the data dictionary of one table."""
    return {name: col.description for name, col in model.to_schema().columns.items()}
SCHEMA_VERSION = "2.0.0"
