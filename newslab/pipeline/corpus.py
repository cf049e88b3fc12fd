"""The corpus stages: once, after the batches, over the tables written as Parquet parts.

Each corpus stage gets exactly the tables (and columns) its row in the stage table declares
and the options it declares, as a :class:`StageTables`: ``tables[name]`` reads a table
(its declared columns) when first asked for; ``tables.iter_parts(name)`` streams it part by
part (a batch of whole articles each), which is how the built-in corpus stages read the big
tables (tokens, mentions, stance): out of core, in memory that does not grow with the
corpus. A stage may return a table as an iterator of DataFrames: the runner writes each as
one part and never holds the table whole. A stage with an article limit (``max_articles``:
a number, or derived from the memory this machine has; the built-in stages have none) is
not run above it, and the summary says why in numbers.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Mapping

import pandas as pd

from .. import schema
from ..errors import NewslabError, NewslabWarning
from .batches import write_part
from .stages import GROUPING, METADATA, TEXT_FIELDS, PerArticle, available_memory
from .tables import Tables, part_files, read_part, unify_parts


def _gb(n: float) -> str:
    return f"{n / 2**30:.1f} GB"


def too_big(stage, n_articles: int, user_limit: int | None) -> str | None:
    """Why ``stage`` is not run on ``n_articles`` articles, or None when it runs."""
    if user_limit is not None:
        if n_articles > user_limit:
            return (f"corpus-level stage '{stage.name}' not run: {n_articles} articles is "
                    f"above the limit of {user_limit} set by --corpus-max-articles")
        return None
    m = stage.max_articles
    if isinstance(m, PerArticle):
        avail = available_memory()
        cap = m.limit(avail)
        if n_articles > cap:
            return (f"corpus-level stage '{stage.name}' not run: {n_articles:,} articles would "
                    f"need about {_gb(n_articles * m.bytes)} ({m.bytes / 1000:.0f} kB per "
                    f"article, measured: {m.measured}), more than the {_gb(avail)} of memory "
                    "available here allows; --corpus-max-articles N runs it up to N articles")
        return None
    if m is not None and n_articles > m:
        return (f"corpus-level stage '{stage.name}' not run: {n_articles} articles is above "
                f"its in-memory limit of {m} (--corpus-max-articles to change it)")
    return None


class StageTables(Mapping):
    """The tables one corpus stage reads: its declared tables, each with its declared
    columns, read when first asked for (``tables[name]``) or streamed part by part
    (:meth:`iter_parts`). ``parts_out``: the runner writes a table returned as an iterator
    of DataFrames part by part (a stage may hand over a big output that way)."""

    parts_out = True

    def __init__(self, tables: Tables, needs: dict, options: dict, *, jobs: int = 1,
                 n_articles: int | None = None):
        self._tables = tables
        #: worker processes :meth:`map_parts` may use
        self.jobs = max(1, int(jobs))
        #: articles of the run (None: not known), for a stage that sizes its workers by it
        self.n_articles = n_articles
        self._cols = {t: (None if cols is None else _with_keys(t, cols, options, tables))
                      for t, cols in needs.items() if t in tables}
        self._cache: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name):
        if name not in self._cols:
            raise KeyError(name)
        if name not in self._cache:
            cols = self._cols[name]
            self._cache[name] = (self._tables[name] if cols is None
                                 else self._tables.columns(name, cols))
        return self._cache[name]

    def release(self, name: str) -> None:
        """Forget table ``name`` read by ``tables[name]`` (its memory goes back; a later
        ``tables[name]`` reads it again)."""
        self._cache.pop(name, None)

    def __contains__(self, name):                # without reading the table
        return name in self._cols

    def __iter__(self):
        return iter(self._cols)

    def __len__(self):
        return len(self._cols)

    #: :meth:`iter_parts` and :meth:`map_parts` can read string columns as Categoricals
    dictionary_parts = True

    def iter_parts(self, name: str, columns=None, *, dictionary=()):
        """Table ``name`` one part at a time (``newslab.pipeline.Tables.iter_parts``), with
        the declared columns (of those, only ``columns`` when given); ``dictionary``: string
        columns read as Categoricals from the parts (``newslab.pipeline.tables.read_part``)."""
        if name not in self._cols:
            raise KeyError(name)
        if name in self._cache:
            df = self._cache[name]
            yield df if columns is None else df[[c for c in columns if c in df.columns]]
            return
        cols = self._cols[name]
        if columns is not None:
            cols = [c for c in columns if cols is None or c in cols]
        yield from self._tables.iter_parts(name, cols, dictionary=dictionary)


    def map_parts(self, name: str, fn, *, columns=None, tasks: int | None = None,
                  dictionary=(), shared=None, workers: int | None = None):
        """``fn(parts)`` (``fn(parts, shared)`` when ``shared`` is given) for runs of
        consecutive parts of table ``name`` (``parts``: an iterator of DataFrames), in
        order: one part per call, or ``tasks`` calls over about equal runs (at least one
        call per :data:`TASK_PARTS` parts). ``dictionary``: as :meth:`iter_parts`.

        With ``jobs`` > 1 the calls run in that many worker processes forked from this
        process, each reading its own parts (``fn`` may be any function and ``shared`` any
        object: neither is pickled, only the results are; the workers share this
        process's pages, and the corpus phase stops the batch workers' forkserver first
        above :data:`SIDE_MAX_ARTICLES`, so nothing else holds them); else here, one
        after the other. ``workers``: at most that many of the ``jobs`` worker processes
        (1: the calls run one after the other in one forked worker, so that this process
        stays as small as with more)."""
        files = [] if name in self._cache else part_files(self._tables.out, name) \
            if self._tables.out is not None and name not in self._tables._cache else []
        cols = self._cols.get(name)
        if columns is not None:
            cols = [c for c in columns if cols is None or c in cols]
        if files:
            have = set(self._tables.column_names(name))
            cols = None if cols is None else [c for c in cols if c in have]
        n = max(1, min(len(files), max(tasks or len(files), -(-len(files) // TASK_PARTS))))
        runs = [files[len(files) * i // n:len(files) * (i + 1) // n] for i in range(n)]
        call = fn if shared is None else (lambda parts: fn(parts, shared))
        if self.jobs <= 1 or len(runs) < 2 or not _can_fork():
            if not files:
                yield call(self.iter_parts(name, columns, dictionary=dictionary))
                return
            for run in runs:
                yield call(read_part(f, cols, dictionary) for f in run)
            return
        yield from _map_forked(call, runs, cols, dictionary,
                               max(1, min(self.jobs, len(runs), workers or self.jobs)))


def _map_forked(fn, runs, cols, dictionary, jobs):
    """:meth:`StageTables.map_parts` in workers forked from this process."""
    global _TASK
    _TASK = (fn, runs, cols, dictionary)
    import gc
    import multiprocessing as mp
    release_memory()
    frozen = gc.get_freeze_count() > 0       # the corpus phase froze what it had
    gc.freeze()      # the workers' collector leaves the inherited objects (and their
    try:             # pages, shared with this process) alone
        with mp.get_context("fork").Pool(jobs, maxtasksperchild=WORKER_TASKS) as pool:
            yield from pool.imap(_run_task, range(len(runs)))
    finally:
        if not frozen:
            gc.unfreeze()
        _TASK = None


def release_memory() -> None:
    """Collect garbage and hand the allocators' free memory back to the system (Arrow's
    memory pool, glibc's ``malloc_trim``), so that this process is small and a worker
    forked from it inherits little."""
    import gc
    gc.collect()
    try:
        import pyarrow as pa
        pa.default_memory_pool().release_unused()
    except (ImportError, AttributeError):
        pass
    try:
        import ctypes
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


#: :meth:`StageTables.map_parts` gives a task at most this many parts, and a forked worker
#: at most :data:`WORKER_TASKS` tasks before a fresh one (forked from this process) takes
#: over: a worker's memory stays that of a few parts, whatever the corpus.
TASK_PARTS = 16
WORKER_TASKS = 8
#: The task of :meth:`StageTables.map_parts`' forked workers (set before they fork).
_TASK = None


def _run_task(i: int):
    fn, runs, cols, dictionary = _TASK
    return fn(read_part(f, cols, dictionary) for f in runs[i])


def _can_fork() -> bool:
    import multiprocessing as mp
    return "fork" in mp.get_all_start_methods()


def run_one(stage, tables, options: dict, *, jobs: int = 1,
            n_articles: int | None = None) -> dict:
    """Call one corpus stage with its declared tables, columns and options (``jobs``:
    the worker processes it may use, :meth:`StageTables.map_parts`). Its tables may come
    back as DataFrames or as iterators of DataFrames (pieces, in order)."""
    return stage.fn(StageTables(tables, stage.needs, options, jobs=jobs,
                                n_articles=n_articles),
                    **{o: options[o] for o in stage.options if o in options})


def whole(value) -> pd.DataFrame:
    """A returned table as one DataFrame (its pieces concatenated)."""
    if isinstance(value, pd.DataFrame):
        return value
    pieces = list(value)
    return (pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else
            pieces[0].reset_index(drop=True) if pieces else pd.DataFrame())


def _with_keys(table: str, cols, options: dict, tables) -> list:
    """The columns a stage reads of ``table`` (``METADATA``: all but the text;
    ``GROUPING``: the id, ``duplicate_of`` and what the ``by`` keys read), with what its
    ``by`` keys read."""
    have = tables.column_names(table)
    if cols == METADATA:
        return [c for c in have if c not in TEXT_FIELDS]
    if cols == GROUPING:
        cols = ["article_id", "duplicate_of", "date", "outlet"]
    cols = list(cols)
    if table == "articles" and options.get("by"):
        for c in [*options["by"], "date", "duplicate_of"]:
            if c not in cols:
                cols.append(c)
    return [c for c in cols if c in have] if cols else cols


def _write(value, out, tname: str) -> tuple[list[str], int]:
    """Write a returned table (a DataFrame, or pieces) as parts; the files and rows."""
    pieces = [value] if isinstance(value, pd.DataFrame) else value
    files, rows = [], 0
    try:
        for i, df in enumerate(pieces):
            write_part(df, out, tname, i)
            files.append(f"{tname}/part-{i:05d}.parquet")
            rows += len(df)
    except BaseException:                        # no half table is left behind
        for f in files:
            (out / f).unlink(missing_ok=True)
        raise
    if not files:                                # no piece at all: the table, empty
        try:
            df = schema.empty(tname)
        except KeyError:
            df = pd.DataFrame()
        write_part(df, out, tname, 0)
        files.append(f"{tname}/part-00000.parquet")
    if len(files) > 1:
        unify_parts(out, tname)
    return files, rows


def run_corpus_stages(plan, folder, names: list[str], n_articles: int, owned: set,
                      notes: list, timings: dict) -> tuple[dict, list]:
    """Run the plan's corpus stages; write what they return. Returns the row counts of the
    tables they made and the files written (relative to ``DIR``)."""
    import gc

    from . import engines
    if n_articles > SIDE_MAX_ARTICLES:   # no side process will use the batch workers'
        engines.stop_forkserver()        # forkserver: its models' memory goes back now
    release_memory()
    gc.freeze()          # what lives now (models, modules) is not traversed again by the
    try:                 # collections before each stage (each a tenth of a second or more)
        return _run_corpus_stages(plan, folder, names, n_articles, owned, notes, timings)
    finally:
        gc.unfreeze()


#: With ``jobs`` > 1, up to this many articles, the corpus stages that do not use the worker
#: processes themselves (attention, tone, stance_corpus) run in one more process (from the
#: batch workers' forkserver, for an input of more than ``engines.PRESTART_BYTES``:
#: ``engines.preloads``) while the one that does (keywords, ``Stage.workers``) runs
#: here with its workers: the two cores stay busy (10^4 BBC articles: 0.9 of 4.3 s ran
#: alone). Above it they run one after another, so that the corpus phase's peak memory
#: stays that of its biggest stage.
SIDE_MAX_ARTICLES = 50_000


def _side_stages(plan, names, n_articles) -> list:
    """The corpus stages to run in a side process meanwhile: those that say they may
    (``Stage.side``: the built-in attention, tone, stance_corpus); none when it does not
    pay or a corpus stage reads another's table.

    What travels through the pipe: to the side process, the stages (pickled by name), the
    table names, the output folder and the options; back, each stage's returned tables
    (pickled whole), error, seconds and warnings. Those tables are small: the built-in
    side stages return aggregates (a row per country, or country pair, and group), far
    smaller than the tables they read, which each side reads from the Parquet parts."""
    stages = [st for st in plan.corpus_stages
              if too_big(st, n_articles, plan.corpus_max_articles) is None
              and all(t in names for t in st.needs)]
    import multiprocessing as mp

    from . import engines
    made = {t for st in plan.corpus_stages for t in st.produces}
    if (not engines.preloads(plan) or n_articles > SIDE_MAX_ARTICLES
            or "forkserver" not in mp.get_all_start_methods()
            or not any(st.workers for st in stages)
            or any(t in made for st in plan.corpus_stages for t in st.needs)):
        return []
    return [st for st in stages if st.side]  # (never a workers stage: ``Stage`` refuses it)


def _run_side(stages, tables, options) -> dict:
    """In the side process: each side stage's tables, or its error, its seconds and the
    warnings it gave."""
    got = {}
    for st in stages:
        t0 = time.perf_counter()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                new, why = {k: v if isinstance(v, pd.DataFrame) else list(v)  # pieces
                             for k, v in run_one(st, tables, options).items()}, None
            except Exception as e:
                new, why = None, str(e) if isinstance(e, NewslabError) else \
                    f"{type(e).__name__}: {e}"
        got[st.name] = (new, why, time.perf_counter() - t0,
                        [(str(w.message), w.category) for w in caught])
    return got


def _side_main(conn, stages, out, names, options, run_pid) -> None:
    """The side process: run the side stages, send what they made through ``conn``."""
    import signal

    from .engines import _init_worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the run's process stops it
    _init_worker((), run_pid)                # dies with the run, stays quiet
    try:
        conn.send(_run_side(stages, Tables(out, names), options))
    except Exception:   # a table that cannot be pickled: nothing sent, the stages run there
        pass
    finally:
        conn.close()


def _start_side(stages, out, names, options, batch_stages):
    """The side process: a plain process from the forkserver and the read end of a pipe.
    No thread is left in this process (``map_parts`` forks it meanwhile), and the process
    can be stopped directly (:func:`_stop_side`)."""
    import multiprocessing as mp
    import os

    from .engines import start_forkserver
    start_forkserver(batch_stages)          # a no-op when the batches started it
    ctx = mp.get_context("forkserver")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_side_main, args=(send, stages, out, names, options,
                                               os.getpid()), daemon=True,
                       name="newslab-corpus-side")
    proc.start()
    send.close()                            # the side process holds the write end
    return proc, recv


def _side_results(side) -> dict:
    """What the side process made; empty when it died (its stages then run here)."""
    _, recv = side
    try:
        return recv.recv()
    except Exception:   # EOFError: it was killed (out of memory) or sent nothing
        return {}


def _stop_side(side, *, finished: bool) -> None:
    """Wait for the side process to end (``finished``: it sent its tables) or stop it at
    once (an interrupted run does not wait for it); close the pipe."""
    proc, recv = side
    try:
        if not finished:
            proc.terminate()
        proc.join(timeout=30)
        if proc.is_alive():
            proc.kill()
            proc.join()
    finally:
        recv.close()


def _run_corpus_stages(plan, folder, names, n_articles, owned, notes, timings):
    tables = Tables(plan.out, names)
    side = _side_stages(plan, names, n_articles)
    started = _start_side(side, plan.out, list(names), plan.stage_options,
                          plan.batch_stages) if side else None
    produced, files, done, got = {}, [], {}, None
    try:
        for st in plan.corpus_stages:
            if st not in side:
                done[st.name] = _one_stage(st, plan, folder, tables, n_articles, owned,
                                           produced, files)
        got = _side_results(started) if started else {}
    finally:
        if started:
            _stop_side(started, finished=got is not None)
    for st in side:
        done[st.name] = _one_stage(st, plan, folder, tables, n_articles, owned, produced,
                                   files, computed=got.get(st.name))
    for st in plan.corpus_stages:             # notes, timings and tables in stage order
        st_notes, seconds, new_names = done[st.name]
        notes.extend(st_notes)
        if seconds is not None:
            timings[f"corpus stage {st.name}"] = seconds
        for n in new_names:
            if n not in names:
                names.append(n)
    return produced, files


def _one_stage(st, plan, folder, tables, n_articles, owned, produced, files, computed=None):
    """Run one corpus stage (or take what the side process ``computed``: tables, error,
    seconds) and write its tables. Returns its notes, seconds (None: not run) and the
    names of the tables it wrote."""
    out, notes, new_names = plan.out, [], []
    why = too_big(st, n_articles, plan.corpus_max_articles)
    if why:
        return [why], None, []
    missing = [t for t in st.needs if t not in tables]
    if missing:
        return [f"corpus-level stage '{st.name}' not run: it needs the table(s) "
                f"{', '.join(missing)}, which this run did not make"], None, []
    t0 = time.perf_counter()
    if computed is not None:
        new, why, seconds, caught = computed
        for message, category in caught:      # as if the stage had run here
            warnings.warn(message, category, stacklevel=3)
    else:
        release_memory()                         # what the stage before it left behind
        try:
            new, why = run_one(st, tables, plan.stage_options, jobs=plan.jobs,
                               n_articles=n_articles), None
        except Exception as e:  # the batch tables stand; the summary says what is missing
            new, why = None, str(e) if isinstance(e, NewslabError) else \
                f"{type(e).__name__}: {e}"
    if why is not None:
        notes.append(f"corpus-level stage '{st.name}' failed: {why[:300]}")
        warnings.warn(notes[-1], NewslabWarning, stacklevel=3)
        return notes, (seconds if computed is not None else time.perf_counter() - t0), []
    for tname, df in new.items():
        if not st.makes(tname):
            notes.append(f"corpus-level stage '{st.name}' returned the table '{tname}', "
                         "which it does not declare: not written")
            continue
        foreign = folder.foreign_parts(tname, owned)
        if foreign:
            notes.append(f"table '{tname}' not written: {out / tname} holds files newslab "
                         f"did not write ({', '.join(foreign[:3])})")
            continue
        folder.delete([r for r in owned if r.startswith(f"{tname}/")])
        try:
            written, produced[tname] = _write(df, out, tname)
        except Exception as e:  # a table handed over in pieces failed part-way
            why = str(e) if isinstance(e, NewslabError) else f"{type(e).__name__}: {e}"
            notes.append(f"corpus-level stage '{st.name}' failed while its table "
                         f"'{tname}' was written: {why[:300]}")
            warnings.warn(notes[-1], NewslabWarning, stacklevel=3)
            continue
        files += written
        tables.written(tname)
        new_names.append(tname)
    seconds = time.perf_counter() - t0 if computed is None else seconds + (
        time.perf_counter() - t0)
    return notes, seconds, new_names
