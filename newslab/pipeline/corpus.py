"""The corpus stages: once, after the batches, over the tables read back from the parts.

Each corpus stage gets exactly the tables (and columns) its row in the stage table declares,
read from ``DIR/<table>/`` (:class:`newslab.pipeline.tables.Tables`), and the options it
declares. A stage with an article limit (``max_articles``: a number, or derived from the
memory this machine has) is not run above it, and the summary says why in numbers.
"""

from __future__ import annotations

import time
import warnings

from ..errors import NewslabError, NewslabWarning
from .batches import write_part
from .stages import METADATA, TEXT_FIELDS, PerArticle, available_memory
from .tables import Tables


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


def run_one(stage, tables, options: dict) -> dict:
    """Call one corpus stage with its declared tables, columns and options."""
    arg = {t: (tables[t] if cols is None else
               tables.columns(t, _with_keys(t, cols, options, tables)))
           for t, cols in stage.needs.items()}
    return stage.fn(arg, **{o: options[o] for o in stage.options if o in options})


def _with_keys(table: str, cols, options: dict, tables) -> list:
    """The columns a stage reads of ``table`` (``METADATA``: all but the text), with what
    its ``by`` keys read."""
    if cols == METADATA:
        return [c for c in tables.column_names(table) if c not in TEXT_FIELDS]
    cols = list(cols)
    if table == "articles" and options.get("by"):
        for c in [*options["by"], "date", "duplicate_of"]:
            if c not in cols:
                cols.append(c)
    return cols


def run_corpus_stages(plan, folder, names: list[str], n_articles: int, owned: set,
                      notes: list, timings: dict) -> tuple[dict, list]:
    """Run the plan's corpus stages; write what they return. Returns the row counts of the
    tables they made and the files written (relative to ``DIR``)."""
    out = plan.out
    tables = Tables(out, names)
    produced, files = {}, []
    for st in plan.corpus_stages:
        why = too_big(st, n_articles, plan.corpus_max_articles)
        if why:
            notes.append(why)
            continue
        missing = [t for t in st.needs if t not in tables]
        if missing:
            notes.append(f"corpus-level stage '{st.name}' not run: it needs the table(s) "
                         f"{', '.join(missing)}, which this run did not make")
            continue
        t0 = time.perf_counter()
        try:
            new = run_one(st, tables, plan.stage_options)
        except Exception as e:  # the batch tables stand; the summary says what is missing
            why = str(e) if isinstance(e, NewslabError) else f"{type(e).__name__}: {e}"
            notes.append(f"corpus-level stage '{st.name}' failed: {why[:300]}")
            warnings.warn(notes[-1], NewslabWarning, stacklevel=2)
            continue
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
            write_part(df, out, tname, 0)
            files.append(f"{tname}/part-00000.parquet")
            tables[tname] = df
            produced[tname] = len(df)
            if tname not in names:
                names.append(tname)
        timings[f"corpus stage {st.name}"] = time.perf_counter() - t0
    return produced, files
