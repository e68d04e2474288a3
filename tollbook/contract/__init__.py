"""The contract: the table models (their field descriptions are the data dictionary), the
vocabularies, the check codes and ``Problem``. Every other part of tollbook builds on it; it
imports nothing else of the project (docs/architecture.md)."""
