"""The main job: ``newslab analyze PATH --out DIR``, streamed, in parallel, resumable.

How a run goes
--------------
1. The input files are read in sorted order in the driver process, ``batch_size`` articles at
   a time (the same ids and duplicate flags as :func:`newslab.load.read_corpus`; a large
   JSON Lines, CSV or Parquet file is read in pieces, see :mod:`newslab.stream`). Only the
   batches in flight are in memory: never the whole corpus's text.
2. Each batch goes through the per-article stages (sentences, tokens, then every entry of
   :data:`BATCH_STAGES`) in a worker: in this process (``jobs=1``), in a pool of ``jobs``
   processes (``engine="processes"``, the default), or on a Dask cluster
   (``engine="dask"``). The worker writes each table of batch ``i`` to
   ``DIR/<table>/part-<i>.parquet``; nothing but row counts travels back.
3. A batch's files are complete when its line is in ``DIR/_manifest.jsonl``; with
   ``resume=True`` the batches listed there (same options, same input articles) are not redone,
   except those a stage failed on, which are tried again.
4. The corpus-level stages (:data:`CORPUS_STAGES`, such as TF-IDF keywords) then run once, over
   the tables read back from the Parquet parts, when the corpus has at most
   the stage's own ``fn.max_articles`` articles (default :data:`CORPUS_MAX_ARTICLES`), or at
   most ``corpus_max_articles`` when that is given (it overrides the stages' limits, both
   ways); above that they are skipped, with a note in the summary and in ``_run.json``,
   because they need whole-corpus tables in memory.
5. Small corpora (at most ``csv_max_articles`` articles, default :data:`CSV_MAX_ARTICLES`)
   also get ``DIR/<table>.csv`` (list columns left out), written part by part.

Reading the results back: ``pd.read_parquet("DIR/tokens")``, DuckDB
``SELECT * FROM 'DIR/tokens/*.parquet'``, or ``dask.dataframe.read_parquet("DIR/tokens")``.
Rows are in input order (parts are numbered in input order); the result is the same, row for
row, whatever ``jobs`` or ``engine``. Files whose names start with ``_`` (the manifest,
``_run.json``) are ignored by these readers.

Every input is accounted for: ``articles`` rows + ``skipped`` rows = articles and bad rows or
files in the input. A file that cannot be read, or a batch that a stage fails on, goes to the
``skipped`` table with its reason and the run goes on.

A stage is a function ``stage(tables: dict[str, DataFrame]) -> dict[str, DataFrame]`` that
reads the tables produced so far and returns new ones; register it by its dotted path so
that importing the pipeline stays cheap. A batch stage sees one batch of articles; it must be
a pure function of its input tables (it runs in other processes, in any order). A corpus
stage may set ``fn.needs = ("tokens", ...)`` or ``{"tokens": ["article_id", "lower"], ...}``:
only those tables (and columns) are then read back for it (otherwise a whole table is read
when the stage first asks for it); and ``fn.max_articles = N`` to run up to N articles
instead of :data:`CORPUS_MAX_ARTICLES` (say how much memory that takes at N: the user's
``corpus_max_articles`` overrides it).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import tokenize
from .errors import NewslabError
from .load import SKIPPED_COLUMNS, list_files
from .load import batches as _batches
from .load import skipped_frame as _skipped_frame

#: Per-batch stages, in order: (name, "module:function").
BATCH_STAGES: list[tuple[str, str]] = [
    ("mentions", "newslab.countries:mentions_stage"),
    ("sentiment", "newslab.sentiment:sentiment_stage"),
    ("stance", "newslab.stance:stance_stage"),
]
#: Whole-corpus stages, run once after the batches: (name, "module:function").
CORPUS_STAGES: list[tuple[str, str]] = [
    ("stance_corpus", "newslab.stance:stance_corpus_stage"),
    ("keywords", "newslab.keywords:keywords_stage"),
]

#: Columns left out of CSV files (lists do not round-trip through CSV; ``text`` holds them).
CSV_DROP = {"articles": ["paragraphs"]}

#: Articles per batch: large enough that per-batch costs (process hand-over, one Parquet file
#: per table) are small, small enough that a worker's tables stay well under 100 MB.
DEFAULT_BATCH_SIZE = 500
#: Corpora with at most this many articles also get ``DIR/<table>.csv``.
CSV_MAX_ARTICLES = 10_000
#: Corpus-level stages need whole tables in memory: they run up to this many articles.
CORPUS_MAX_ARTICLES = 10_000
#: The engines ``analyze`` can run batches on.
ENGINES = ("processes", "dask")

MANIFEST = "_manifest.jsonl"
RUN_INFO = "_run.json"
_PART = re.compile(r"^part-(\d+)\.parquet$")
_CORE_TABLES = ["articles", "skipped", "sentences", "tokens"]


# ---------------------------------------------------------------------------------------
# results


class ResultTables(Mapping):
    """The tables of a finished run, read back from ``DIR/<table>/`` on first access."""

    def __init__(self, out, names):
        self.out = Path(out)
        self._names = list(names)
        self._cache: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name):
        if name not in self._names:
            raise KeyError(name)
        if name not in self._cache:
            self._cache[name] = read_table(self.out, name)
        return self._cache[name]

    def __iter__(self):
        return iter(self._names)

    def __len__(self):
        return len(self._names)


@dataclass
class AnalyzeResult:
    """What :func:`analyze` did: row counts, the files written, and the tables.

    ``tables`` maps a table name to its DataFrame; after a written run it reads each table
    back from Parquet when first asked for (so a large corpus is never loaded unasked).
    """

    tables: Mapping
    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    out: Path | None = None
    n_input_files: int = 0
    n_batches: int = 0
    n_batches_resumed: int = 0
    n_duplicates: int = 0
    skipped_head: pd.DataFrame | None = None
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    #: wall seconds of the run's phases: batches, each corpus stage, csv
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        c = self.counts
        n_skip = c.get("skipped", 0)
        lines = [f"newslab analyze: {c.get('articles', 0)} articles ({self.n_duplicates} "
                 f"flagged as duplicates), {n_skip} skipped, {c.get('sentences', 0)} "
                 f"sentences, {c.get('tokens', 0)} tokens"]
        if self.n_batches_resumed:
            lines.append(f"  resumed: {self.n_batches_resumed} of {self.n_batches} batches "
                         "were already done")
        for name, n in c.items():
            if name not in _CORE_TABLES:
                lines.append(f"  {name}: {n} rows")
        if n_skip and self.skipped_head is not None:
            for r in self.skipped_head.head(5).itertuples():
                where = f":{r.line}" if pd.notna(r.line) else ""
                lines.append(f"  skipped {r.path}{where}: {r.reason}")
            if n_skip > 5:
                lines.append(f"  ... and {n_skip - 5} more (see the skipped table)")
        lines.extend(f"  note: {n}" for n in self.notes)
        return "\n".join(lines)


def read_table(out, name: str, *, columns: list[str] | None = None) -> pd.DataFrame:
    """Read table ``name`` of a run written to ``out`` (all its parts, in input order)."""
    d = Path(out) / name
    if not d.is_dir():
        raise NewslabError(f"no table '{name}' in {out}")
    df = pd.read_parquet(d, columns=columns)
    if name == "skipped" and "line" in df.columns:
        df["line"] = df["line"].astype("Int64")
    return df


# ---------------------------------------------------------------------------------------
# the per-batch work


@lru_cache(maxsize=None)
def _resolve(spec: str):
    mod, fn = spec.split(":")
    return getattr(importlib.import_module(mod), fn)


def _select_stages(stages) -> tuple[tuple[str, str], ...]:
    if stages is None:
        return tuple(BATCH_STAGES)
    names = [s.strip() for s in (stages.split(",") if isinstance(stages, str) else stages)]
    names = [s for s in names if s]
    known = dict(BATCH_STAGES)
    unknown = [s for s in names if s not in known]
    if unknown:
        raise NewslabError(f"unknown stage(s): {', '.join(unknown)} (batch stages: "
                           f"{', '.join(known) or 'none registered'})")
    return tuple((n, s) for n, s in BATCH_STAGES if n in names)


def process_batch(articles: pd.DataFrame, *, stages=None) -> dict[str, pd.DataFrame]:
    """Run the per-article stages on one batch of articles (all of :data:`BATCH_STAGES`, or
    the ``(name, spec)`` pairs given)."""
    tables = {"articles": articles}
    tables["sentences"] = tokenize.sentences(articles)
    tables["tokens"] = tokenize.tokens(tables["sentences"])
    for _name, spec in (BATCH_STAGES if stages is None else stages):
        tables.update(_resolve(spec)(tables))
    return tables


def part_path(out, name: str, index: int) -> Path:
    """Where batch ``index`` of table ``name`` is written."""
    return Path(out) / name / f"part-{index:05d}.parquet"


def _write_part(df: pd.DataFrame, out, name: str, index: int) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq
    p = part_path(out, name, index)
    p.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pandas(df, preserve_index=False)
    tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, p)  # atomic: a part is either whole or absent
    return p


def run_batch(index: int, articles: pd.DataFrame, out: str, stages) -> dict:
    """Process batch ``index`` and write its tables; return what was written.

    This is what runs in a worker process or on a Dask worker. A stage that fails does not
    stop the run: the batch's articles are returned as skipped, with the error.
    """
    try:
        tables = process_batch(articles, stages=stages)
    except Exception as e:  # reported as skipped rows; the run goes on
        return {"batch": index, "error": f"{type(e).__name__}: {e}"[:300]}
    rows, files = {}, []
    for name, df in tables.items():
        files.append(str(_write_part(df, out, name, index)))
        rows[name] = len(df)
    return {"batch": index, "rows": rows, "files": files}


def _init_worker(stages) -> None:
    """Import the stage modules and build the tokenizers once per worker process."""
    warnings.simplefilter("ignore")  # the driver reports problems; workers stay quiet
    tokenize.sentence_splitter()
    tokenize.token_regex()
    for _name, spec in stages:
        _resolve(spec)


# ---------------------------------------------------------------------------------------
# engines: where run_batch runs


class _SerialEngine:
    """Batches run here, one after the other (``jobs=1``)."""

    def __init__(self, out, stages):
        self.out, self.stages, self.done = out, stages, []

    @property
    def pending(self):
        return 0

    def submit(self, index, articles):
        self.done.append(run_batch(index, articles, self.out, self.stages))

    def wait(self, *, all_=False):
        done, self.done = self.done, []
        return done

    poll = wait

    def close(self):
        pass


class _ProcessEngine:
    """A pool of ``jobs`` processes (started from a forkserver that imported newslab once).

    The pool starts with the second batch: a one-batch corpus runs here, without it.
    """

    def __init__(self, out, stages, jobs, *, prestart=True):
        import multiprocessing as mp
        self.out, self.stages, self.jobs = out, stages, jobs
        self.pool = None
        self.first = None
        self.futures = set()
        self.done = []
        self.method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        if self.method == "forkserver" and prestart:
            # start the server now: its imports overlap with reading the first batches
            from multiprocessing import forkserver
            mp.get_context("forkserver").set_forkserver_preload(
                ["newslab.pipeline"] + sorted({s.split(":")[0] for _, s in self.stages}))
            forkserver.ensure_running()

    @property
    def pending(self):
        return len(self.futures) + (self.first is not None)

    def _start(self):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        ctx = mp.get_context(self.method)
        self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx,
                                        initializer=_init_worker, initargs=(self.stages,))

    def submit(self, index, articles):
        if self.pool is None and self.first is None:
            self.first = (index, articles)
            return
        if self.pool is None:
            self._start()
            self.futures.add(self.pool.submit(run_batch, *self.first, self.out, self.stages))
            self.first = None
        self.futures.add(self.pool.submit(run_batch, index, articles, self.out, self.stages))

    def wait(self, *, all_=False):
        from concurrent.futures import FIRST_COMPLETED, ALL_COMPLETED
        from concurrent.futures import wait as cf_wait
        from concurrent.futures.process import BrokenProcessPool
        if self.first is not None:  # only one batch in all: no pool needed
            self.done.append(run_batch(*self.first, self.out, self.stages))
            self.first = None
        if self.futures:
            finished, self.futures = cf_wait(
                self.futures, return_when=ALL_COMPLETED if all_ else FIRST_COMPLETED)
            for f in finished:
                try:
                    self.done.append(f.result())
                except BrokenProcessPool:
                    raise NewslabError(
                        "a worker process died: out of memory (run again with --resume and "
                        "fewer --jobs or a smaller --batch-size), or a script calls "
                        "analyze() outside an 'if __name__ == \"__main__\":' block") from None
        done, self.done = self.done, []
        return done

    def poll(self):
        """The results ready now, without waiting."""
        return self.wait() if any(f.done() for f in self.futures) else []

    def close(self):
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


class _DaskEngine:
    """Batches as tasks on a Dask cluster: an existing one (``scheduler`` address) or a
    ``LocalCluster`` of ``jobs`` single-threaded worker processes on 127.0.0.1."""

    def __init__(self, out, stages, jobs, scheduler=None, quiet=False):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise NewslabError("--engine dask needs the 'distributed' package "
                               "(pip install 'dask[distributed]')") from None
        self.out, self.stages = out, stages
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
            run_batch, index, articles, self.out, self.stages, pure=False,
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
                if not Path(r["files"][0]).exists():
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


# ---------------------------------------------------------------------------------------
# reading the input in batches


def _fingerprint(articles: pd.DataFrame, skipped: pd.DataFrame) -> str:
    """What a batch holds: ids and texts of its articles, and its skipped rows."""
    h = hashlib.sha1()
    for aid, text, dup in zip(articles["article_id"], articles["text"],
                              articles["duplicate_of"]):
        h.update(f"{aid}\x00{dup}\x00".encode())
        h.update(text.encode("utf-8", "surrogatepass"))
        h.update(b"\x01")
    for row in skipped.itertuples(index=False):
        h.update(f"{row.path}\x00{row.line}\x00{row.reason}\x01".encode("utf-8", "replace"))
    return h.hexdigest()


# ---------------------------------------------------------------------------------------
# the run


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def analyze(path, out="results", *, columns: dict | None = None,
            batch_size: int = DEFAULT_BATCH_SIZE, jobs: int | None = None,
            engine: str = "processes", scheduler: str | None = None, resume: bool = False,
            stages=None, csv: bool | None = None,
            csv_max_articles: int = CSV_MAX_ARTICLES,
            corpus_max_articles: int | None = None, repair_dashes: bool | None = None,
            write: bool = True, quiet: bool = False, progress: bool | None = None
            ) -> AnalyzeResult:
    """Run the pipeline over the corpus at ``path`` and write its tables to ``out``.

    ``jobs`` worker processes (default: all cores; 1 runs everything in this process; the
    workers are started by a forkserver, so a script that calls ``analyze`` with ``jobs`` > 1
    needs the usual ``if __name__ == "__main__":`` guard);
    ``engine="dask"`` runs the batches on a Dask cluster (``scheduler`` address, or a local
    cluster of ``jobs`` workers on 127.0.0.1). ``resume`` skips the batches a previous run
    with the same options finished. ``stages`` names the batch stages to run (default: all).
    ``csv`` forces CSV copies on (True) or off (False); by default corpora of at most
    ``csv_max_articles`` articles get them. ``progress`` shows a bar (default: when stderr
    is a terminal and not ``quiet``). With ``write=False`` nothing is kept on disk and the
    tables are returned in memory (small corpora only).
    See the module docstring for the layout of ``out``.
    """
    t0 = time.perf_counter()
    if not write:
        with tempfile.TemporaryDirectory(prefix="newslab-") as tmp:
            res = analyze(path, tmp, columns=columns, batch_size=batch_size, jobs=jobs,
                          engine=engine, scheduler=scheduler, stages=stages, csv=False,
                          corpus_max_articles=corpus_max_articles,
                          repair_dashes=repair_dashes, quiet=True, progress=False)
            res.tables = {name: res.tables[name] for name in res.tables}
        res.files, res.out = [], None
        if not quiet:
            print(res.summary())
        return res

    if engine not in ENGINES:
        raise NewslabError(f"unknown engine '{engine}' (choose from {', '.join(ENGINES)})")
    if scheduler and engine != "dask":
        raise NewslabError("--scheduler needs --engine dask")
    if batch_size < 1:
        raise NewslabError(f"batch size must be at least 1, not {batch_size}")
    jobs = default_jobs() if jobs is None else int(jobs)
    if jobs < 1:
        raise NewslabError(f"--jobs must be at least 1, not {jobs}")
    selected = _select_stages(stages)
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise NewslabError("newslab analyze writes Parquet and needs pyarrow "
                           "(pip install pyarrow)") from None

    files = list_files(path)
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise NewslabError(f"cannot create output folder {out}: {e.strerror}") from None
    options = {"version": _version(), "batch_size": batch_size,
               "columns": sorted((columns or {}).items()), "repair_dashes": repair_dashes,
               "stages": [list(s) for s in selected]}
    options_hash = hashlib.sha1(json.dumps(options, sort_keys=True).encode()).hexdigest()
    done_before, old_tables = _start_run(out, options, options_hash, resume=resume, path=path)

    show = (not quiet and sys.stderr.isatty()) if progress is None else progress
    bar = _progress(sum(_size(f) for f in files), show)
    if engine == "dask":
        eng = _DaskEngine(str(out), selected, jobs, scheduler, quiet=quiet)
    elif jobs == 1:
        eng = _SerialEngine(str(out), selected)
    else:
        # a small input (under ~1,000 news articles) may be one batch: no server up front
        big = sum(_size(f) for f in files[:10_000]) > 2_000_000
        eng = _ProcessEngine(str(out), selected, jobs, prestart=big)

    counts: dict[str, int] = {}
    parts: dict[str, set] = {}
    n_batches = n_resumed = n_dup = 0
    skipped_head = []
    in_flight: dict[int, tuple] = {}  # batch -> (fingerprint, n_articles, n_skip, n_dup, ids)
    manifest = open(out / MANIFEST, "a", encoding="utf-8")

    def record(entry, write=True):
        for name, n in entry["rows"].items():
            counts[name] = counts.get(name, 0) + n
            parts.setdefault(name, set()).add(entry["batch"])
        if write:  # the manifest is append-only: a later line for a batch wins
            manifest.write(json.dumps(entry, sort_keys=True) + "\n")
            manifest.flush()

    def finish(results):
        nonlocal n_dup
        for r in results:
            i = r["batch"]
            fp, n_art, n_skip, ndup, where = in_flight.pop(i)
            rows = dict(r.get("rows", {}))
            if "error" in r:  # a stage failed on this batch: its articles become skipped rows
                reason = f"pipeline failed on this article's batch: {r['error']}"
                extra = pd.DataFrame({"path": where[0], "line": where[1],
                                      "reason": [reason] * n_art}, columns=SKIPPED_COLUMNS)
                skip = pd.concat([_read_part(out, "skipped", i), _skipped_frame(extra)],
                                 ignore_index=True)
                skip["line"] = skip["line"].astype("Int64")
                _write_part(skip, out, "skipped", i)
                skipped_head.extend(skip.head(5).to_dict("records"))
                rows = {"skipped": len(skip)}
                _eprint(f"newslab: warning: batch {i} ({n_art} articles) failed and was "
                        f"recorded in the skipped table: {r['error']}")
            else:
                rows["skipped"] = n_skip
            ndup = 0 if "error" in r else ndup
            n_dup += ndup
            entry = {"batch": i, "fingerprint": fp, "rows": rows, "duplicates": ndup}
            if "error" in r:
                entry["failed"] = r["error"]  # tried again by --resume
            record(entry)
            bar.set_postfix_str(f"{counts.get('articles', 0)} articles", refresh=False)

    try:
        batches = _batches(files, batch_size=batch_size, columns=columns,
                           repair_dashes=repair_dashes, on_progress=bar.update)
        window = 2 * jobs
        for i, arts, skip in batches:
            n_batches += 1
            fp = _fingerprint(arts, skip)
            prev = done_before.get(i)
            if prev is not None and prev["fingerprint"] == fp and not prev.get("failed") and all(
                    part_path(out, name, i).is_file() for name in prev["rows"]):
                n_resumed += 1
                n_dup += prev.get("duplicates", 0)
                record(prev, write=False)
                if prev["rows"].get("skipped") and len(skipped_head) < 5:
                    skipped_head.extend(skip.head(5).to_dict("records"))
                continue
            _write_part(skip, out, "skipped", i)
            if len(skipped_head) < 5:
                skipped_head.extend(skip.head(5).to_dict("records"))
            ndup = int(arts["duplicate_of"].notna().sum())
            if arts.empty:
                record({"batch": i, "fingerprint": fp, "rows": {"skipped": len(skip)},
                        "duplicates": 0})
                continue
            in_flight[i] = (fp, len(arts), len(skip), ndup,
                            (arts["path"].tolist(), arts["line"].tolist()))
            eng.submit(i, arts)
            del arts
            finish(eng.poll())
            while eng.pending >= window:
                finish(eng.wait())
        finish(eng.wait(all_=True))
    finally:
        eng.close()
        manifest.close()
        bar.close()

    timings = {"batches": time.perf_counter() - t0}
    n_articles = counts.get("articles", 0)
    _drop_stale_parts(out, parts)
    for name in parts:
        _unify_part_schemas(out, name)
    if n_articles == 0:
        skip = read_table(out, "skipped") if "skipped" in parts else pd.DataFrame()
        reasons = ""
        if len(skip):
            reasons = " (" + "; ".join(f"{Path(p).name}: {r}" for p, r in
                                       zip(skip["path"][:3], skip["reason"][:3])) + ")"
        raise NewslabError(f"no articles found in {path}{reasons}")

    notes = []
    names = [n for n in _CORE_TABLES if n in parts] + [n for n in parts
                                                       if n not in _CORE_TABLES]
    if CORPUS_STAGES:
        produced = _run_corpus_stages(out, names, n_articles, corpus_max_articles, notes,
                                      timings)
        for name, n in produced.items():
            counts[name] = n
    for name in old_tables - set(names):  # an earlier run's table that this run did not make
        d = out / name
        if d.is_dir():
            for f in d.iterdir():
                if _PART.match(f.name):
                    f.unlink()
            if not any(d.iterdir()):
                d.rmdir()
        (out / f"{name}.csv").unlink(missing_ok=True)
    t1 = time.perf_counter()
    want_csv = n_articles <= csv_max_articles if csv is None else csv
    files_written = [out / n for n in names]
    for n in names:
        p = out / f"{n}.csv"
        if want_csv:
            _write_csv(out, n, p)
            files_written.append(p)
        elif p.exists():
            p.unlink()
    result = AnalyzeResult(
        ResultTables(out, names), counts={n: counts.get(n, 0) for n in names},
        files=files_written, out=out, n_input_files=len(files), n_batches=n_batches,
        n_batches_resumed=n_resumed, n_duplicates=n_dup,
        skipped_head=pd.DataFrame(skipped_head[:5], columns=SKIPPED_COLUMNS), notes=notes)
    timings["csv"] = time.perf_counter() - t1
    result.seconds = time.perf_counter() - t0
    result.timings = {k: round(v, 3) for k, v in timings.items()}
    _finish_run(out, options, options_hash, result)
    if not quiet:
        print(result.summary())
        print(f"tables written to {out}/: " + ", ".join(names)
              + (" (Parquet folders and CSV)" if want_csv else " (Parquet folders)"))
    return result


def _version() -> str:
    from . import __version__
    return __version__


def _progress(total, show):
    if not show:
        return _NoBar()
    from tqdm import tqdm
    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024,
                desc="newslab analyze", delay=1.0, file=sys.stderr, dynamic_ncols=True)


def _size(f: Path) -> int:
    try:
        return f.stat().st_size
    except OSError:
        return 0


class _NoBar:
    def update(self, n=1):
        pass

    def set_postfix_str(self, s, refresh=True):
        pass

    def close(self):
        pass


def _start_run(out: Path, options, options_hash, *, resume, path) -> tuple[dict, set]:
    """Prepare ``out``: on resume, the finished batches of the same run; else a clean slate.
    Returns the finished batches and the tables an earlier run wrote here."""
    info_path, man_path = out / RUN_INFO, out / MANIFEST
    old = None
    if info_path.exists():
        try:
            old = json.loads(info_path.read_text("utf-8"))
        except (OSError, ValueError):
            old = None
    done = {}
    if resume and old is not None:
        if old.get("options_hash") != options_hash:
            raise NewslabError(f"--resume: {out} holds a run made with other options "
                               f"({_diff(old.get('options', {}), options)}); use another "
                               "--out, or run without --resume to start again")
        if man_path.exists():
            with open(man_path, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        e = json.loads(line)
                        done[int(e["batch"])] = e
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut short by the interruption
    if not done:
        # a fresh start: remove what an earlier run wrote here (and only that)
        old_tables = set(old.get("tables", [])) if old else set()
        for d in [p for p in out.iterdir() if p.is_dir()]:
            if d.name in old_tables or d.name in _CORE_TABLES or any(
                    d.name == n for n, _ in BATCH_STAGES + CORPUS_STAGES):
                for f in d.iterdir():
                    if _PART.match(f.name) or f.name.endswith(".tmp"):
                        f.unlink()
        for name in old_tables:
            (out / f"{name}.csv").unlink(missing_ok=True)
    if not done:
        man_path.write_text("", encoding="utf-8")
    info = {"status": "running", "input": str(path), "options": options,
            "options_hash": options_hash, "tables": sorted(old.get("tables", [])) if old else []}
    info_path.write_text(json.dumps(info, indent=1, default=str), encoding="utf-8")
    return done, set(old.get("tables", [])) if old else set()


def _diff(a: dict, b: dict) -> str:
    keys = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
    return "different " + ", ".join(keys) if keys else "different options"


def _finish_run(out: Path, options, options_hash, result: AnalyzeResult) -> None:
    info = {"status": "complete", "options": options, "options_hash": options_hash,
            "tables": list(result.tables), "rows": result.counts,
            "n_input_files": result.n_input_files, "n_batches": result.n_batches,
            "n_duplicates": result.n_duplicates, "notes": result.notes,
            "seconds": round(result.seconds, 3), "timings": result.timings}
    (out / RUN_INFO).write_text(json.dumps(info, indent=1, default=str), encoding="utf-8")


def _read_part(out, name, index) -> pd.DataFrame:
    p = part_path(out, name, index)
    df = pd.read_parquet(p) if p.exists() else pd.DataFrame(columns=SKIPPED_COLUMNS)
    return df


def _drop_stale_parts(out: Path, parts: dict[str, set]) -> None:
    """Remove parts that this run did not confirm (left by an earlier, longer input)."""
    for name, keep in parts.items():
        for f in (out / name).iterdir():
            m = _PART.match(f.name)
            if (m and int(m[1]) not in keep) or f.name.endswith(".tmp"):
                f.unlink()


def _unify_part_schemas(out: Path, name: str) -> None:
    """Make every part of a table share one Arrow schema, so that pandas, DuckDB and Dask
    read the folder as one table (a batch where a column is all missing is typed ``null``,
    one where an integer column has gaps is ``double``...). Rewrites only the odd parts."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    files = sorted(f for f in (out / name).iterdir() if _PART.match(f.name))
    schemas = [pq.read_schema(f) for f in files]
    if all(s.equals(schemas[0], check_metadata=False) for s in schemas[1:]):
        return
    try:
        target = pa.unify_schemas(schemas, promote_options="permissive")
    except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
        raise NewslabError(f"table '{name}': batches gave incompatible columns ({e})") from None
    fields = [f.remove_metadata() for f in target]
    target = pa.schema(fields, metadata=schemas[0].metadata)
    for f, s in zip(files, schemas):
        if s.equals(target, check_metadata=False):
            continue
        t = pq.read_table(f)
        cols = []
        for fld in target:
            if fld.name in t.column_names:
                cols.append(t[fld.name].cast(fld.type))
            else:
                cols.append(pa.nulls(len(t), fld.type))
        t = pa.Table.from_arrays(cols, schema=target)
        tmp = f.with_name(f".{f.name}.tmp")
        pq.write_table(t, tmp)
        os.replace(tmp, f)


