"""Keyness of a target against a reference, by term frequencies.

The reference is the rest of the corpus, another tokens table, or general English
(``reference="english"``: word frequencies of the ``wordfreq`` package, read offline from
its package data). Two measures, both always given: the log-likelihood G2 (Dunning 1993;
Rayson and Garside 2000), signed so that positive means "more in the target", and the
weighted log-odds ratio with an informative Dirichlet prior and its z-score (Monroe,
Colaresi and Quinn 2008, "Fightin' Words").

These treat every word as an independent draw. Words cluster in documents (an article about
a summit says "summit" twenty times), so their p-values are far too small when the groups
are sets of articles: use :func:`newslab.keywords.document_keyness` to test whether groups
of articles differ.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import sparse

from ..errors import NewslabError
from .terms import _TOKEN_COLS, _counts, _need, _terms, _top_k_rows, term_mask

#: Size of the pseudo-corpus behind ``reference="english"`` (wordfreq frequencies times this):
#: 100 million words, the size of the British National Corpus.
ENGLISH_SIZE = 100_000_000
#: With ``reference="english"``, this many of English's most frequent terms are compared too.
ENGLISH_COMMON = 2000


def keyness_arrays(a, b, n_target, n_reference, *, prior=None, prior_size=None) -> dict:
    """Keyness of counts ``a`` (target) against ``b`` (reference), element-wise.

    ``n_target``/``n_reference`` are the sizes (total term counts) of the two sides.
    Returns a dict of arrays:

    - ``G2``: log-likelihood ratio (Dunning), always >= 0; ``p`` its chi-squared (1 df)
      p-value; ``log_ratio``: log2 of the ratio of relative frequencies (0.5 added to counts).
    - ``log_odds``, ``z``: Monroe et al.'s weighted log-odds ratio with an informative
      Dirichlet prior, and its z-score. The prior ``alpha_w = prior_size * prior_share_w``
      where ``prior_share`` is ``prior`` (default: the pooled share (a + b) / (n_t + n_r))
      and ``prior_size`` defaults to ``min(n_target, n_reference)``: a prior as strong as
      the smaller side, so a large reference (general English) does not swamp the target.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    c = np.asarray(n_target, dtype=np.float64)
    d = np.asarray(n_reference, dtype=np.float64)
    tot = a + b
    e1 = c * tot / (c + d)
    e2 = d * tot / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    g2 = np.maximum(2.0 * (t1 + t2), 0.0)
    share = tot / (c + d) if prior is None else np.asarray(prior, dtype=np.float64)
    a0 = np.minimum(c, d) if prior_size is None else np.asarray(prior_size, dtype=np.float64)
    alpha = a0 * share
    delta = (np.log((a + alpha) / (c + a0 - a - alpha))
             - np.log((b + alpha) / (d + a0 - b - alpha)))
    var = 1.0 / (a + alpha) + 1.0 / (b + alpha)
    from scipy.stats import chi2  # (SciPy's statistics: 0.4 CPU-s to import, on use only)
    return {
        "G2": g2,
        "p": chi2.sf(g2, 1),
        "log_ratio": np.log2(((a + 0.5) / c) / ((b + 0.5) / d)),
        "log_odds": delta,
        "z": delta / np.sqrt(var),
    }


@lru_cache(maxsize=1)
def _wordfreq_dict() -> dict:
    try:
        import wordfreq
    except ImportError:  # pragma: no cover - a dependency
        raise NewslabError("reference='english' needs the wordfreq package") from None
    return wordfreq.get_frequency_dict("en", wordlist="best")


def english_frequencies(terms) -> np.ndarray:
    """Relative frequencies of ``terms`` in general English (``wordfreq``, 'best' list,
    offline). Words it lacks get its smallest frequency (about 1e-8); hyphenated words and
    abbreviations ("u.s.") are looked up through ``wordfreq.word_frequency`` (which
    tokenizes them its own way)."""
    import wordfreq
    d = _wordfreq_dict()
    floor = min(d.values())
    out = np.empty(len(terms), dtype=np.float64)
    for i, w in enumerate(terms):
        f = d.get(w)
        if f is None:
            f = (wordfreq.word_frequency(w, "en", minimum=floor) if ("-" in w or "." in w)
                 else floor)
        out[i] = f
    return out


