"""DATASHEET.md is computed from the release's own tables."""

import factories
from conftest import build, drop_claim_03, set_version, write_removals

from tollbook.contract.schemas import TABLES

COMPOSITION = """## Composition

- **Documents:** 1 news report from 1 outlet, 1 distinct story (0 republications of another outlet's report), published 2015-04-22 to 2015-04-22.
- **Claims:** 3 statements, of which 0 are republished copies that point at their original (`duplicate_of`) and 3 are originals. Hedges: none 3.
- **Dates claimed about:** 2015-04-20 to 2015-04-22.
- **Casualty figures:** 3 rows by outcome: killed 3; 1 nested inside another figure (`part_of`); qualifiers: exact 3.
- **Other figures:** 1 airstrike figure, 1 control change, 0 force sizes.
- **Places:** 2 locations in 1 governorate (Idleb) of 1 country (SYR), with 2 spelling variants.
- **Actors:** 4 (state_forces 1, armed_group 1, monitor 1, news_outlet 1), with 4 aliases.
- **Events:** 1 curated event. **Tombstones:** 0 removed ids.
"""  # noqa: E501

SECTIONS = ["# Datasheet: Test release, release 1.0.0", "## Motivation", "## Composition", "## Collection process",
            "## Curation", "## Preprocessing, cleaning and labelling", "## Uses", "## Distribution", "## Maintenance"]


def test_datasheet_has_every_section_and_real_counts(built):
    _, releases = built
    text = (releases / "1.0.0/DATASHEET.md").read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line.startswith("#")] == SECTIONS
    assert COMPOSITION in text
    assert f"| claims | 3 | {len(TABLES['claims'].to_schema().columns)} |\n" in text
    assert "How publication dates are known: stated 1." in text
    assert "Every claim was reviewed by a curator before release: accepted 3 (reviewers: tests)." in text
    assert "(quotes of 58 to 108 characters). 5 figures are normalised" in text
    assert "> Test Author. (2015). Test release (Version 1.0.0) [Data set].\n" in text
    assert "- PATCH: corrections to existing rows" in text


def test_datasheet_follows_the_data(built):
    dataset, releases = built
    factories.edit_records(dataset, drop_claim_03)
    set_version(dataset, "1.1.0")
    write_removals(dataset, "clm_test_03,claims,1.1.0,test,", "chg_test_03a,control_changes,1.1.0,test,")
    text = (build(dataset, releases).folder / "DATASHEET.md").read_text(encoding="utf-8")
    assert "- **Claims:** 2 statements, of which 0 are republished copies" in text
    assert "- **Other figures:** 1 airstrike figure, 0 control changes, 0 force sizes." in text
    assert "**Tombstones:** 2 removed ids." in text
