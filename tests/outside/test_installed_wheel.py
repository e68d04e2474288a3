"""`pip install tollbook` outside the repository: load, query, cite, sql, releases and download
against releases fetched from a server, verified, cached; a changed file refused; the cache
serving once the server is gone; and a new project made, filled and built with `tollbook init`.

Each Python started in the new environment imports pandas and DuckDB anew, so the commands that
need them run together in one process through click's runner (``CLI`` below); the commands that
need neither (``tollbook releases``, ``tollbook init``) run as the installed console script."""

from __future__ import annotations

import json
import tarfile
import zipfile

import pytest

#: The latest release the package registers (releases/index.json) and row counts of its releases.
LATEST = "2.0.4"
CASUALTIES_LATEST = 1120
CLAIMS_1_0_0 = 41

READ = """
import json, tollbook
casualties = tollbook.load("casualties")
claims = tollbook.load("claims", version="1.0.0")
people = tollbook.query("SELECT count(*) AS n FROM casualties").column("n").to_pylist()
print(json.dumps({"casualties": len(casualties), "claims_1_0_0": len(claims), "query": people,
                  "cite": tollbook.cite(version="1.0.0"), "module": tollbook.__file__}))
"""

#: Runs the commands given as JSON lists in argv[1] (in the folder argv[2]) in one process.
CLI = """
import json, os, sys
from click.testing import CliRunner
from tollbook.cli import cli
os.chdir(sys.argv[2])
out = []
for argv in json.loads(sys.argv[1]):
    result = CliRunner().invoke(cli, argv, prog_name="tollbook")
    out.append([result.exit_code, result.stdout, result.stderr])
print(json.dumps(out))
"""

OFFLINE = """
import json, os, sys, tollbook
from tollbook.contract.problems import TollbookError
rows = len(tollbook.load("casualties"))
os.environ["XDG_CACHE_HOME"] = sys.argv[1]  # an empty cache, and no server
try:
    tollbook.load("casualties")
except TollbookError as exc:
    print(json.dumps([rows, str(exc)]))
"""


def cli(installed, commands: list[list[str]], cwd, env) -> list[tuple[int, str, str]]:
    done = installed.run([str(installed.python), "-c", CLI, json.dumps(commands), str(cwd)], cwd, env)
    assert done.returncode == 0, done.stderr
    return [tuple(r) for r in json.loads(done.stdout)]


def test_the_wheel_ships_the_package_and_its_data_files_and_no_dataset(built_package):
    names = zipfile.ZipFile(built_package.wheel).namelist()
    assert "tollbook/registry/releases.json" in names
    assert "tollbook/views/01_claims_per_claimant.sql" in names
    assert {"tollbook/project/template/dataset/release.yaml", "tollbook/project/template/gitignore",
            "tollbook/project/template/dataset/reference/actors.csv"} <= set(names)
    assert not [n for n in names if n.startswith(("dataset/", "releases/", "tests/"))]
    with tarfile.open(built_package.sdist) as sdist:
        assert any(n.endswith("tollbook/registry/releases.json") for n in sdist.getnames())


