"""The Dask path of ``tollbook propose`` gives the single-process output, on a LocalCluster
with two single-threaded workers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

distributed = pytest.importorskip("distributed")

from tollbook.cli import cli  # noqa: E402
from tollbook.commands import propose  # noqa: E402
from tollbook.extract.propose_dask import map_jobs  # noqa: E402

sys.path.insert(0, str(Path(__file__).parents[1]))
import factories  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_dask_map_gives_single_process_results(client, tmp_path):
    dataset = factories.copy_seed_reports(factories.REPO, tmp_path)
    files = sorted((dataset / "sources").glob("*.txt"))
    jobs = [propose._Job(f, "jsonl", None, dataset / "records") for f in files]
    single = [r.output for r in propose._results(jobs, 1, dataset)]
    on_dask = [r.output for r in map_jobs(jobs, propose._run, propose._load, dataset, client)]
    assert on_dask == single
    assert len(on_dask) == 5


def test_cli_option_runs_on_the_scheduler(client, tmp_path):
    dataset = factories.copy_seed_reports(factories.REPO, tmp_path)
    files = [str(p) for p in sorted((dataset / "sources").glob("*.txt"))]
    args = ["propose", *files, "--format", "jsonl", "--dataset", str(dataset)]
    runner = CliRunner()
    single = runner.invoke(cli, args)
    on_dask = runner.invoke(cli, [*args, "--dask-scheduler", client.scheduler.address])
    assert single.exit_code == 0, single.output
    assert on_dask.exit_code == 0, on_dask.output
    assert on_dask.stdout == single.stdout
