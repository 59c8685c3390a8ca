"""Reports scored in worker processes, results in order: `csr-rating score DIR --jobs N`.

Scoring one report is pure CPU work in one process; a batch of thousands goes as many times faster
as there are cores. Workers are forked with the loaded criteria (where the platform forks; else
they are given them), only the small per-report results travel back, and they come back in the
order of the input, so the output is the same bytes as with one process. Only the main process
answers Ctrl-C and SIGTERM: it stops the workers and ends with its usual one line.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from csr_rating.criteria import CriteriaSet

Result = TypeVar("Result")
CHUNK = 8  # reports a worker takes at a time: fewer round trips, still a fair share at the end

_work: tuple[Callable[[Path, CriteriaSet], Any], CriteriaSet] | None = None  # in a worker: what it does


def _start(work: Callable[[Path, CriteriaSet], Any], criteria: CriteriaSet) -> None:
    global _work
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles interruptions
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _work = (work, criteria)


def _one(path: Path) -> Any:
    assert _work is not None
    work, criteria = _work
    return work(path, criteria)


def scored_rows(
    paths: Sequence[Path], criteria: CriteriaSet, jobs: int, work: Callable[[Path, CriteriaSet], Result]
) -> Iterator[Result]:
    """``work(path, criteria)`` for each path in ``jobs`` processes, yielded in the order of ``paths``."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start, initargs=(work, criteria))
    try:
        yield from pool.map(_one, paths, chunksize=CHUNK)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
