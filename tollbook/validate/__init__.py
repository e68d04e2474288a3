"""Stage 3: pandera models for every table and the cross-table rules."""