def _run_corpus_stages(out: Path, names: list[str], n_articles: int, limit: int | None,
                       notes: list[str], timings: dict | None = None) -> dict[str, int]:
    """Run :data:`CORPUS_STAGES` over the written tables; write what they return.

    A stage runs when the corpus has at most ``limit`` articles when given, else at most
    ``fn.max_articles`` if the stage declares it, else :data:`CORPUS_MAX_ARTICLES`; else it
    is skipped with a note. ``fn.needs`` (optional) names the tables it
    reads, as a tuple of names or a dict ``{table: [columns] or None}``, so that only those
    are read back; without it a table is read when the stage first asks for it.
    """
    tables = _LazyTables(out, names)
    produced = {}
    for stage, spec in CORPUS_STAGES:
        fn = _resolve(spec)
        cap = (limit if limit is not None
               else getattr(fn, "max_articles", None) or CORPUS_MAX_ARTICLES)
        if n_articles > cap:
            notes.append(f"corpus-level stage '{stage}' not run: {n_articles} articles is above "
                         f"its in-memory limit of {cap} (--corpus-max-articles to change it)")
            continue
        needs = getattr(fn, "needs", None)
        missing = [n for n in (needs or ()) if n not in tables]
        if missing:
            notes.append(f"corpus-level stage '{stage}' not run: it needs the table(s) "
                         f"{', '.join(missing)}, which this run did not make")
            continue
        if isinstance(needs, dict):
            arg = {n: (tables[n] if cols is None else
                       read_table(out, n, columns=list(cols)) if n in names else tables[n])
                   for n, cols in needs.items() if n in tables}
        elif needs:
            arg = {n: tables[n] for n in needs if n in tables}
        else:
            arg = tables
        t0 = time.perf_counter()
        try:
            new = fn(arg)
        except KeyError as e:  # a table it reads is not there (its batch stage did not run)
            if e.args and isinstance(e.args[0], str) and e.args[0] not in tables:
                notes.append(f"corpus-level stage '{stage}' not run: it needs the table "
                             f"'{e.args[0]}', which this run did not make")
                continue
            raise
        for tname, df in new.items():
            d = out / tname
            if d.is_dir():
                shutil.rmtree(d)
            _write_part(df, out, tname, 0)
            tables[tname] = df
            produced[tname] = len(df)
            if tname not in names:
                names.append(tname)
        if timings is not None:
            timings[f"corpus stage {stage}"] = time.perf_counter() - t0
    return produced