def test_a_researcher_reads_cites_and_queries_published_releases_then_offline(installed, published, serve,
                                                                              tmp_path):
    server = serve(published.parent)
    url = f"{server.url}releases/"
    home, work = tmp_path / "home", tmp_path / "work"
    work.mkdir(parents=True)
    env = installed.env(home, TOLLBOOK_RELEASES_URL=url)

    done = installed.run([str(installed.python), "-c", READ], work, env)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["module"].startswith(str(installed.python.parent.parent))  # the wheel, not this checkout
    assert (out["casualties"], out["claims_1_0_0"], out["query"]) == (CASUALTIES_LATEST, CLAIMS_1_0_0,
                                                                       [CASUALTIES_LATEST])
    assert out["cite"] == ("Tollbook founding engineers. (2026). Tollbook casualty and claims dataset "
                           "(Version 1.0.0) [Data set].")
    cache = home / ".cache" / "tollbook" / "releases"
    assert sorted(p.name for p in (cache / "1.0.0").iterdir()) == ["CITATION.cff", "SHA256SUMS", "claims.parquet",
                                                                    "manifest.json"]  # only what was read

    listing = installed.run([str(installed.tollbook), "releases"], work, env)
    assert listing.stdout.splitlines()[-1] == f"latest: {LATEST}" and listing.stderr == f"releases: {url}\n"
    sql, bib, fetched = cli(installed, [["sql", "SELECT count(*) AS n FROM claims", "--release", "1.0.0"],
                                        ["cite", "--format", "bibtex"], ["download", LATEST]], work, env)
    assert sql == (0, f"n\n--\n{CLAIMS_1_0_0}\n(1 row)\n", "")
    key = "tollbook_" + LATEST.replace(".", "_")
    assert bib[1].startswith("@misc{" + key + ",\n  author = {{Tollbook founding engineers}},")
    assert fetched == (0, f"{cache / LATEST}\n", "")
    listed = (published / LATEST / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert sorted(p.name for p in (cache / LATEST).iterdir()) == sorted(
        ["SHA256SUMS", *(line.split("  ", 1)[1] for line in listed)])

    server.stop()  # offline: the cache serves; an empty cache cannot
    done = installed.run([str(installed.python), "-c", OFFLINE, str(tmp_path / "empty")], work, env)
    rows, message = json.loads(done.stdout)
    assert rows == CASUALTIES_LATEST
    assert message.startswith(f"cannot fetch {url}{LATEST}/SHA256SUMS (ConnectionError) and the cache ")


@pytest.mark.parametrize("changed", ["casualties.parquet", "SHA256SUMS"])
def test_a_server_that_changed_a_file_is_refused(installed, published, serve, tmp_path, changed):
    path = published / LATEST / changed
    path.write_bytes(path.read_bytes() + b"\n")
    server = serve(published.parent)
    url = f"{server.url}releases/"
    done = installed.run([str(installed.tollbook), "cite", "--releases", url], tmp_path,
                         installed.env(tmp_path / "home"))
    if changed == "casualties.parquet":  # cite reads no table: the rest of the release is fine
        assert done.returncode == 0, done.stderr
        done = installed.run([str(installed.tollbook), "download", "--releases", url], tmp_path,
                             installed.env(tmp_path / "home"))
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith(f"Error: refused {url}{LATEST}/{changed}: its sha256 is not the "), done.stderr
    assert not (tmp_path / "home" / ".cache" / "tollbook" / "releases" / LATEST / changed).exists()


def test_a_curator_inits_adds_and_builds_a_project_with_the_installed_wheel(installed, tmp_path):
    env = installed.env(tmp_path / "home")
    made = installed.run([str(installed.tollbook), "init", "war", "--title", "A test war"], tmp_path, env)
    assert made.returncode == 0, made.stderr
    project = tmp_path / "war"
    with (project / "dataset/reference/actors.csv").open("a", encoding="utf-8") as f:
        f.write("act_daily,The Daily,news_outlet,A newspaper\n")
    report = tmp_path / "report.txt"
    report.write_text("Published 3 May 2020\n\nTwo people were killed in a strike on the market, officials said.\n",
                      encoding="utf-8")
    inside = project / "dataset" / "records"  # commands find the project from any folder inside it
    added, checked, built, cited = cli(installed, [
        ["add", str(report), "--outlet", "act_daily", "--title", "Two killed", "--published", "2020-05-03",
         "--dateline", "Published 3 May 2020"], ["check"], ["build", "--quiet"], ["cite"]], inside, env)
    assert added[0] == 0, added
    assert checked[2].splitlines()[0] == f"project: {project}"
    assert checked[1].startswith("dataset OK: 1 documents, 0 claims"), checked
    assert built == (0, f"{project / 'releases' / '0.1.0'}\n", f"project: {project}\n")
    assert cited[1].startswith("The curators of this dataset. (") and "A test war (Version 0.1.0)" in cited[1]
