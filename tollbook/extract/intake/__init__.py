"""Adding report texts to ``dataset/sources/``: body span, publication date, duplicates.

``tollbook add`` is the only writer of new source files: it stores the text byte for byte
under its hash name and writes the sidecar, so no curator computes a hash or an offset by hand.
"""
