"""Where batches run: here (``jobs=1``), a pool of local processes, or a Dask cluster.

Each engine takes ``submit(index, articles)`` and gives back the finished batches' results
from ``wait()`` / ``poll()``. Local worker processes die with the run: each watches the
process that started the run and exits when it is gone (and on Linux the kernel sends them
SIGKILL when their parent dies), so killing ``newslab analyze`` never leaves workers
behind.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import warnings
from pathlib import Path

from .. import prestart as _prestart
from ..errors import NewslabError
from .batches import run_batch

ENGINES = ("processes", "dask")
#: Batches per worker that one pool of worker processes runs before it is replaced by a
#: fresh pool (its workers' memory, which grows with what they ran: caches, the allocator's
#: free lists, goes back to the system). A new worker loads its models again (about 1-2 s)
#: and the old pool's last batches are waited for: about 1-2% of a worker's 100 batches.
RECYCLE_BATCHES = 100
#: Inputs above this many bytes (about 1,000 news articles: more than one batch) start the
#: workers' forkserver, preloaded, with the first batch to run (:func:`preloads`), or
#: before the command line imports anything heavy (:mod:`newslab.prestart`).
PRESTART_BYTES = _prestart.PRESTART_BYTES


def preloads(plan) -> bool:
    """Whether a run's local workers come from newslab's preloaded forkserver (and the
    corpus phase may use a side process from it): the process engine, ``jobs`` > 1 and an
    input of more than :data:`PRESTART_BYTES` (a smaller one may need no worker at all)."""
    return plan.engine == "processes" and plan.jobs > 1 and plan.input_bytes > PRESTART_BYTES


def default_jobs() -> int:
    """All the cores this process may use (:func:`newslab.prestart.cores`, which the command
    line asks before it imports the pipeline)."""
    return _prestart.cores()


def _die_with_parent(run_pid: int) -> None:
    """Exit this worker when the run's process ends (checked every half second), and ask
    Linux to kill it when its parent process dies."""
    try:
        import ctypes
        import signal
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch():
        while True:
            try:
                os.kill(run_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True, name="newslab-watchdog").start()


def _init_worker(stages, run_pid) -> None:
    """Watch the run's process; build the tokenizers once per worker process (each batch
    makes full collections rarer itself: ``batches.run_batch``)."""
    import gc
    gc.freeze()  # a worker's collector leaves what it inherited (and its pages, shared
    # with the forkserver: modules, models) alone
    _die_with_parent(run_pid)
    warnings.simplefilter("ignore")  # the driver reports problems; workers stay quiet
    from .. import tokenize
    tokenize.sentence_splitter()
    tokenize.token_regex()


class SerialEngine:
    """Batches run here, one after the other (``jobs=1``)."""

    def __init__(self, out, stages, options):
        self.out, self.stages, self.options, self.done = out, stages, options, []

    pending = 0

    def submit(self, index, articles):
        self.done.append(run_batch(index, articles, self.out, self.stages, self.options))

    def wait(self, *, all_=False):
        done, self.done = self.done, []
        return done

    poll = wait

    def close(self):
        pass


def start_forkserver(stages) -> None:
    """Start the forkserver the local workers come from, now (so that its start-up, about a
    second of imports, overlaps with the run's), with the batch stages' modules and
    :mod:`newslab.pipeline.warm` (their models, loaded once) preloaded. A no-op where
    there is no forkserver, or when it is already running.

    The forkserver and its preload list are global to this interpreter (``multiprocessing``
    has one of each): a forkserver pool the caller's own code makes later in this process
    uses the same server, with newslab's modules loaded; and a server already running
    (started by the caller) is used as it is, without newslab's preload."""
    import multiprocessing as mp
    if "forkserver" not in mp.get_all_start_methods():
        return
    was = forkserver_running()  # (newslab's own, started by ``newslab.prestart``, or the
    _prestart.start_server(preload_modules(stages))  # caller's: then a no-op)
    if not was:
        _STARTED[0] = "warm"


def preload_modules(stages) -> list[str]:
    """What the forkserver preloads for the batch stages ``stages``: ``newslab.pipeline``,
    their modules and, last, :mod:`newslab.pipeline.warm`."""
    mods = sorted({"newslab.pipeline"} | {s.fn.__module__ for s in stages})
    return [*mods, "newslab.pipeline.warm"]


#: Whether newslab started this process's forkserver (:func:`start_forkserver` or
#: :mod:`newslab.prestart`: "warm", the batch stages' modules and models) or not (None:
#: none, or the caller's).
_STARTED: list = _prestart.STARTED


def forkserver_running() -> bool:
    """Whether this process's forkserver (newslab's or the caller's) is running."""
    import multiprocessing as mp
    if "forkserver" not in mp.get_all_start_methods():
        return False
    from multiprocessing import forkserver
    fs = forkserver._forkserver
    if fs._forkserver_pid is None:
        return False
    try:
        if os.waitpid(fs._forkserver_pid, os.WNOHANG)[0] == 0:
            return True
    except ChildProcessError:
        pass
    with fs._lock:                     # it died (and is reaped now): forgotten, as
        try:                           # ``ensure_running`` does, so that one starts anew
            os.close(fs._forkserver_alive_fd)
        except (OSError, TypeError):
            pass
        fs._forkserver_address = fs._forkserver_alive_fd = fs._forkserver_pid = None
    return False


def stop_forkserver() -> bool:
    """Stop the forkserver newslab started in this process (never one the caller started:
    its memory, about 200 MB of modules and models, goes back). Whether it stopped one;
    a later run starts it again."""
    if _STARTED[0] is None:
        return False
    _STARTED[0] = None
    if not forkserver_running():
        return False
    from multiprocessing import forkserver
    forkserver._forkserver._stop()
    return True


class ProcessEngine:
    """A pool of ``jobs`` processes, forked from a forkserver that imported newslab and
    loaded the stages' models once (:func:`start_forkserver`; spawned where there is none).

    The forkserver (``prestart``: preloaded, :func:`start_forkserver`) starts with the
    first batch to run, so that a run with none (a resume with every batch done) starts
    no process; the pool starts with the second: a one-batch corpus runs here, without it.
    After ``recycle`` batches per worker (:data:`RECYCLE_BATCHES`) the pool finishes what
    it has, its workers exit, and a fresh pool takes the next batches
    (``concurrent.futures``' own ``max_tasks_per_child`` can hang on Python 3.11, cpython
    issue 115634).
    """

    def __init__(self, out, stages, options, jobs, *, prestart=True):
        import multiprocessing as mp
        self.out, self.stages, self.options, self.jobs = out, stages, options, jobs
        self.recycle = RECYCLE_BATCHES
        self.n_pool = 0  # batches the current pool was given
        self.pool = None
        self.first = None
        self.futures = set()
        self.done = []
        self.method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        self.prestart = prestart and self.method == "forkserver"

    @property
    def pending(self):
        return len(self.futures) + (self.first is not None)

    def _start(self):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        ctx = mp.get_context(self.method)
        self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx,
                                        initializer=_init_worker,
                                        initargs=(self.stages, os.getpid()))
        self.n_pool = 0

    def _submit(self, index, articles):
        if self.n_pool >= self.recycle * self.jobs:  # a fresh pool, the old one's batches
            # collected first
            self._collect(self.futures)
            self.futures = set()
            self.pool.shutdown(wait=True)
            self._start()
        self.n_pool += 1
        self.futures.add(self.pool.submit(run_batch, index, articles, self.out, self.stages,
                                          self.options))

    def _collect(self, futures):
        from concurrent.futures import wait as cf_wait
        from concurrent.futures.process import BrokenProcessPool
        cf_wait(futures)
        for f in futures:
            try:
                self.done.append(f.result())
            except BrokenProcessPool:
                raise NewslabError(
                    "a worker process died: out of memory (run again with --resume and "
                    "fewer --jobs or a smaller --batch-size), or a script calls "
                    "analyze() outside an 'if __name__ == \"__main__\":' block") from None

    def submit(self, index, articles):
        if self.pool is None and self.first is None:
            if self.prestart:     # its start-up overlaps with reading the next batch
                start_forkserver(self.stages)
                self.prestart = False
            self.first = (index, articles)
            return
        if self.pool is None:
            self._start()
            self._submit(*self.first)
            self.first = None
        self._submit(index, articles)

    def wait(self, *, all_=False):
        from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED
        from concurrent.futures import wait as cf_wait
        if self.first is not None:  # only one batch in all: no pool needed
            self.done.append(run_batch(*self.first, self.out, self.stages, self.options))
            self.first = None
        if self.futures and not (self.done and not all_):
            finished, self.futures = cf_wait(
                self.futures, return_when=ALL_COMPLETED if all_ else FIRST_COMPLETED)
            self._collect(finished)
        done, self.done = self.done, []
        return done

    def poll(self):
        """The results ready now, without waiting."""
        return self.wait() if self.done or any(f.done() for f in self.futures) else []

    def close(self):
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


