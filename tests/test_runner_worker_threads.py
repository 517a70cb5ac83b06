"""Worker processes run with one BLAS/OpenMP thread each (more threads oversubscribed the cores)."""

import os

from hadath import runner
from hadath.settings import Settings


def _pipeline(doc):
    return doc


def test_runner_worker_init_limits_threads_and_keeps_given_values(monkeypatch):
    for var in runner._THREAD_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")  # a value the user set is kept
    monkeypatch.setattr(runner, "_WORKER", {})
    previous = runner.signal.getsignal(runner.signal.SIGINT)
    try:
        runner._worker_init(Settings(), _pipeline, _pipeline)
    finally:
        runner.signal.signal(runner.signal.SIGINT, previous)
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1" and os.environ["MKL_NUM_THREADS"] == "1"
    assert os.environ["OMP_NUM_THREADS"] == "3"
    assert runner._WORKER["pipeline"] is _pipeline and runner._WORKER["cleaner"] is _pipeline
