"""Stage 2: compile curated records and reference files into release tables."""