def _score(a, b, n_t, n_r, measure, *, prior=None, prior_size=None) -> np.ndarray:
    k = keyness_arrays(a, b, n_t, n_r, prior=prior, prior_size=prior_size)
    if measure == "g2":
        return np.where(np.asarray(a) / n_t >= np.asarray(b) / n_r, k["G2"], -k["G2"])
    if measure == "log_odds":
        return k["z"]
    raise NewslabError(f"keyness measure must be 'log_odds' or 'g2', not {measure!r}")


def _key_table(vocab, a, b, n_t, n_r, *, measure, prior=None, prior_size=None,
               group="target") -> pd.DataFrame:
    k = keyness_arrays(a, b, n_t, n_r, prior=prior, prior_size=prior_size)
    if measure == "g2":
        score = np.where(a / n_t >= b / n_r, k["G2"], -k["G2"])
    elif measure == "log_odds":
        score = k["z"]
    else:
        raise NewslabError(f"keyness measure must be 'log_odds' or 'g2', not {measure!r}")
    df = pd.DataFrame({
        "group": group, "term": pd.Series(vocab, dtype=object), "score": score,
        "n_target": np.asarray(a, dtype=np.int64), "n_reference": np.round(b).astype(np.int64),
        "per_million_target": 1e6 * np.asarray(a) / n_t,
        "per_million_reference": 1e6 * np.asarray(b) / n_r,
        "log_ratio": k["log_ratio"], "G2": k["G2"], "p": k["p"],
        "log_odds": k["log_odds"], "z": k["z"],
    })
    df["key_for"] = np.where(score >= 0, "target", "reference")
    return df


def _preselect(score: np.ndarray, top) -> np.ndarray:
    """Indices of the ``top`` highest positive and ``top`` lowest negative scores (ties by
    index: the vocabulary is sorted, so alphabetically), or all indices when top is None."""
    if top is None:
        return np.arange(len(score))
    idx = np.arange(len(score))
    pos = np.lexsort((idx, -score))
    pos = pos[score[pos] > 0][:top]
    neg = np.lexsort((idx, score))
    neg = neg[score[neg] < 0][:top]
    return np.sort(np.r_[pos, neg])


def _finish_keyness(df: pd.DataFrame, top, by=("group",)) -> pd.DataFrame:
    """Sort by score (ties alphabetical), keep ``top`` each way, then rank: ``rank`` is the
    position within the group of the returned table (1 = most key for the target)."""
    df = df.sort_values([*by, "score", "term"], ascending=[True] * len(by) + [False, True],
                        kind="mergesort")
    if top is not None:
        fwd = df.groupby(list(by), sort=False).cumcount().to_numpy()
        rev = df.groupby(list(by), sort=False).cumcount(ascending=False).to_numpy()
        df = df[((fwd < top) & (df["score"] > 0)) | ((rev < top) & (df["score"] < 0))]
    df = df.copy()
    df["rank"] = df.groupby(list(by), sort=False).cumcount().to_numpy() + 1
    cols = ["group", "term", "score", "rank"] + [c for c in df.columns
                                                  if c not in ("group", "term", "score", "rank")]
    return df[cols].reset_index(drop=True)


