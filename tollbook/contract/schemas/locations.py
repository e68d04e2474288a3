import pandera.pandas as pa

from tollbook.contract import vocabulary as voc
from tollbook.contract.schemas.columns import category, identifier, text, where_precision
from tollbook.contract.schemas.types import Count, Float, Text


class Locations(pa.DataFrameModel):
    """The gazetteer: every place a claim is located at, with coordinates."""

    location_id: Text = identifier("location", "Stable id of the place.", unique=True)
    name: Text = text("Canonical name.")
    feature_type: Text = category(voc.FEATURE_TYPES, "What kind of place this is.")
    admin1: Text = text("Governorate (first-order administrative division).", nullable=True)
    admin1_pcode: Text = pa.Field(description="OCHA P-code of the governorate (Syria: SY01-SY14).", nullable=True, str_matches=r"^[A-Z]{2,3}\d{2,3}$")
    country_iso3: Text = pa.Field(description="ISO 3166-1 alpha-3 code of the country.", str_matches=r"^[A-Z]{3}$", metadata={"references": "countries.iso3"})
    latitude: Float = pa.Field(description="WGS 84 latitude of the point that stands for the place.", ge=-90, le=90, metadata={"unit": "degrees"})
    longitude: Float = pa.Field(description="WGS 84 longitude of the point that stands for the place.", ge=-180, le=180, metadata={"unit": "degrees"})
    where_prec: Count = where_precision("How precisely the point stands for the place (UCDP scale 1-7).", nullable=False)

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["location_id"]}


class LocationVariants(pa.DataFrameModel):
    """Spellings of place names found in the texts (one place per variant)."""

    variant: Text = pa.Field(description="A spelling as found in the texts.", unique=True)
    location_id: Text = identifier("location", "The place it names.", references="locations.location_id")

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["variant"]}


class Countries(pa.DataFrameModel):
    """Countries with the bounding box used to check coordinates."""

    iso3: Text = pa.Field(description="ISO 3166-1 alpha-3 code.", unique=True, str_matches=r"^[A-Z]{3}$")
    name: Text = text("English name.")
    min_lat: Float = pa.Field(description="Southern edge of the bounding box.", ge=-90, le=90, metadata={"unit": "degrees"})
    max_lat: Float = pa.Field(description="Northern edge of the bounding box.", ge=-90, le=90, metadata={"unit": "degrees"})
    min_lon: Float = pa.Field(description="Western edge of the bounding box.", ge=-180, le=180, metadata={"unit": "degrees"})
    max_lon: Float = pa.Field(description="Eastern edge of the bounding box.", ge=-180, le=180, metadata={"unit": "degrees"})

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["iso3"]}
