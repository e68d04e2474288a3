"""The extraction assistant: draft claim records from raw report text for a curator to review.

``tollbook propose`` reads report files, finds figures next to outcome words (killed,
wounded, airstrikes, captured …), who says so, when and where, and writes draft records
whose every claim carries ``review: {status: proposed}``. Nothing here decides: a curator
accepts, edits or rejects each draft claim, and ``tollbook review`` merges those decisions
into ``dataset/records/`` without ever losing one.

Offsets: every ``char_start``/``char_end`` refers to the *stored* text, which is the input
decoded (UTF-8, else latin-1) and repaired for mojibake (see :mod:`.text`). For a clean
UTF-8 file, such as everything under ``dataset/sources/``, the stored text is exactly the
file's text.

The entry point is :func:`tollbook.extract.propose.pipeline.propose_document`.
"""