def keyness(tokens: pd.DataFrame, target, *, reference="rest", measure: str = "log_odds",
            min_count: int = 2, top: int | None = None, prior_size: float | None = None,
            group: str = "target") -> pd.DataFrame:
    """Keyness of a target part of the corpus against a reference.

    ``target``: a boolean array-like aligned with ``tokens`` rows, or a collection of
    article ids. ``reference``: ``"rest"`` (the tokens not in the target), ``"english"``
    (general English from ``wordfreq``, as a corpus of :data:`ENGLISH_SIZE` words), or
    another tokens table. ``measure`` sets ``score``: ``"log_odds"`` (the z-score of the
    weighted log-odds ratio) or ``"g2"`` (signed log-likelihood); both are in the table.
    Terms seen fewer than ``min_count`` times on both sides together are left out; against
    English, the target's terms seen ``min_count`` times are compared, plus English's
    :data:`ENGLISH_COMMON` most frequent terms (so that the words a text avoids appear as
    negative keywords).
    ``top``: keep the ``top`` terms each way (most key for the target, most key for the
    reference), else every term.

    Columns: ``group, term, score, rank, n_target, n_reference, per_million_target,
    per_million_reference, log_ratio, G2, p, log_odds, z, key_for`` (``target`` or
    ``reference``); sorted by score, rank 1 = most key for the target.
    """
    _need(tokens, _TOKEN_COLS, "keyness")
    if isinstance(target, (pd.Series, np.ndarray, list)) and len(target) == len(tokens) and \
            np.asarray(target).dtype == bool:
        tmask = np.asarray(target, dtype=bool)
    else:
        ids = set([target] if isinstance(target, str) else target)
        tmask = tokens["article_id"].isin(ids).to_numpy()
    tm = term_mask(tokens)
    low = tokens["lower"].to_numpy(dtype=object)
    tgt = pd.Series(low[tm & tmask]).value_counts()
    if tgt.empty:
        raise NewslabError("keyness: the target has no terms")
    if isinstance(reference, str) and reference == "rest":
        ref = pd.Series(low[tm & ~tmask]).value_counts()
        if ref.empty:
            raise NewslabError("keyness: the reference (the rest of the corpus) has no terms")
    elif isinstance(reference, str) and reference == "english":
        return _english_keyness(tgt, measure=measure, min_count=min_count, top=top,
                                prior_size=prior_size, group=group)
    elif isinstance(reference, pd.DataFrame):
        _need(reference, _TOKEN_COLS, "keyness reference")
        ref = pd.Series(reference["lower"].to_numpy(dtype=object)[term_mask(reference)]
                        ).value_counts()
    else:
        raise NewslabError("keyness: reference must be 'rest', 'english' or a tokens table")
    both = pd.concat([tgt.rename("a"), ref.rename("b")], axis=1).fillna(0)
    both = both[both["a"] + both["b"] >= min_count].sort_index()
    df = _key_table(both.index.to_numpy(dtype=object), both["a"].to_numpy(),
                    both["b"].to_numpy(), float(tgt.sum()), float(ref.sum()),
                    measure=measure, prior_size=prior_size, group=group)
    return _finish_keyness(df, top)


@lru_cache(maxsize=4)
def common_english(n: int = ENGLISH_COMMON) -> tuple:
    """The ``n`` most frequent words of general English (wordfreq) that would be terms:
    alphabetic, not stop words, two letters or more."""
    from ..tokenize import STOP_WORDS
    out = []
    for w in _wordfreq_dict():  # ordered by frequency, most frequent first
        if len(w) > 1 and w.isalpha() and w.isascii() and w not in STOP_WORDS:
            out.append(w)
            if len(out) == n:
                break
    return tuple(out)


def _english_keyness(tgt: pd.Series, *, measure, min_count, top, prior_size, group):
    tgt = tgt[tgt >= min_count] if min_count > 1 else tgt
    # English's common words join the vocabulary, so that words the target lacks (or uses
    # rarely) can show up as negative keywords
    tgt = tgt.reindex(tgt.index.union(pd.Index(common_english()))).fillna(0).sort_index()
    vocab = tgt.index.to_numpy(dtype=object)
    f = english_frequencies(vocab)
    b = f * ENGLISH_SIZE
    df = _key_table(vocab, tgt.to_numpy(), b, float(tgt.sum()), float(ENGLISH_SIZE),
                    measure=measure, prior=f, prior_size=prior_size, group=group)
    return _finish_keyness(df, top)


