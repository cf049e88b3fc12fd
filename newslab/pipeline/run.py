"""``analyze``: the run, as named phases (plan, start, batches, corpus stages, export,
report). Each phase is a function of this module or of the module named in it."""

from __future__ import annotations

import time
import warnings

import pandas as pd

from .. import schema
from ..errors import NewslabError, NewslabWarning
from . import export, report
from .batches import fewer_full_collections, process_batch, run_batches
from .corpus import run_corpus_stages, run_one, too_big, whole
from .engines import make_engine
from .manifest import README, RunFolder
from .plan import CSV_MAX_ARTICLES, DEFAULT_BATCH_SIZE, Plan, make_plan
from .resume import options_hash, previous_batches, run_options
from .stages import DEFAULT_STAGES, Stage
from .tables import AnalyzeResult, Tables, unify_parts

CORE_TABLES = report.CORE_TABLES


def analyze(path, out="results", *, stages=DEFAULT_STAGES, only=None, by=None,
            duplicates: bool = False, method: str | None = None, model=None,
            whole_text: bool = False, columns: dict | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
            jobs: int | None = None, engine: str = "processes", scheduler: str | None = None,
            resume: bool = False, csv: bool | None = None,
            csv_max_articles: int = CSV_MAX_ARTICLES, corpus_max_articles: int | None = None,
            repair_dashes: bool | None = None, write: bool = True, quiet: bool = False,
            progress=None) -> AnalyzeResult:
    """Run the pipeline over the corpus at ``path`` and write its tables to ``out``.

    ``stages``: the stage table to run (default :data:`DEFAULT_STAGES`; a list of
    :class:`Stage`); ``only`` names some of them (``--stages``; the stages they need run
    too). ``by`` (keys of :mod:`newslab.groups`), ``duplicates``, ``method``, ``model`` and
    ``whole_text`` go to the stages that declare them. ``jobs`` worker processes (default: all cores,
    at most that; 1 runs everything in this process; a script that calls ``analyze`` with
    ``jobs`` > 1 needs the usual ``if __name__ == "__main__":`` guard); ``engine="dask"``
    runs the batches on a Dask cluster (``scheduler`` address, or a local cluster of
    ``jobs`` workers). ``resume`` keeps the batches a previous run with the same options
    finished. ``csv`` forces CSV copies on or off (default: up to ``csv_max_articles``
    articles). ``progress``: a function ``progress(total_bytes)`` returning a bar with
    ``update(n)`` and ``set_postfix_str(s)`` (tqdm fits). ``write=False`` runs in this
    process and returns the tables in memory, writing nothing (small corpora only).
    Nothing is printed: :meth:`AnalyzeResult.summary` says what the run found.
    """
    t0 = time.perf_counter()
    if stages is None:
        stages = DEFAULT_STAGES
    elif isinstance(stages, str) or (isinstance(stages, (list, tuple)) and stages and
                                     not isinstance(stages[0], Stage)) or (
            isinstance(stages, (list, tuple)) and not stages):
        only, stages = stages, DEFAULT_STAGES  # the older call: stages named
    plan = make_plan(path, out, write=write, stages=stages, select=only, by=by,
                     duplicates=duplicates, method=method, model=model,
                     whole_text=whole_text, columns=columns,
                     batch_size=batch_size, jobs=1 if not write else jobs, engine=engine,
                     scheduler=scheduler, repair_dashes=repair_dashes, csv=csv,
                     csv_max_articles=csv_max_articles,
                     corpus_max_articles=corpus_max_articles)
    if not write:
        return _in_memory(plan, t0)
    folder = RunFolder(plan.out)
    state = _start(plan, folder, resume=resume)
    done = False
    try:
        res = _run(plan, folder, state, t0, quiet=quiet, progress=progress)
        done = True
        return res
    finally:
        if not done:  # interrupted or failed: the records say so, --resume goes on from here
            info = state["info"]
            info.update(status="incomplete", files=sorted(set(info["files"]) |
                                                          set(state.get("files", []))))
            try:
                folder.write_info(info)
            except OSError:
                pass
        folder.close()
        folder.unlock()


