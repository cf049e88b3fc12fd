"""The main job: ``newslab analyze PATH --out DIR``.

Articles are read in batches (:func:`newslab.load.iter_batches`); each batch goes through the
per-article stages (sentences, tokens, then every entry of :data:`BATCH_STAGES`); then the
corpus-level stages (:data:`CORPUS_STAGES`, which need the whole corpus, such as TF-IDF) run
once. Each table is written to ``DIR`` under its name, as CSV and, where pyarrow is
installed, Parquet.

A stage is a function ``stage(tables: dict[str, DataFrame]) -> dict[str, DataFrame]`` that
reads the tables produced so far and returns new ones; register it by its dotted path so
that importing the pipeline stays cheap.
"""

from __future__ import annotations

import importlib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import tokenize
from .errors import NewslabError
from .load import iter_batches

#: Per-batch stages, in order: (name, "module:function").
BATCH_STAGES: list[tuple[str, str]] = []
#: Whole-corpus stages, run once after the batches: (name, "module:function").
CORPUS_STAGES: list[tuple[str, str]] = []

#: Columns left out of CSV files (lists do not round-trip through CSV; ``text`` holds them).
CSV_DROP = {"articles": ["paragraphs"]}


@dataclass
class AnalyzeResult:
    """What :func:`analyze` did: the tables (in memory) and the files written."""

    tables: dict[str, pd.DataFrame]
    files: list[Path] = field(default_factory=list)
    n_input_files: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        t = self.tables
        n_art = len(t["articles"])
        n_skip = len(t["skipped"])
        n_dup = int(t["articles"]["duplicate_of"].notna().sum())
        lines = [f"newslab analyze: {n_art} articles ({n_dup} flagged as duplicates), "
                 f"{n_skip} skipped, {len(t['sentences'])} sentences, "
                 f"{len(t['tokens'])} tokens"]
        for name, df in t.items():
            if name not in ("articles", "skipped", "sentences", "tokens"):
                lines.append(f"  {name}: {len(df)} rows")
        if n_skip:
            for r in t["skipped"].head(5).itertuples():
                where = f":{r.line}" if pd.notna(r.line) else ""
                lines.append(f"  skipped {r.path}{where}: {r.reason}")
            if n_skip > 5:
                lines.append(f"  ... and {n_skip - 5} more (see skipped.csv)")
        return "\n".join(lines)


def _resolve(spec: str):
    mod, fn = spec.split(":")
    return getattr(importlib.import_module(mod), fn)


def process_batch(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Run the per-article stages on one batch of articles."""
    tables = {"articles": articles}
    tables["sentences"] = tokenize.sentences(articles)
    tables["tokens"] = tokenize.tokens(tables["sentences"])
    for _name, spec in BATCH_STAGES:
        tables.update(_resolve(spec)(tables))
    return tables


def analyze(path, out="results", *, columns: dict | None = None, batch_size: int = 500,
            write: bool = True, quiet: bool = False) -> AnalyzeResult:
    """Run the pipeline over the corpus at ``path`` and write its tables to ``out``."""
    t0 = time.perf_counter()
    parts: dict[str, list[pd.DataFrame]] = {}
    skipped = []
    for batch, skip in iter_batches(path, batch_size=batch_size, columns=columns):
        skipped.append(skip)
        if len(batch):
            for name, df in process_batch(batch).items():
                parts.setdefault(name, []).append(df)
    tables = {name: pd.concat(dfs, ignore_index=True) for name, dfs in parts.items()}
    if "articles" not in tables or tables["articles"].empty:
        skip = pd.concat(skipped, ignore_index=True) if skipped else None
        reasons = ""
        if skip is not None and len(skip):
            reasons = " (" + "; ".join(f"{Path(p).name}: {r}" for p, r in
                                       zip(skip["path"][:3], skip["reason"][:3])) + ")"
        raise NewslabError(f"no articles found in {path}{reasons}")
    tables["skipped"] = pd.concat(skipped, ignore_index=True)
    tables["skipped"]["line"] = tables["skipped"]["line"].astype("Int64")
    for _name, spec in CORPUS_STAGES:
        tables.update(_resolve(spec)(tables))
    order = ["articles", "skipped", "sentences", "tokens"]
    tables = {k: tables[k] for k in order + [k for k in tables if k not in order]}
    result = AnalyzeResult(tables, n_input_files=0)
    if write:
        result.files = write_tables(tables, out)
    result.seconds = time.perf_counter() - t0
    if not quiet:
        print(result.summary())
        if write:
            print(f"tables written to {out}/: "
                  + ", ".join(sorted({f.stem for f in result.files})))
    return result


def write_tables(tables: dict[str, pd.DataFrame], out) -> list[Path]:
    """Write each table as ``out/NAME.csv`` and, with pyarrow, ``out/NAME.parquet``."""
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise NewslabError(f"cannot create output folder {out}: {e.strerror}") from None
    try:
        import pyarrow  # noqa: F401
        has_parquet = True
    except ImportError:
        has_parquet = False
    files = []
    for name, df in tables.items():
        csv_df = df.drop(columns=CSV_DROP.get(name, []), errors="ignore")
        p = out / f"{name}.csv"
        csv_df.to_csv(p, index=False)
        files.append(p)
        if has_parquet:
            p = out / f"{name}.parquet"
            df.to_parquet(p, index=False)
            files.append(p)
    return files


def _eprint(msg: str) -> None:
    print(msg, file=sys.stderr)
