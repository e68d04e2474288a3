"""One module per CLI command, each exposing ``command``."""
