"""A new version must carry its own release date (README: a bump that keeps the old date is refused)."""

import datetime as dt

import pytest

from tollbook.contract.problems import TollbookError
from tollbook.release.release_date import check_new_release_date

CATALOGUE = [{"version": "1.0.0", "date_released": "2026-11-21"}, {"version": "1.1.0", "date_released": "2026-11-25"}]
TODAY = dt.date(2026, 12, 1)


def test_a_new_version_with_its_own_date_is_accepted():
    check_new_release_date("2.0.0", dt.date(2026, 12, 1), CATALOGUE, TODAY)
    check_new_release_date("1.2.0", dt.date(2026, 11, 25), CATALOGUE, dt.date(2026, 11, 25))  # same day, twice


def test_a_copied_or_earlier_date_is_refused():
    with pytest.raises(TollbookError, match=r"dates 2\.0\.0 2026-11-25, the date of 1\.1\.0: was it copied\?"):
        check_new_release_date("2.0.0", dt.date(2026, 11, 25), CATALOGUE, TODAY)
    with pytest.raises(TollbookError, match=r"dates 2\.0\.0 2026-11-21, before 1\.1\.0 \(2026-11-25\)"):
        check_new_release_date("2.0.0", dt.date(2026, 11, 21), CATALOGUE, TODAY)


def test_rebuilding_a_catalogued_version_is_not_checked_against_today():
    check_new_release_date("1.0.0", dt.date(2026, 11, 21), CATALOGUE, TODAY)
