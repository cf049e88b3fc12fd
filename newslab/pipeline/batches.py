"""Running the batch stages: one batch of articles in a worker, and the driver's loop.

A worker runs the plan's batch stages on its batch (:func:`process_batch`), puts every
table's rows in input order (articles in the order they were read, each article's rows in
the order its stage gave them, so that the result is the same for any ``batch_size`` and
``jobs``), and writes each table of batch ``i`` to ``DIR/<table>/part-<i>.parquet``
atomically (a part is whole or absent). Only row counts travel back.
"""

from __future__ import annotations

import gc
import os
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .. import schema
from ..errors import NewslabWarning
from .resume import fingerprint, reusable
from .tables import part_path


class StageError(Exception):
    """A stage broke its declaration (returned a table it does not declare)."""


def process_batch(articles: pd.DataFrame, stages, options=None) -> dict[str, pd.DataFrame]:
    """Run ``stages`` (batch stages, in order) on one batch of articles; every table in
    input order."""
    options = options or {}
    tables = {"articles": articles}
    for st in stages:
        inputs = {t: tables[t] for t in st.needs if t in tables}
        kwargs = {o: options[o] for o in st.options if o in options}
        new = st.fn(inputs, **kwargs)
        for name in new:
            if not st.makes(name):
                raise StageError(f"stage '{st.name}' returned the table '{name}', which it "
                                 f"does not declare (it declares {', '.join(st.produces)})")
        tables.update(new)
    ids = articles["article_id"].to_numpy()
    return {name: (df if name == "articles" else input_order(df, ids))
            for name, df in tables.items()}


def input_order(df: pd.DataFrame, article_ids) -> pd.DataFrame:
    """``df``'s rows ordered by their article's position in ``article_ids`` (stable: an
    article's own rows keep their order). Tables without ``article_id`` are unchanged."""
    if "article_id" not in df.columns or len(df) < 2:
        return df
    pos = pd.Index(article_ids).get_indexer(df["article_id"])
    if (np.diff(pos) >= 0).all():
        return df
    return df.iloc[np.argsort(pos, kind="stable")].reset_index(drop=True)