# --------------------------------------------------------------------------- phases


def _start(plan: Plan, folder: RunFolder, *, resume: bool) -> dict:
    """Prepare ``DIR``: take its lock; on resume find the batches to keep, else remove what
    newslab wrote there before (only that); refuse to write over files it did not write."""
    out = plan.out
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise NewslabError(f"cannot create output folder {out}: {e.strerror}") from None
    folder.lock()
    try:
        options = run_options(version=_version(), batch_size=plan.batch_size,
                              columns=plan.columns, repair_dashes=plan.repair_dashes,
                              stages=plan.stages, stage_options=plan.options_key)
        digest = options_hash(options)
        previous = previous_batches(folder, options=options, digest=digest,
                                    source=plan.source, resume=resume)
        owned, dirs = folder.owned(), folder.created_dirs()
        if not previous:  # a fresh start
            folder.delete(owned, dirs=dirs)
            owned = set()
            dirs = {d for d in dirs if (out / d).is_dir()}
        for t in plan.tables():
            foreign = folder.foreign_parts(t, owned)
            if foreign:
                raise NewslabError(
                    f"{out / t} holds files that newslab did not write ({', '.join(foreign[:3])}"
                    f"{', ...' if len(foreign) > 3 else ''}): choose another --out, or move "
                    "them away")
        folder.clean_tmp(plan.tables())
        existed = {p.name for p in out.iterdir() if p.is_dir()} - dirs
        dirs |= {t for t in plan.tables() if not (out / t).exists()}
        folder.open_manifest(fresh=not previous)
        info = {"status": "running", "source": plan.source, "options": options,
                "options_hash": digest, "files": sorted(owned), "dirs": sorted(dirs),
                "tables": []}
        folder.write_info(info)
    except BaseException:
        folder.close()
        folder.unlock()
        raise
    return {"info": info, "previous": previous, "owned": owned, "dirs": dirs,
            "existed": existed}


def _run(plan: Plan, folder: RunFolder, state: dict, t0: float, *, quiet, progress):
    out = plan.out
    bar = progress(plan.input_bytes) if progress else _NoBar()
    bar.update(plan.bytes_read)
    plan.on_bytes = bar.update
    engine = make_engine(plan, quiet=quiet)
    try:
        with warnings.catch_warnings():
            if quiet:
                warnings.simplefilter("ignore", NewslabWarning)
            with fewer_full_collections():
                outcome = run_batches(plan, folder, engine, plan.batches, state["previous"],
                                      bar)
    finally:
        engine.close()
        bar.close()
    state["files"] = outcome.files
    timings = {"batches": time.perf_counter() - t0}
    counts = outcome.counts
    n_articles = counts.get("articles", 0)
    for name in outcome.parts:
        unify_parts(out, name)
    if n_articles == 0:
        raise NewslabError(f"no articles could be processed in {plan.source} (every batch "
                           "failed: see the skipped table)")

    notes = list(plan.notes)
    names = [n for n in CORE_TABLES if n in outcome.parts] + [
        n for n in outcome.parts if n not in CORE_TABLES]
    produced, corpus_files = run_corpus_stages(plan, folder, names, n_articles,
                                               state["owned"], notes, timings)
    counts.update(produced)
    files = set(outcome.files) | set(corpus_files)
    state["files"] = sorted(files)

    # export: CSV copies and the data dictionary
    t1 = time.perf_counter()
    want_csv = n_articles <= plan.csv_max_articles if plan.csv is None else plan.csv
    owned = state["owned"]
    for n in names:
        rel = f"{n}.csv"
        p = out / rel
        if p.exists() and rel not in owned:
            if want_csv:
                notes.append(f"{p} was not written by newslab: left as it is (no CSV of {n})")
            continue
        if want_csv:
            export.write_csv(out, n, p)
            files.add(rel)
    timings["csv"] = time.perf_counter() - t1
    readme = out / README
    if readme.exists() and README not in owned:
        notes.append(f"{readme} was not written by newslab: left as it is (the data "
                     "dictionary is schema.data_dictionary)")
    else:
        readme.write_text(schema.data_dictionary({n: counts.get(n, 0) for n in names},
                                                 title=f"Data dictionary of {out.name}"),
                          encoding="utf-8")
        files.add(README)

    # what this run did not write again, of what newslab wrote here before
    folder.delete(owned - files)
    folder.clean_tmp(names)
    tables = Tables(out, names)
    result = AnalyzeResult(
        tables, counts={n: counts.get(n, 0) for n in names}, files=[out / f for f in
                                                                    sorted(files)],
        out=out, n_input_files=len(plan.files), n_batches=outcome.n_batches,
        n_batches_resumed=outcome.n_resumed, n_duplicates=outcome.n_duplicates,
        skipped_head=_head(outcome.skipped_head), notes=notes, csv=want_csv)
    result.findings = report.findings(tables, result.counts,
                                      by=plan.stage_options.get("by", []))
    result.seconds = time.perf_counter() - t0
    result.timings = {k: round(v, 3) for k, v in timings.items()}
    dirs = state["dirs"] | {n for n in names if n not in state["existed"]}
    info = dict(state["info"], status="complete", tables=list(names), rows=result.counts,
                files=sorted(files), dirs=sorted(d for d in dirs if (out / d).is_dir()),
                n_input_files=result.n_input_files, n_batches=result.n_batches,
                n_duplicates=result.n_duplicates, notes=notes,
                seconds=round(result.seconds, 3), timings=result.timings)
    folder.write_info(info)
    state["info"] = info
    return result


