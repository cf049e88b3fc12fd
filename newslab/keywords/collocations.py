"""Collocations: NLTK's bigram and trigram finders within sentences, PMI or likelihood ratio."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import NewslabError
from .terms import _TOKEN_COLS, _need, term_mask


def _sentence_word_lists(tokens: pd.DataFrame) -> list[list[str]]:
    aid = tokens["article_id"].to_numpy(dtype=object)
    sid = tokens["sentence_id"].to_numpy()
    n = len(tokens)
    if n == 0:
        return []
    cut = np.flatnonzero((sid[1:] != sid[:-1]) | (aid[1:] != aid[:-1])) + 1
    low = tokens["lower"].tolist()
    bounds = np.r_[0, cut, n]
    return [low[s:e] for s, e in zip(bounds[:-1], bounds[1:])]


def collocations(tokens: pd.DataFrame, *, measure: str = "likelihood_ratio",
                 min_freq: int = 3, top: int | None = 20, n: int = 2,
                 by: str | None = None) -> pd.DataFrame:
    """Collocations with NLTK's collocation finders (``BigramCollocationFinder`` or, with
    ``n=3``, ``TrigramCollocationFinder``), within sentences.

    The n-grams are formed on all tokens of a sentence, then those with a word that is not
    a term (stop word, punctuation, number) are filtered out, so "secretary of state" is not
    a bigram "secretary state". ``measure``: ``"likelihood_ratio"`` (Dunning's G2, favours
    frequent pairs) or ``"pmi"`` (pointwise mutual information, favours rare exclusive
    pairs; keep ``min_freq`` >= 3 with it). ``by``: a column of ``tokens`` to find
    collocations per group (default: the whole table is one group, ``"all"``).

    Columns: ``group, term, score, rank, n`` (frequency of the n-gram), ``measure``.
    """
    from nltk.collocations import (BigramAssocMeasures, BigramCollocationFinder,
                                   TrigramAssocMeasures, TrigramCollocationFinder)
    _need(tokens, _TOKEN_COLS, "collocations")
    if n not in (2, 3):
        raise NewslabError("collocations: n must be 2 or 3")
    if measure not in ("pmi", "likelihood_ratio"):
        raise NewslabError(f"collocations: measure must be 'pmi' or 'likelihood_ratio', "
                           f"not {measure!r}")
    finder_cls, measures = ((BigramCollocationFinder, BigramAssocMeasures()) if n == 2 else
                            (TrigramCollocationFinder, TrigramAssocMeasures()))
    score_fn = getattr(measures, measure)
    groups = [("all", tokens)] if by is None else list(tokens.groupby(by, sort=True))
    terms_ok = set(tokens["lower"].to_numpy(dtype=object)[term_mask(tokens)])
    rows = []
    for gname, t in groups:
        finder = finder_cls.from_documents(_sentence_word_lists(t))
        finder.apply_freq_filter(min_freq)
        finder.apply_word_filter(lambda w: w not in terms_ok)
        scored = finder.score_ngrams(score_fn)
        scored.sort(key=lambda x: (-x[1], x[0]))
        for r, (ng, sc) in enumerate(scored[:top] if top else scored, start=1):
            rows.append((gname, " ".join(ng), float(sc), r, int(finder.ngram_fd[ng]), measure))
    return pd.DataFrame(rows, columns=["group", "term", "score", "rank", "n", "measure"])