def keyness_by(tokens: pd.DataFrame, groups, *, measure: str = "log_odds",
               min_count: int = 2, top: int | None = 20,
               prior_size: float | None = None) -> pd.DataFrame:
    """Keyness of every group against the rest of the corpus, one pass over a sparse
    group x term matrix.

    ``groups``: the name of a column of ``tokens``, or a mapping / Series from article_id to
    a group label (an outlet, a month...). Articles without a group are left out of both
    sides. Columns as :func:`keyness`, ``group`` holding the label; ``top`` terms each way
    per group (None: all terms seen ``min_count`` times in the corpus).

    Its scores rank terms well, but its p-values count words as independent draws: between
    groups of articles use :func:`newslab.keywords.document_keyness`, whose p and q hold.
    """
    _need(tokens, _TOKEN_COLS, "keyness_by")
    t = _terms(tokens, extra=[groups] if isinstance(groups, str) else ())
    if isinstance(groups, str):
        _need(tokens, [groups], "keyness_by")
        labels = t[groups]
    else:
        labels = t["article_id"].map(pd.Series(groups) if isinstance(groups, dict) else groups)
    ok = labels.notna().to_numpy()
    t, labels = t[ok], labels[ok]
    gcodes, gnames = pd.factorize(labels, sort=True)
    if len(gnames) < 2:
        raise NewslabError("keyness_by needs at least two groups")
    counts, vocab = _counts(gcodes, t["lower"].to_numpy(dtype=object), len(gnames))
    total = np.asarray(counts.sum(axis=0)).ravel()
    keep = total >= min_count
    counts, vocab, total = counts[:, keep], vocab[keep], total[keep]
    sizes = np.asarray(counts.sum(axis=1)).ravel()
    n_all = sizes.sum()
    parts = []
    for g in range(len(gnames)):
        a = counts[g].toarray().ravel()
        keep = _preselect(_score(a, total - a, sizes[g], n_all - sizes[g], measure,
                                 prior_size=prior_size), top)
        df = _key_table(vocab[keep], a[keep], (total - a)[keep], sizes[g], n_all - sizes[g],
                        measure=measure, prior_size=prior_size, group=gnames[g])
        parts.append(_finish_keyness(df, top))
    return pd.concat(parts, ignore_index=True)


def article_keyness(tokens: pd.DataFrame, *, measure: str = "log_odds", top: int | None = 10,
                    min_count: int = 1, prior_size: float | None = None) -> pd.DataFrame:
    """Keywords of each article against general English (``wordfreq``), vectorised over a
    sparse article x term matrix: the terms an article uses more than English does.

    Columns: ``group`` (= article_id), ``term, score, rank, n, G2, log_odds, z``; only terms
    more frequent in the article than in English, ``top`` per article.
    """
    t = _terms(tokens)
    codes, arts = pd.factorize(t["article_id"], sort=False)
    if len(arts) == 0:
        return pd.DataFrame(columns=["group", "term", "score", "rank", "n", "G2", "log_odds",
                                     "z"])
    counts, vocab = _counts(codes, t["lower"].to_numpy(dtype=object), len(arts))
    f = english_frequencies(vocab)
    x = counts.tocoo()
    sizes = np.asarray(counts.sum(axis=1)).ravel()
    a = x.data
    keep = a >= min_count
    rows, cols, a = x.row[keep], x.col[keep], a[keep]
    k = keyness_arrays(a, f[cols] * ENGLISH_SIZE, sizes[rows], float(ENGLISH_SIZE),
                       prior=f[cols], prior_size=prior_size)
    if measure == "g2":
        score = np.where(a / sizes[rows] >= f[cols], k["G2"], -k["G2"])
    elif measure == "log_odds":
        score = k["z"]
    else:
        raise NewslabError(f"keyness measure must be 'log_odds' or 'g2', not {measure!r}")
    m = sparse.csr_matrix((score, (rows, cols)), shape=counts.shape)
    r, c, v, rank = _top_k_rows(m, top, positive=True)
    kk = keyness_arrays(np.asarray(counts[r, c]).ravel(), f[c] * ENGLISH_SIZE, sizes[r],
                        float(ENGLISH_SIZE), prior=f[c], prior_size=prior_size)
    return pd.DataFrame({
        "group": pd.Series(np.asarray(arts, dtype=object)[r], dtype=object),
        "term": pd.Series(vocab[c], dtype=object), "score": v,
        "rank": rank.astype(np.int64), "n": np.asarray(counts[r, c]).ravel().astype(np.int64),
        "G2": kk["G2"], "log_odds": kk["log_odds"], "z": kk["z"],
    })
