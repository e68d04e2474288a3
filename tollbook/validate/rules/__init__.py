"""Cross-table rules. Each takes a :class:`RuleContext`, returns a list of Problems and declares
the codes it can raise (``rule.codes``, from :func:`tollbook.contract.codes.raises`)."""

from tollbook.validate.rules.aliases import check_aliases
from tollbook.validate.rules.counts import check_count_order, check_parts
from tollbook.validate.rules.dates import check_after_publication, check_date_order
from tollbook.validate.rules.foreign_keys import check_foreign_keys
from tollbook.validate.rules.geography import check_coordinates
from tollbook.validate.rules.previous_release import check_against_previous, check_release_date
from tollbook.validate.rules.quotes import check_quotes
from tollbook.validate.rules.tombstones import check_tombstones

#: Every cross-table rule, in the order a report lists them.
RULES = (
    check_quotes,
    check_foreign_keys,
    check_count_order,
    check_parts,
    check_date_order,
    check_after_publication,
    check_coordinates,
    check_aliases,
    check_tombstones,
)

#: Rules against the catalogued releases (ids kept or tombstoned, a new release date), applied by
#: ``tollbook check`` and ``tollbook build`` alike once the dataset itself is sound.
RELEASE_RULES = (
    check_against_previous,
    check_release_date,
)
