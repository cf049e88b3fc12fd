"""The keywords of each article by one method in one shape, and the pipeline stage."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import schema
from ..errors import NewslabError
from .keyness import article_keyness
from .phrases import key_phrases, rake, yake_like
from .tfidf import tfidf

#: The keyword methods of :func:`keywords` (and of ``newslab evaluate keywords --method``).
METHODS = ("phrases", "tfidf", "keyness", "yake", "rake")
#: newslab's default (best) keyword method.
DEFAULT_METHOD = "phrases"
#: Columns of the pipeline's ``keywords`` table (``newslab.schema``).
KEYWORD_COLUMNS = schema.columns("keywords")


def keywords(tokens: pd.DataFrame, *, method: str = DEFAULT_METHOD, top: int | None = 10,
             sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """The keywords of each article by one method, in one tidy shape:
    ``article_id, method, term, score, rank`` (rank 1 = best).

    ``method``: ``"phrases"`` (:func:`key_phrases`, the default and best), ``"tfidf"``
    (:func:`tfidf`), ``"keyness"`` (:func:`article_keyness`, log-odds z against general
    English), ``"yake"`` (:func:`yake_like`) or ``"rake"`` (:func:`rake`).
    """
    if method == "phrases":
        df = key_phrases(tokens, top=top)
    elif method == "tfidf":
        df = tfidf(tokens, top=top, sentences=sentences)
    elif method == "keyness":
        df = article_keyness(tokens, top=top)
    elif method == "yake":
        df = yake_like(tokens, top=top)
    elif method == "rake":
        df = rake(tokens, top=top)
    else:
        raise NewslabError(f"unknown keyword method {method!r}; choose from "
                           f"{', '.join(METHODS)}")
    return pd.DataFrame({"article_id": pd.Series(df["group"].to_numpy(dtype=object),
                                                 dtype=object),
                         "method": method,
                         "term": pd.Series(df["term"].to_numpy(dtype=object), dtype=object),
                         "score": df["score"].to_numpy(dtype=np.float64),
                         "rank": df["rank"].to_numpy(dtype=np.int64)}, columns=KEYWORD_COLUMNS)


#: Methods the pipeline stage runs, and how many terms per article each keeps.
STAGE_METHODS = (("tfidf", 10), ("phrases", 10))


def keywords_stage(tables: dict) -> dict:
    """Corpus-level pipeline stage: needs ``tokens`` (``article_id, sentence_id, token_id,
    lower, is_stop, is_alpha``) and, for the paragraph idf of a single-article corpus,
    ``sentences`` (``article_id, sentence_id, paragraph_id``); returns ``{"keywords": ...}``:
    the top 10 TF-IDF terms and the top 10 key phrases of every article (columns
    ``article_id, method, term, score, rank``). Memory grows with the number of distinct
    (article, term) pairs (a sparse matrix; top-k selected per row), not with articles x
    vocabulary."""
    t = tables["tokens"]
    s = tables.get("sentences") if hasattr(tables, "get") else None
    parts = [keywords(t, method=m, top=k, sentences=s) for m, k in STAGE_METHODS]
    out = pd.concat(parts, ignore_index=True)
    return {"keywords": out.sort_values(["article_id", "method", "rank"], kind="mergesort")
            .reset_index(drop=True)}
