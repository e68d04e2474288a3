"""A new release carries its own release date, not the one copied from the previous version.

``dataset/release.yaml`` names the version and its ``date_released``. A curator who bumps the
version and forgets the date would catalogue and cite the new release with the old date; so a
new version (one not yet in the catalogue) must be dated no earlier than the newest catalogued
release, and may share its date only when that date is today (two releases in one day).
Rebuilding a catalogued version is never checked against today: it reproduces its own date.
"""

from __future__ import annotations

import datetime as dt

from tollbook.contract.problems import TollbookError
from tollbook.release.versions import version_key


def check_new_release_date(version: str, date_released: dt.date, catalogue: list[dict],
                           today: dt.date | None = None) -> None:
    if any(entry.get("version") == version for entry in catalogue):
        return
    earlier = [e for e in catalogue if version_key(e["version"]) < version_key(version)]
    if not earlier:
        return
    previous = max(earlier, key=lambda e: version_key(e["version"]))
    before = dt.date.fromisoformat(previous["date_released"])
    today = today or dt.date.today()
    if date_released < before:
        raise TollbookError(f"dataset/release.yaml dates {version} {date_released}, before {previous['version']} "
                            f"({before}); set date_released to the day of this release")
    if date_released == before and date_released != today:
        raise TollbookError(f"dataset/release.yaml dates {version} {date_released}, the date of "
                            f"{previous['version']}: was it copied? Set date_released to the day of this release "
                            f"(today is {today})")