class DaskEngine:
    """Batches as tasks on a Dask cluster: an existing one (``scheduler`` address) or a
    ``LocalCluster`` of ``jobs`` single-threaded worker processes on 127.0.0.1."""

    def __init__(self, out, stages, options, jobs, scheduler=None, quiet=False):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise NewslabError("--engine dask needs the 'distributed' package "
                               "(pip install 'dask[distributed]')") from None
        self.out, self.stages, self.options = out, stages, options
        self.cluster = None
        if quiet:
            logging.getLogger("distributed").setLevel(logging.ERROR)
        try:
            if scheduler:
                self.client = Client(scheduler)  # distributed.comm.timeouts.connect
            else:
                self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1,
                                            processes=True, host="127.0.0.1",
                                            dashboard_address="127.0.0.1:0",
                                            silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as e:
            raise NewslabError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: "
                               f"{e}") from None
        self.futures = []
        self.checked = False

    @property
    def pending(self):
        return len(self.futures)

    def submit(self, index, articles):
        self.futures.append(self.client.submit(
            run_batch, index, articles, self.out, self.stages, self.options, pure=False,
            key=f"newslab-batch-{index:05d}-{os.getpid()}-{time.time_ns()}"))

    def wait(self, *, all_=False):
        from distributed import wait as dwait
        if not self.futures:
            return []
        res = dwait(self.futures, return_when="ALL_COMPLETED" if all_ else "FIRST_COMPLETED")
        self.futures = list(res.not_done)
        done = []
        for f in res.done:
            r = f.result()
            if not self.checked and r.get("files"):
                if not (Path(self.out) / r["files"][0]).exists():
                    raise NewslabError(
                        f"the Dask workers wrote to {self.out} on their own machines: --out "
                        "must be a folder that this machine and every worker share")
                self.checked = True
            done.append(r)
        return done

    def poll(self):
        """The results ready now, without waiting."""
        return self.wait() if any(f.done() for f in self.futures) else []

    def close(self):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(plan, *, quiet: bool):
    """The engine a plan asks for."""
    out, stages, opts = str(plan.out), plan.batch_stages, plan.stage_options
    if plan.engine == "dask":
        return DaskEngine(out, stages, opts, plan.jobs, plan.scheduler, quiet=quiet)
    if plan.jobs == 1:
        return SerialEngine(out, stages, opts)
    return ProcessEngine(out, stages, opts, plan.jobs, prestart=preloads(plan))
