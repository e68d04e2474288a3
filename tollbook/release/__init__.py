"""Stage 4: immutable, versioned Parquet releases: writing, cataloguing, verifying, reading."""
