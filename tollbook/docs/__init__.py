"""Generated documentation: the data dictionary is rendered from the pandera models, the
vocabulary meanings (meanings.yaml) and the UCDP/ACLED crosswalk (crosswalk.yaml)."""

from tollbook.docs.dictionary import dictionary_path, render_dictionary

__all__ = ["dictionary_path", "render_dictionary"]
