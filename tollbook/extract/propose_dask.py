"""Run ``tollbook propose`` over a Dask cluster: one task per report file, results gathered
in input order, so the output is the same as the single-process run.

Each worker loads the lexicon once (per dataset) and reuses it for every file it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

_LOADED: dict[str | None, object] = {}


def _task(run: Callable, load: Callable, dataset: Path | None, job):
    """Load the lexicon on this worker if it has not been, then run one job."""
    key = str(dataset) if dataset is not None else None
    if key not in _LOADED:
        load(dataset)
        _LOADED[key] = True
    return run(job)


def client_for(scheduler: str):
    """A Client to ``scheduler`` (an address such as tcp://host:8786), or to a new local
    cluster of one single-threaded worker process per core when ``scheduler`` is 'local'."""
    from distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(threads_per_worker=1, dashboard_address=None)
        return Client(cluster), cluster
    return Client(scheduler), None


def map_jobs(jobs: Iterable, run: Callable, load: Callable, dataset: Path | None, client) -> Iterator:
    """Results of ``run(job)`` for every job, in the order given, computed on ``client``."""
    jobs = list(jobs)
    futures = client.map(_task, [run] * len(jobs), [load] * len(jobs), [dataset] * len(jobs), jobs,
                         pure=False)
    for future in futures:
        yield future.result()


def propose_results(jobs: Iterable, run: Callable, load: Callable, dataset: Path | None,
                    scheduler: str) -> Iterator:
    client, cluster = client_for(scheduler)
    try:
        yield from map_jobs(jobs, run, load, dataset, client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