def write_part(df: pd.DataFrame, out, name: str, index: int) -> Path:
    """Write ``df`` as part ``index`` of table ``name``, atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    p = part_path(out, name, index)
    p.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pandas(df, preserve_index=False)
    tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, p)
    return p


#: While a batch runs, Python's collector makes its full pass (over every object the process
#: holds: models, lexicons, caches) after this many passes over the middle generation
#: instead of 10; young objects are collected as usual. On 2,000 BBC articles the full
#: passes took 0.45 of 4.3 CPU-s of the batch stages, 0.24 with this. Results never depend
#: on it.
FULL_GC_EVERY = 100


@contextmanager
def fewer_full_collections():
    """Within the block, the collector's full passes are rarer (:data:`FULL_GC_EVERY`);
    the thresholds are put back after it."""
    old = gc.get_threshold()
    gc.set_threshold(old[0], old[1], max(old[2], FULL_GC_EVERY))
    try:
        yield
    finally:
        gc.set_threshold(*old)


def run_batch(index: int, articles: pd.DataFrame, out: str, stages, options=None) -> dict:
    """Process batch ``index`` and write its tables; return what was written.

    This is what runs in a worker process or on a Dask worker. A stage that fails does not
    stop the run: the batch's articles are returned as skipped, with the error.
    """
    with fewer_full_collections():
        try:
            tables = process_batch(articles, stages, options)
        except Exception as e:  # reported as skipped rows; the run goes on
            return {"batch": index, "error": f"{type(e).__name__}: {e}"[:300]}
        rows, files = {}, []
        for name, df in tables.items():
            write_part(df, out, name, index)
            files.append(f"{name}/{part_path('.', name, index).name}")
            rows[name] = len(df)
    return {"batch": index, "rows": rows, "files": files}


@dataclass
class BatchOutcome:
    """What the batch phase made."""

    counts: dict = field(default_factory=dict)
    parts: dict = field(default_factory=dict)  # table -> batch indices
    files: list = field(default_factory=list)  # relative paths of every part
    n_batches: int = 0
    n_resumed: int = 0
    n_duplicates: int = 0
    skipped_head: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def run_batches(plan, folder, engine, batch_iter, previous: dict, bar) -> BatchOutcome:
    """Submit every batch (or keep it from the previous run), record each in the manifest
    as it finishes, and return the counts."""
    out = plan.out
    res = BatchOutcome()
    in_flight: dict[int, tuple] = {}  # batch -> (fingerprint, n_skip, n_dup, where)
    planned = [t for st in plan.batch_stages for t in st.produces]

    def record(entry, write=True):
        for name, n in entry["rows"].items():
            res.counts[name] = res.counts.get(name, 0) + n
            res.parts.setdefault(name, set()).add(entry["batch"])
            res.files.append(f"{name}/{part_path('.', name, entry['batch']).name}")
        if write:  # the manifest is append-only: a later line for a batch wins
            folder.append(entry)

    def finish(results):
        for r in results:
            i = r["batch"]
            fp, n_skip, ndup, where = in_flight.pop(i)
            if "error" in r:  # a stage failed on this batch: its articles become skipped rows
                reason = f"pipeline failed on this article's batch: {r['error']}"
                extra = pd.DataFrame({"path": where[0], "line": where[1],
                                      "reason": [reason] * len(where[0])})
                skip = pd.concat([_read_skipped(out, i), extra], ignore_index=True)
                skip = schema.cast(skip, "skipped")
                write_part(skip, out, "skipped", i)
                res.skipped_head.extend(skip.head(5).to_dict("records"))
                rows = {"skipped": len(skip)}
                res.failed.append((i, len(where[0]), r["error"]))
                warnings.warn(f"batch {i} ({len(where[0])} articles) failed and was recorded "
                              f"in the skipped table: {r['error']}", NewslabWarning,
                              stacklevel=2)
                ndup = 0
            else:
                rows = dict(r["rows"], skipped=n_skip)
            res.n_duplicates += ndup
            entry = {"batch": i, "fingerprint": fp, "rows": rows, "duplicates": ndup,
                     "files": sorted({f"{n}/{part_path('.', n, i).name}" for n in rows})}
            if "error" in r:
                entry["failed"] = r["error"]  # tried again by --resume
            record(entry)
            bar.set_postfix_str(f"{res.counts.get('articles', 0)} articles", refresh=False)

    window = 2 * plan.jobs
    for i, arts, skip in batch_iter:
        res.n_batches += 1
        fp = fingerprint(arts, skip)
        prev = previous.get(i)
        if reusable(prev, fp, out, part_path):
            res.n_resumed += 1
            res.n_duplicates += prev.get("duplicates", 0)
            record(prev, write=False)
            if prev["rows"].get("skipped") and len(res.skipped_head) < 5:
                res.skipped_head.extend(skip.head(5).to_dict("records"))
            continue
        files = sorted({f"skipped/{part_path('.', 'skipped', i).name}"} | {
            f"{t}/{part_path('.', t, i).name}" for t in ["articles", *planned]})
        folder.append({"batch": i, "start": fp, "files": files})
        write_part(skip, out, "skipped", i)
        if len(res.skipped_head) < 5:
            res.skipped_head.extend(skip.head(5).to_dict("records"))
        ndup = int(arts["duplicate_of"].notna().sum()) if len(arts) else 0
        if arts.empty:
            record({"batch": i, "fingerprint": fp, "rows": {"skipped": len(skip)},
                    "duplicates": 0,
                    "files": [f"skipped/{part_path('.', 'skipped', i).name}"]})
            continue
        in_flight[i] = (fp, len(skip), ndup, (arts["path"].tolist(), arts["line"].tolist()))
        engine.submit(i, arts)
        del arts
        finish(engine.poll())
        while engine.pending >= window:
            finish(engine.wait())
    finish(engine.wait(all_=True))
    return res


def _read_skipped(out, index) -> pd.DataFrame:
    p = part_path(out, "skipped", index)
    return pd.read_parquet(p) if p.exists() else schema.empty("skipped")
