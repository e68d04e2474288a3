"""A tiny dataset with one new report added by `tollbook add` and drafted by `tollbook propose`,
for the workbench tests (tests/factories.py writes the dataset)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import factories
import pytest
from click.testing import CliRunner

from tollbook.cli import cli

REPORT = (
    "Published April 23rd, 2015\n"
    "Shelling kills civilians near Testville\n"
    "At least 8 civilians were killed and 14 injured when shells hit a market in Testville on "
    "Wednesday, the Monitor said. The toll among the soldiers rose to 11, rebels said. "
    "Residents buried 6 of their neighbours on Thursday, the Monitor said. "
    "The army said it carried out 5 airstrikes on rebel positions.\n"
)
#: The sentence `tollbook propose` misses (no outcome word): the curator adds it from a selection.
MISSED = "Residents buried 6 of their neighbours on Thursday, the Monitor said."


@dataclass
class Drafted:
    root: Path
    dataset: Path
    drafts: Path
    stem: str
    text: str

    @property
    def draft(self) -> Path:
        return self.drafts / f"{self.stem}.yaml"

    @property
    def record(self) -> Path:
        return self.dataset / "records" / f"{self.stem}.yaml"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def drafted_dataset(root: Path) -> Drafted:
    ds = factories.make_dataset(root)
    report = root / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    run("add", str(report), "--outlet", "act_paper", "--title", "Shelling kills civilians near Testville",
        "--published", "2015-04-23", "--dateline", "Published April 23rd, 2015", "--dataset", str(ds))
    [text] = [p for p in (ds / "sources").glob("001_*.txt")]
    drafts = root / "drafts"
    run("propose", str(text), "--out", str(drafts), "--dataset", str(ds))
    return Drafted(root, ds, drafts, text.stem, text.read_text(encoding="utf-8"))


@pytest.fixture
def drafted(tmp_path: Path) -> Drafted:
    return drafted_dataset(tmp_path)
