"""A new release carries its own release date, not the one copied from the previous version
(the rule is ``check_release_date`` in tollbook/validate/rules/previous_release.py; this is the
same check made again under the build lock, just before the release is written).

``dataset/release.yaml`` names the version and its ``date_released``. A curator who bumps the
version and forgets the date would catalogue and cite the new release with the old date; so a
new version (one not yet in the catalogue) must be dated no earlier than the newest catalogued
release, and may share its date only when that date is today (two releases in one day).
Rebuilding a catalogued version is never checked against today: it reproduces its own date.
"""

from __future__ import annotations

import datetime as dt

from tollbook.contract.problems import TollbookError
from tollbook.validate.rules.previous_release import release_date_issue


def check_new_release_date(version: str, date_released: dt.date, catalogue: list[dict],
                           today: dt.date | None = None) -> None:
    issue = release_date_issue(version, date_released, catalogue, today or dt.date.today())
    if issue is not None:
        raise TollbookError(issue)
