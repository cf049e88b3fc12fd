"""Whole corpora in memory: :func:`load_articles` and :func:`read_corpus`, which are all of
:func:`newslab.load.batches` concatenated (the walk's problems first in ``skipped``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import NewslabError
from .batcher import batches
from .table import frame
from .skipped import SKIPPED_COLUMNS, skipped_frame
from .folders import corpus_files

#: Articles per batch when a whole corpus is read at once (only memory depends on it).
WHOLE_BATCH = 10_000


@dataclass
class LoadResult:
    """What :func:`read_corpus` returns: the articles and the files or rows skipped."""

    articles: pd.DataFrame
    skipped: pd.DataFrame
    n_files: int = 0

    def summary(self) -> str:
        n_dup = int(self.articles["duplicate_of"].notna().sum()) if len(self.articles) else 0
        s = (f"{len(self.articles)} articles loaded from {self.n_files} file(s), "
             f"{len(self.skipped)} skipped")
        if n_dup:
            s += f", {n_dup} flagged as duplicates"
        return s


def read_corpus(path, *, columns: dict | None = None, repair_dashes: bool | None = None,
                require_articles: bool = True, batch_size: int = WHOLE_BATCH) -> LoadResult:
    """Read every article under ``path`` (see :mod:`newslab.load` for formats and rules)."""
    files, problems = corpus_files(path)
    arts, skips = [], []
    for _, a, s in batches(files, batch_size=batch_size, columns=columns,
                           repair_dashes=repair_dashes, problems=problems):
        arts.append(a)
        skips.append(s)
    articles = _concat(arts) if arts else frame([])
    skipped = skipped_frame(pd.concat(skips, ignore_index=True) if skips else [])
    if require_articles and articles.empty:
        reasons = "; ".join(f"{Path(p).name}: {r}" for p, r in
                            zip(skipped["path"][:3], skipped["reason"][:3]))
        raise NewslabError(f"no articles found in {path}" + (f" ({reasons})" if reasons else ""))
    return LoadResult(articles, skipped, n_files=len(files))


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    if len(frames) == 1:
        return frames[0]
    return pd.concat(frames, ignore_index=True)


def load_articles(path, *, columns: dict | None = None, repair_dashes: bool | None = None,
                  verbose: bool = True) -> pd.DataFrame:
    """Load a file or a folder of articles into the ``articles`` table.

    The skipped files and rows are in ``articles.attrs["skipped"]`` (a list of dicts) and,
    as a table, from :func:`skipped_table`. With ``verbose`` a one-line summary is printed.
    Raises :class:`NewslabError` when the path does not exist or holds no article.
    ``repair_dashes``: None repairs lost dashes only in files with the seed's signature
    (:mod:`newslab.load.dashes`), True in every file, False in none.
    """
    result = read_corpus(path, columns=columns, repair_dashes=repair_dashes)
    if verbose:
        print(result.summary())
    articles = result.articles
    articles.attrs["skipped"] = result.skipped.to_dict("records")
    return articles


def skipped_table(articles: pd.DataFrame) -> pd.DataFrame:
    """The files and rows that :func:`load_articles` could not use, with their reasons."""
    return skipped_frame(articles.attrs.get("skipped", []))


__all__ = ["LoadResult", "SKIPPED_COLUMNS", "load_articles", "read_corpus", "skipped_table"]
