"""Keyness between groups of articles that you can trust: count articles, not words.

Why
    :func:`newslab.keywords.keyness_by` (G2, log-odds) treats every word of a group as an
    independent draw. Words cluster in documents: one article about a summit says "summit"
    twenty times, so a term that a single article repeats looks like a difference between
    whole groups. Between two groups of articles assigned *at random*, G2 calls 14-17% of
    the terms significant at 0.05, with p-values down to 1e-161 (official statements
    corpus, below): its p-values do not describe groups of articles.

Method (:func:`document_keyness`)
    The unit is the article. For each group against the rest and each term, count the
    articles that contain the term in the group (``a`` of ``n1``) and in the rest (``b`` of
    ``n2``). If group labels were assigned to articles at random, ``a`` would follow the
    hypergeometric distribution (``N = n1 + n2`` articles, ``a + b`` of them with the term,
    ``n1`` drawn). The test of that 2 x 2 table (:func:`article_test`) is the 'N - 1'
    chi-squared test, and Fisher's exact test (twice the smaller tail) where an expected
    cell is below 1 (Campbell 2007); p-values are computed in logs, so that very small ones
    do not underflow. The effect size is the log odds ratio of the article shares (0.5
    added to each cell) and the shares themselves; ``q`` is the Benjamini-Hochberg false
    discovery rate over the terms tested for the group: read ``q``, not ``p``. ``score`` is
    ``-log10 p``, signed (+ = more articles of the group use the term), so rank 1 is the
    strongest evidence for the group. Only terms found in at least ``min_articles``
    articles are tested (a choice made from the whole corpus, blind to the labels).

Validation
    ``tests/test_keywords.py``: on a generated corpus of bursty words, random groupings give
    p < 0.05 for about 5% of the tested terms or fewer (G2 on the same corpus: far more).
    On the official statements corpus (``../shared/corpora/official_statements``: 2,589
    texts of state.gov and en.kremlin.ru once duplicates are out), ten random splits of
    the articles into the two outlets' sizes give 3.6% to 6.0% of the 7,557 tested terms
    at p < 0.05 (mean 4.2%; G2 on the same splits: 14% to 17%, smallest p 1e-43 to
    1e-161) and no term at q < 0.05, while the split by outlet gives 4,059 terms at
    q < 0.05 (Putin, Russia for the Kremlin; U.S., Secretary, Blinken for State).
    The CI test uses a fixed subsample of 600 texts (seconds): 2.8% to 8.2%, mean 4.75%,
    one split of ten with terms at q < 0.05 (2 terms); the outlets: 1,165 terms.

Where it fails
    - It ignores how often an article uses a term: a term used once and a term used twenty
      times count the same (the token counts ``n_target``/``n_reference`` are given beside
      it). It has little power for terms found in few articles, and none for a term found in
      almost every article.
    - Longer articles contain more distinct terms: a group of long articles shows many terms
      over-represented. That is a real difference between the articles, but it may be one
      of length rather than of vocabulary; compare ``share_*`` with the groups' lengths.
    - Articles are assumed exchangeable. Dependence above the article (one story syndicated
      to many outlets, duplicates, a series by one author, an outlet's boilerplate) is not
      removed; the pipeline leaves flagged duplicates out by default.
    - The p-values of different terms are correlated (they share the articles), so the
      share of terms below 0.05 in one random split varies around 5% (8% in one of the
      splits above); ``q`` controls the false discovery rate within one group's list, so
      about one null split in twenty has a few terms with q < 0.05; many groups and keys
      multiply the lists.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.special import log_ndtr

from ..errors import NewslabError
from .keyness import _finish_keyness
from .terms import _TOKEN_COLS, _need, article_term_counts

#: Fewest articles a term must appear in (corpus-wide) to be tested.
MIN_ARTICLES = 5
#: Fisher's exact test where the smallest expected cell count is below this, else the
#: 'N - 1' chi-squared test (Campbell 2007).
EXACT_BELOW = 1.0
#: False discovery rate the pipeline's ``keyness_by_<key>`` tables keep (q below it).
ALPHA = 0.05


def benjamini_hochberg(p) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values) of ``p``, in the same order."""
    p = np.asarray(p, dtype=np.float64)
    m = len(p)
    if m == 0:
        return p.copy()
    order = np.argsort(p, kind="mergesort")
    ranked = p[order] * m / np.arange(1, m + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(q, 1.0)
    return out


def article_test(a, n_target, df, n_articles, *, exact_below: float = EXACT_BELOW) -> dict:
    """The test of a 2 x 2 table of article counts, element-wise (vectorised over terms).

    ``a``: articles of the target that contain the term, of ``n_target``; ``df``: articles of
    the whole comparison (target + reference) that contain it, of ``n_articles``. Under
    random labels ``a`` is hypergeometric. Where the smallest expected cell is below
    ``exact_below``, Fisher's exact test (two-sided: twice the smaller tail, at most 1);
    elsewhere the 'N - 1' chi-squared test (Pearson's statistic times (N - 1) / N, 1 df),
    which keeps the nominal level when every expected cell is at least 1 (Campbell 2007,
    Statistics in Medicine 26: 3661-3675) and costs nothing at any corpus size.

    Returns ``p``, ``log10_p`` (no underflow), ``log_odds_ratio`` (0.5 added to every cell),
    ``direction`` (+1 when the target's share is at least the reference's, else -1) and
    ``exact`` (which terms got Fisher's test)."""
    a = np.asarray(a, dtype=np.float64)
    k = np.asarray(df, dtype=np.float64)
    n1 = np.broadcast_to(np.asarray(n_target, dtype=np.float64), a.shape)
    n = np.broadcast_to(np.asarray(n_articles, dtype=np.float64), a.shape)
    b, n2 = k - a, n - n1
    with np.errstate(divide="ignore", invalid="ignore"):
        emin = np.minimum(k, n - k) * np.minimum(n1, n2) / n
        stat = (a * (n2 - b) - b * (n1 - a)) ** 2 * (n - 1) / (n1 * n2 * k * (n - k))
    # chi-squared (1 df) upper tail = 2 * Phi(-sqrt(stat)); log_ndtr does not underflow
    logp = np.log(2.0) + log_ndtr(-np.sqrt(np.nan_to_num(stat, nan=0.0)))
    exact = emin < exact_below
    if exact.any():   # each distinct 2 x 2 table once (rare terms share a few tables)
        cells, inv = np.unique(np.stack([a[exact], n[exact], k[exact], n1[exact]], axis=1),
                               axis=0, return_inverse=True)
        ae, ne, ke, n1e = cells.T
        from scipy.stats import hypergeom  # (0.4 CPU-s to import, on use only)
        lo = hypergeom.cdf(ae, ne, ke, n1e)
        hi = hypergeom.sf(ae - 1, ne, ke, n1e)
        with np.errstate(divide="ignore"):
            le = np.log(np.minimum(lo, hi))
        tiny = np.minimum(lo, hi) < 1e-300
        if tiny.any():  # underflow: the same tails in logs (slow, but only these terms)
            le[tiny] = np.minimum(hypergeom.logcdf(ae[tiny], ne[tiny], ke[tiny], n1e[tiny]),
                                  hypergeom.logsf(ae[tiny] - 1, ne[tiny], ke[tiny],
                                                  n1e[tiny]))
        logp[exact] = le[inv.reshape(-1)] + np.log(2.0)
    logp = np.minimum(logp, 0.0)
    lor = (np.log(a + 0.5) + np.log(n2 - b + 0.5)
           - np.log(n1 - a + 0.5) - np.log(b + 0.5))
    direction = np.where(a * n2 >= b * n1, 1.0, -1.0)
    return {"p": np.exp(logp), "log10_p": logp / np.log(10.0), "log_odds_ratio": lor,
            "direction": direction, "exact": exact}


def group_document_counts(tokens: pd.DataFrame, labels):
    """Per group and term: articles containing the term (``df``) and its token count
    (``n``). ``labels``: the group label of each row of ``tokens`` (every row labelled).
    Returns ``(vocab, groups, df, n, sizes)``: the sorted vocabulary, the sorted group
    labels, ``df`` and ``n`` as sparse group x term matrices, and the number of articles of
    each group."""
    x, pres, vocab, art, arts = article_term_counts(tokens)
    gcodes, gnames = pd.factorize(pd.Series(np.asarray(labels, dtype=object)), sort=True)
    n_art = len(arts)
    art_group = np.zeros(n_art, dtype=np.int64)
    art_group[art] = gcodes
    sizes = np.bincount(art_group, minlength=len(gnames))
    ind = sparse.csr_matrix((np.ones(n_art), (art_group, np.arange(n_art))),
                            shape=(len(gnames), n_art))
    return (vocab, np.asarray(gnames, dtype=object), (ind @ pres).tocsr(), (ind @ x).tocsr(),
            sizes)


def keyness_from_counts(vocab, gnames, df, n, sizes, *, min_articles: int = MIN_ARTICLES,
                        top: int | None = 20, alpha: float | None = None) -> pd.DataFrame:
    """:func:`document_keyness` from per-group article and token counts (the form the
    pipeline gathers chunk by chunk); arguments as :func:`group_document_counts` returns."""
    df = sparse.csr_matrix(df)
    n = sparse.csr_matrix(n)
    sizes = np.asarray(sizes, dtype=np.int64)
    if len(gnames) < 2:
        raise NewslabError("document_keyness needs at least two groups of articles")
    total_df = np.asarray(df.sum(axis=0)).ravel()
    total_n = np.asarray(n.sum(axis=0)).ravel()
    keep = np.flatnonzero(total_df >= min_articles)
    n_all = int(sizes.sum())
    parts = []
    for g in range(len(gnames)):
        a = df[g].toarray().ravel()[keep]
        c = n[g].toarray().ravel()[keep]
        k = total_df[keep]
        t = article_test(a, sizes[g], k, n_all)
        q = benjamini_hochberg(t["p"])
        out = pd.DataFrame({
            "group": gnames[g], "term": pd.Series(vocab[keep], dtype=object),
            "score": t["direction"] * -t["log10_p"] + 0.0,
            "n_articles_target": a.astype(np.int64),
            "n_articles_reference": (k - a).astype(np.int64),
            "share_target": a / sizes[g] if sizes[g] else np.nan,
            "share_reference": (k - a) / (n_all - sizes[g]) if n_all > sizes[g] else np.nan,
            "log_odds_ratio": t["log_odds_ratio"],
            "n_target": c.astype(np.int64),
            "n_reference": (total_n[keep] - c).astype(np.int64),
            "p": t["p"], "q": q,
        })
        out["key_for"] = np.where(out["score"] >= 0, "target", "reference")
        if alpha is not None:
            out = out[out["q"] < alpha]
        parts.append(_finish_keyness(out, top))
    return pd.concat(parts, ignore_index=True)


def document_keyness(tokens: pd.DataFrame, groups, *, min_articles: int = MIN_ARTICLES,
                     top: int | None = 20, alpha: float | None = None) -> pd.DataFrame:
    """Keyness of every group of articles against the rest, tested on article counts
    (Fisher's exact test, Benjamini-Hochberg q): the recommended test between outlets,
    periods or any other grouping of articles. See the module docstring for the method,
    its validation and where it fails.

    ``groups``: the name of a column of ``tokens``, or a mapping / Series from article_id to
    a group label. Articles without a label are left out; the articles counted are those
    with at least one token. Terms found in fewer than ``min_articles`` articles of the
    whole comparison are not tested. ``top``: keep the ``top`` terms each way per group (by
    ``score``; None: every tested term). ``alpha``: keep only terms with ``q < alpha``.

    Columns: ``group, term, score`` (signed ``-log10 p``), ``rank, n_articles_target,
    n_articles_reference, share_target, share_reference`` (share of the group's / the
    rest's articles that contain the term), ``log_odds_ratio`` (of those shares, the effect
    size), ``n_target, n_reference`` (token counts), ``p, q, key_for``.
    """
    _need(tokens, _TOKEN_COLS, "document_keyness")
    if isinstance(groups, str):
        _need(tokens, [groups], "document_keyness")
        labels = tokens[groups]
    else:
        m = pd.Series(groups) if isinstance(groups, dict) else groups
        labels = tokens["article_id"].map(m)
    ok = labels.notna().to_numpy()
    t = tokens[ok].reset_index(drop=True)
    vocab, gnames, df, n, sizes = group_document_counts(
        t, labels[ok].reset_index(drop=True))
    return keyness_from_counts(vocab, gnames, df, n, sizes, min_articles=min_articles,
                               top=top, alpha=alpha)