class _LazyTables(dict):
    """A dict of tables that reads a written table from Parquet when first asked for."""

    def __init__(self, out: Path, names):
        super().__init__()
        self._out, self._names = out, list(names)

    def __missing__(self, name):
        if name not in self._names:
            raise KeyError(name)
        df = read_table(self._out, name)
        self[name] = df
        return df

    def __contains__(self, name):
        return name in self._names or dict.__contains__(self, name)

    def get(self, name, default=None):
        return self[name] if name in self else default

    def keys(self):
        return list(dict.fromkeys(self._names + list(dict.keys(self))))

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    def values(self):
        return [self[k] for k in self.keys()]

    def __setitem__(self, name, df):
        dict.__setitem__(self, name, df)
        if name not in self._names:
            self._names.append(name)


def _write_csv(out: Path, name: str, path: Path) -> None:
    """``out/<name>.csv`` from the table's Parquet parts, one part at a time."""
    import pyarrow.parquet as pq
    drop = CSV_DROP.get(name, [])
    files = sorted(f for f in (out / name).iterdir() if _PART.match(f.name))
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        header = True
        for f in files:
            df = pq.read_table(f).to_pandas()
            if name == "skipped" and "line" in df.columns:
                df["line"] = df["line"].astype("Int64")
            df = df.drop(columns=drop, errors="ignore")
            if header or len(df):
                df.to_csv(fh, index=False, header=header)
                header = False
    os.replace(tmp, path)


def write_tables(tables: dict[str, pd.DataFrame], out) -> list[Path]:
    """Write in-memory tables as ``out/<name>/part-00000.parquet`` and ``out/<name>.csv``
    (for tables made outside :func:`analyze`)."""
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise NewslabError(f"cannot create output folder {out}: {e.strerror}") from None
    files = []
    for name, df in tables.items():
        d = out / name
        if d.is_dir():
            for f in d.iterdir():
                if _PART.match(f.name):
                    f.unlink()
        files.append(_write_part(df, out, name, 0))
        p = out / f"{name}.csv"
        df.drop(columns=CSV_DROP.get(name, []), errors="ignore").to_csv(p, index=False)
        files.append(p)
    return files


def _eprint(msg: str) -> None:
    print(msg, file=sys.stderr)