def _in_memory(plan: Plan, t0: float) -> AnalyzeResult:
    """``write=False``: the same stages, in this process, tables kept in memory."""
    got: dict[str, list] = {}
    n_batches = n_dup = 0
    notes = list(plan.notes)
    for _i, arts, skip in plan.batches:
        n_batches += 1
        got.setdefault("skipped", []).append(skip)
        if arts.empty:
            continue
        try:
            tables = process_batch(arts, plan.batch_stages, plan.stage_options)
        except Exception as e:
            reason = f"pipeline failed on this article's batch: {type(e).__name__}: {e}"[:300]
            got["skipped"].append(schema.cast(pd.DataFrame(
                {"path": arts["path"], "line": arts["line"], "reason": reason}), "skipped"))
            continue
        n_dup += int(arts["duplicate_of"].notna().sum())
        for name, df in tables.items():
            got.setdefault(name, []).append(df)
    merged = {n: pd.concat(v, ignore_index=True) if len(v) > 1 else v[0].reset_index(drop=True)
              for n, v in got.items()}
    merged["skipped"] = schema.cast(merged["skipped"], "skipped")
    if "articles" not in merged:
        raise NewslabError(f"no articles could be processed in {plan.source}")
    names = [n for n in CORE_TABLES if n in merged] + [n for n in merged if n not in CORE_TABLES]
    tables = Tables(None, names, data=merged)
    n_articles = len(merged["articles"])
    for st in plan.corpus_stages:
        why = too_big(st, n_articles, plan.corpus_max_articles)
        if why or any(t not in tables for t in st.needs):
            notes.append(why or f"corpus-level stage '{st.name}' not run: it needs tables "
                                "this run did not make")
            continue
        for name, df in run_one(st, tables, plan.stage_options).items():
            tables[name] = whole(df)
    counts = {n: len(tables[n]) for n in tables}
    result = AnalyzeResult(tables, counts=counts, n_input_files=len(plan.files),
                           n_batches=n_batches, n_duplicates=n_dup,
                           skipped_head=_head(merged["skipped"].head(5).to_dict("records")),
                           notes=notes)
    result.findings = report.findings(tables, counts, by=plan.stage_options.get("by", []))
    result.seconds = time.perf_counter() - t0
    return result


def _head(records) -> pd.DataFrame:
    return schema.cast(pd.DataFrame(records[:5], columns=schema.columns("skipped")), "skipped")


def _version() -> str:
    from .. import __version__
    return __version__


class _NoBar:
    def update(self, n=1):
        pass

    def set_postfix_str(self, s, refresh=True):
        pass

    def close(self):
        pass
