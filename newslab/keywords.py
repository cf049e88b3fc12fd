"""Keywords, key phrases and keyness: what an article is about, what sets a group apart.

Every function takes the ``tokens`` table (``newslab.tokenize.tokens``) and returns a tidy
table with at least ``group, term, score, rank`` (higher score = more key; rank 1 = best
within the group), plus columns of its own. The preprocessing is the tokenizer's, shared by
every method: a *term* is a token's ``lower`` form (lower case, curly apostrophes made
straight) that is alphabetic (``is_alpha``; inner hyphens allowed) or an abbreviation with
periods ("u.s."), not a stop word
(``is_stop``, scikit-learn's list) and at least two letters long. Numbers and punctuation are
left out; the possessive ``'s`` is a token of its own (so "Russia's" counts as "russia").

Methods
-------
:func:`tfidf`
    TF-IDF (scikit-learn's ``TfidfTransformer``: smooth idf, l2 norm) of each article's
    terms. The idf comes from the articles, or, for a single-article corpus such as the seeds,
    from its paragraphs (``unit="auto"``).
:func:`keyness`, :func:`keyness_by`, :func:`article_keyness`
    Keyness of a target (a set of articles, an outlet, a period, the sentences that mention a
    country...) against a reference: the rest of the corpus, another tokens table, or general
    English (``reference="english"``: word frequencies of the ``wordfreq`` package, read
    offline from its package data). Two measures, both always given: the log-likelihood G2
    (Dunning 1993; Rayson and Garside 2000), signed so that positive means "more in the
    target", and the weighted log-odds ratio with an informative Dirichlet prior and its
    z-score (Monroe, Colaresi and Quinn 2008, "Fightin' Words").
:func:`candidate_phrases`, :func:`rake`, :func:`yake_like`, :func:`key_phrases`
    Key phrases: candidates are runs of terms, split at stop words, punctuation, numbers and
    sentence ends; scored the RAKE way (Rose et al. 2010: degree / frequency of the words),
    the YAKE way (Campos et al. 2020: casing, position, frequency, context spread, sentence
    spread of the words; lower is better, ``score = -log S``), or newslab's default
    (:func:`key_phrases`, see there), the best on the news keyphrase benchmark.
:func:`collocations`
    NLTK's bigram (or trigram) collocation finders within sentences, with a minimum
    frequency, scored by PMI or the likelihood ratio.
:func:`country_terms`
    The terms that distinguish the sentences that mention a country from the other sentences
    (log-odds z or G2), from the ``mentions`` table of ``newslab.countries``.

Evaluation: ``newslab evaluate keywords DOCS_DIR KEYS_DIR [--k 10] [--method NAME]``
(:func:`evaluate_keyphrases`): precision, recall and F1 at k against gold keyphrases, both
sides lower-cased, split into words and Porter-stemmed, exact match of the stemmed phrase.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.stats import chi2

from .errors import NewslabError

#: The keyword methods of :func:`keywords` (and of ``newslab evaluate keywords --method``).
METHODS = ("phrases", "tfidf", "keyness", "yake", "rake")
#: newslab's default (best) keyword method.
DEFAULT_METHOD = "phrases"
#: Size of the pseudo-corpus behind ``reference="english"`` (wordfreq frequencies times this):
#: 100 million words, the size of the British National Corpus.
ENGLISH_SIZE = 100_000_000
#: With ``reference="english"``, this many of English's most frequent terms are compared too.
ENGLISH_COMMON = 2000
#: Articles per piece for the per-article phrase methods (bounded memory on large corpora).
CHUNK_ARTICLES = 1000
#: Columns of the pipeline's ``keywords`` table.
KEYWORD_COLUMNS = ["article_id", "method", "term", "score", "rank"]

_TOKEN_COLS = ("article_id", "sentence_id", "lower", "is_stop", "is_alpha")
#: Abbreviations with periods count as terms too ("U.S.", "U.N.").
_ABBREV = r"(?:[a-z]\.){2,}"


# --------------------------------------------------------------------------- preprocessing


def _need(df, cols, what: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise NewslabError(f"{what} needs a DataFrame, not {type(df).__name__}")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise NewslabError(f"{what} needs the column(s) {', '.join(missing)} "
                           f"(got {', '.join(map(str, df.columns))})")


def term_mask(tokens: pd.DataFrame, *, min_chars: int = 2) -> np.ndarray:
    """Which rows of ``tokens`` are terms: alphabetic, not stop words, ``min_chars`` or more."""
    _need(tokens, _TOKEN_COLS, "term_mask")
    codes, uniq = pd.factorize(tokens["lower"])
    u = pd.Series(uniq, dtype=object)
    ok = u.str.len().to_numpy() >= min_chars
    abbrev = u.str.fullmatch(_ABBREV).fillna(False).to_numpy(dtype=bool)
    alpha = tokens["is_alpha"].to_numpy(dtype=bool) | abbrev[codes]
    return alpha & ~tokens["is_stop"].to_numpy(dtype=bool) & ok[codes]


def _terms(tokens: pd.DataFrame, *, min_chars: int = 2, extra=()) -> pd.DataFrame:
    """The term rows of ``tokens``, with only the columns the methods use (less copying)."""
    cols = ["article_id", "sentence_id", "lower", *[c for c in extra if c in tokens.columns]]
    return tokens.loc[term_mask(tokens, min_chars=min_chars), cols]


def _counts(row_keys: np.ndarray, terms: np.ndarray, n_rows: int | None = None):
    """Sparse row x term count matrix; the vocabulary is sorted (so column order is
    alphabetical and ties break alphabetically)."""
    tcodes, vocab = pd.factorize(pd.Series(terms, dtype=object), sort=True)
    if n_rows is None:
        n_rows = int(row_keys.max()) + 1 if len(row_keys) else 0
    m = sparse.csr_matrix((np.ones(len(tcodes), dtype=np.float64), (row_keys, tcodes)),
                          shape=(n_rows, len(vocab)))
    m.sum_duplicates()
    return m, np.asarray(vocab, dtype=object)


def _top_k_rows(x: sparse.csr_matrix, k: int | None, *, positive: bool = False):
    """(row, col, value, rank) of the k largest stored values of each row (ties: lower column,
    i.e. alphabetical term, first)."""
    x = x.tocsr()
    rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
    cols, vals = x.indices, x.data
    if positive:
        keep = vals > 0
        rows, cols, vals = rows[keep], cols[keep], vals[keep]
    order = np.lexsort((cols, -vals, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    starts = np.searchsorted(rows, np.arange(x.shape[0]))
    rank = np.arange(len(rows)) - starts[rows] + 1
    if k is not None:
        keep = rank <= k
        rows, cols, vals, rank = rows[keep], cols[keep], vals[keep], rank[keep]
    return rows, cols, vals, rank


# --------------------------------------------------------------------------- TF-IDF


def tfidf(tokens: pd.DataFrame, *, top: int | None = 10, unit: str = "auto",
          sentences: pd.DataFrame | None = None, sublinear_tf: bool = False,
          min_df: int = 1, max_df: float = 1.0) -> pd.DataFrame:
    """TF-IDF keywords of each article (scikit-learn's ``TfidfTransformer``).

    The term frequencies are the article's term counts; the inverse document frequencies
    come from ``unit``: ``"article"`` (each article is a document), ``"paragraph"`` (needs
    ``sentences`` for the paragraph ids), ``"sentence"``, or ``"auto"``: articles when there
    are two or more, else paragraphs (sentences when ``sentences`` is not given), so that a
    single article still gets a meaningful idf. ``min_df``/``max_df`` (a count, and a share
    of the documents) drop rare and ubiquitous terms from the vocabulary.

    Columns: ``group`` (= ``article_id``), ``term``, ``score`` (l2-normalised tf-idf),
    ``rank``, ``n`` (count in the article), ``df`` (documents with the term), ``idf``.
    """
    from sklearn.feature_extraction.text import TfidfTransformer
    t = _terms(tokens)
    art_codes, arts = pd.factorize(t["article_id"], sort=False)
    if len(arts) == 0:
        return pd.DataFrame(columns=["group", "term", "score", "rank", "n", "df", "idf"])
    counts, vocab = _counts(art_codes, t["lower"].to_numpy(dtype=object), len(arts))
    if unit == "auto":
        unit = "article" if len(arts) > 1 else ("paragraph" if sentences is not None
                                                else "sentence")
    if unit == "article":
        units = counts
    elif unit in ("paragraph", "sentence"):
        if unit == "paragraph":
            if sentences is None:
                raise NewslabError("tfidf(unit='paragraph') needs the sentences table")
            _need(sentences, ["article_id", "sentence_id", "paragraph_id"], "tfidf")
            pid = (t[["article_id", "sentence_id"]]
                   .merge(sentences[["article_id", "sentence_id", "paragraph_id"]],
                          on=["article_id", "sentence_id"], how="left")["paragraph_id"])
            keys = pd.MultiIndex.from_arrays([art_codes, pid.fillna(-1).to_numpy()])
        else:
            keys = pd.MultiIndex.from_arrays([art_codes, t["sentence_id"].to_numpy()])
        ucodes, _ = pd.factorize(keys)
        tcodes = pd.Index(vocab).get_indexer(t["lower"].to_numpy(dtype=object))
        units = sparse.csr_matrix((np.ones(len(ucodes)), (ucodes, tcodes)),
                                  shape=(int(ucodes.max()) + 1, len(vocab)))
    else:
        raise NewslabError(f"tfidf: unit must be auto, article, paragraph or sentence, "
                           f"not {unit!r}")
    dfs = np.asarray((units > 0).sum(axis=0)).ravel()
    n_docs = units.shape[0]
    keep = (dfs >= min_df) & (dfs <= max_df * n_docs)
    if not keep.all():
        counts, units, vocab, dfs = (counts[:, keep], units[:, keep], vocab[keep], dfs[keep])
    tr = TfidfTransformer(sublinear_tf=sublinear_tf).fit(units)
    x = tr.transform(counts).tocsr()
    rows, cols, vals, rank = _top_k_rows(x, top)
    n = np.asarray(counts[rows, cols]).ravel()
    return pd.DataFrame({
        "group": pd.Series(np.asarray(arts, dtype=object)[rows], dtype=object),
        "term": pd.Series(vocab[cols], dtype=object),
        "score": vals,
        "rank": rank.astype(np.int64),
        "n": n.astype(np.int64),
        "df": dfs[cols].astype(np.int64),
        "idf": tr.idf_[cols],
    })


# --------------------------------------------------------------------------- keyness


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
    from .tokenize import STOP_WORDS
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


# --------------------------------------------------------------------------- key phrases


def candidate_phrases(tokens: pd.DataFrame, *, max_words: int = 3,
                      maximal: bool = False) -> pd.DataFrame:
    """Candidate key phrases: runs of terms (see the module docstring), never across a stop
    word, punctuation, a number or a sentence end.

    With ``maximal=False`` every n-gram of 1..``max_words`` terms inside a run is a candidate
    (the YAKE way); with ``maximal=True`` the whole runs are (the RAKE way), those longer
    than ``max_words`` dropped (``max_words=None`` keeps all).

    One row per occurrence: ``article_id, sentence_id, token_id, phrase, n_words, first``
    (``first``: row position in ``tokens`` of the phrase's first word).
    """
    _need(tokens, (*_TOKEN_COLS, "token_id"), "candidate_phrases")
    content = term_mask(tokens)
    n = len(tokens)
    aid = tokens["article_id"].to_numpy(dtype=object)
    sid = tokens["sentence_id"].to_numpy()
    newsent = np.ones(n, dtype=bool)
    if n > 1:
        newsent[1:] = (sid[1:] != sid[:-1]) | (aid[1:] != aid[:-1])
    brk = ~content | newsent
    run = np.cumsum(brk)
    low = tokens["lower"].to_numpy(dtype=object)
    parts = []
    if maximal:
        idx = np.flatnonzero(content)
        r = run[idx]
        starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]]) if len(idx) else idx
        lens = np.diff(np.r_[starts, len(idx)])
        ok = lens <= (max_words or n)
        first, lens = idx[starts[ok]], lens[ok]
        phrase = low[first].copy()
        for j in range(1, int(lens.max()) if len(lens) else 0):
            more = lens > j
            phrase[more] = phrase[more] + " " + low[first[more] + j]
        parts.append((first, lens, phrase))
    else:
        for k in range(1, max_words + 1):
            if n < k:
                break
            i = np.arange(n - k + 1)
            ok = content[i] & (run[i + k - 1] == run[i])
            first = i[ok]
            phrase = low[first]
            for j in range(1, k):
                phrase = phrase + " " + low[first + j]
            parts.append((first, np.full(len(first), k), phrase))
    first = np.concatenate([p[0] for p in parts]) if parts else np.array([], dtype=np.int64)
    lens = np.concatenate([p[1] for p in parts]) if parts else np.array([], dtype=np.int64)
    phrase = np.concatenate([p[2] for p in parts]) if parts else np.array([], dtype=object)
    order = np.lexsort((lens, first))
    first, lens, phrase = first[order], lens[order], phrase[order]
    return pd.DataFrame({
        "article_id": pd.Series(aid[first], dtype=object),
        "sentence_id": sid[first].astype(np.int64),
        "token_id": tokens["token_id"].to_numpy()[first].astype(np.int64),
        "phrase": pd.Series(phrase, dtype=object),
        "n_words": lens.astype(np.int64),
        "first": first.astype(np.int64),
    })


def _phrase_words(ph: pd.DataFrame, low: np.ndarray):
    """The words of each distinct phrase, flat, and the offsets where each phrase starts
    (``ph`` has the row ``first`` of one occurrence and ``n_words``)."""
    nw = ph["n_words"].to_numpy()
    offs = np.r_[0, np.cumsum(nw)[:-1]].astype(np.int64)
    pos = np.repeat(ph["first"].to_numpy(), nw) + (np.arange(nw.sum()) - np.repeat(offs, nw))
    return low[pos], offs


def _rank_phrases(df: pd.DataFrame, top, *, dedup: bool, extra=()) -> pd.DataFrame:
    """Sort by (article, -score, phrase), optionally drop stem-duplicates, rank, cut.

    Before stemming, each article keeps its best ``5 * top`` candidates (when ``top`` is
    given): dedup removes far fewer than that in practice."""
    df = df.sort_values(["article_id", "score", "phrase"], ascending=[True, False, True],
                        kind="mergesort")
    if top is not None:
        df = df[df.groupby("article_id", sort=False).cumcount().to_numpy() < 5 * top]
    if dedup and len(df):
        codes, uniq = pd.factorize(df["phrase"])
        key = stem_phrases(np.asarray(uniq, dtype=object))[codes]
        df = df[~pd.DataFrame({"a": df["article_id"].to_numpy(), "k": key}).duplicated()
                .to_numpy()]
    df = df.copy()
    df["rank"] = df.groupby("article_id", sort=False).cumcount().to_numpy() + 1
    if top is not None:
        df = df[df["rank"] <= top]
    out = pd.DataFrame({"group": df["article_id"].to_numpy(dtype=object),
                        "term": df["phrase"].to_numpy(dtype=object),
                        "score": df["score"].to_numpy(dtype=np.float64),
                        "rank": df["rank"].to_numpy(dtype=np.int64)})
    for c in ("n", "n_words", *extra):
        out[c] = df[c].to_numpy()
    return out


def rake(tokens: pd.DataFrame, *, top: int | None = 10, max_words: int | None = 4,
         dedup: bool = True, chunk_articles: int | None = CHUNK_ARTICLES) -> pd.DataFrame:
    """RAKE key phrases (Rose et al. 2010) of each article.

    Candidates are the maximal runs of terms (:func:`candidate_phrases` with
    ``maximal=True``; runs longer than ``max_words`` dropped, as rake-nltk's ``max_length``).
    A word's score is its degree (summed length of the candidates it occurs in) over its
    frequency; a phrase's score is the sum of its words' scores.

    Columns: ``group, term, score, rank, n`` (occurrences of the phrase), ``n_words``.
    Articles are scored ``chunk_articles`` at a time.
    """
    _need(tokens, (*_TOKEN_COLS, "token_id"), "rake")
    parts = [_rake(c, top, max_words, dedup) for c in _article_chunks(tokens, chunk_articles)]
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def _rake(tokens, top, max_words, dedup) -> pd.DataFrame:
    cand = candidate_phrases(tokens, max_words=None, maximal=True)
    if cand.empty:
        return _empty_phrases()
    low = tokens["lower"].to_numpy(dtype=object)
    words, _ = _phrase_words(cand, low)
    nw = cand["n_words"].to_numpy()
    wd = pd.DataFrame({"article_id": np.repeat(cand["article_id"].to_numpy(dtype=object), nw),
                       "word": words, "deg": np.repeat(nw, nw)})
    ws = wd.groupby(["article_id", "word"], sort=False)["deg"].agg(["sum", "size"])
    wscore = (ws["sum"] / ws["size"]).rename("ws")
    if max_words is not None:
        cand = cand[nw <= max_words]
    ph = cand.groupby(["article_id", "phrase"], sort=False).agg(
        n=("first", "size"), n_words=("n_words", "first"), first=("first", "first")
    ).reset_index()
    words, offs = _phrase_words(ph, low)
    lk = pd.MultiIndex.from_arrays([np.repeat(ph["article_id"].to_numpy(dtype=object),
                                              ph["n_words"].to_numpy()), words])
    vals = wscore.reindex(lk).to_numpy()
    ph["score"] = np.add.reduceat(vals, offs) if len(ph) else []
    return _rank_phrases(ph, top, dedup=dedup)


def _word_features(tokens: pd.DataFrame) -> pd.DataFrame:
    """YAKE's five word features, per article and term (Campos et al. 2020, section 3)."""
    n = len(tokens)
    content = term_mask(tokens)
    aid = tokens["article_id"].to_numpy(dtype=object)
    sid = tokens["sentence_id"].to_numpy()
    tid = tokens["token_id"].to_numpy()
    low = tokens["lower"].to_numpy(dtype=object)
    alpha = tokens["is_alpha"].to_numpy(dtype=bool)
    tok = tokens["token"].to_numpy(dtype=object) if "token" in tokens.columns else low
    same_prev = np.zeros(n, dtype=bool)
    if n > 1:
        same_prev[1:] = (sid[1:] == sid[:-1]) & (aid[1:] == aid[:-1])
    left_ok = same_prev & np.r_[False, alpha[:-1]] if n else same_prev
    right_ok = np.r_[same_prev[1:], False] & np.r_[alpha[1:], False] if n else same_prev
    left = np.where(left_ok, np.r_[np.array([""], dtype=object), low[:-1]] if n else low, None)
    right = np.where(right_ok, np.r_[low[1:], np.array([""], dtype=object)] if n else low, None)
    idx = np.flatnonzero(content)
    ts = pd.Series(tok[idx], dtype=object)
    upper_mid = (ts.str[:1].str.isupper() & (tid[idx] > 0)).to_numpy()
    acronym = (ts.str.isupper() & (ts.str.len() > 1)).to_numpy()
    w = pd.DataFrame({"article_id": aid[idx], "term": low[idx], "sentence_id": sid[idx],
                      "case": upper_mid | acronym, "left": left[idx], "right": right[idx]})
    g = w.groupby(["article_id", "term"], sort=False)
    f = pd.DataFrame({"tf": g.size(), "tf_case": g["case"].sum(),
                      "med_sent": g["sentence_id"].median(),
                      "n_sent": g["sentence_id"].nunique(),
                      "left_n": g["left"].count(), "left_u": g["left"].nunique(),
                      "right_n": g["right"].count(), "right_u": g["right"].nunique()})
    f = f.reset_index()
    per = f.groupby("article_id", sort=False)["tf"]
    mean, std, maxtf = per.transform("mean"), per.transform("std", ddof=0), per.transform("max")
    nsent = pd.Series(sid, dtype=np.int64).groupby(pd.Series(aid, dtype=object), sort=False
                                                   ).nunique()
    tf = f["tf"].to_numpy(dtype=np.float64)
    t_case = f["tf_case"].to_numpy() / (1.0 + np.log(tf))
    t_pos = np.log(np.log(3.0 + f["med_sent"].to_numpy()))
    t_norm = tf / (mean.to_numpy() + std.to_numpy())
    wl = np.divide(f["left_u"], f["left_n"], out=np.zeros(len(f)),
                   where=f["left_n"].to_numpy() > 0)
    wr = np.divide(f["right_u"], f["right_n"], out=np.zeros(len(f)),
                   where=f["right_n"].to_numpy() > 0)
    t_rel = 1.0 + (wl + wr) * tf / maxtf.to_numpy()
    t_sent = f["n_sent"].to_numpy() / f["article_id"].map(nsent).to_numpy()
    f["S"] = t_rel * t_pos / (t_case + t_norm / t_rel + t_sent / t_rel)
    return f


def yake_like(tokens: pd.DataFrame, *, top: int | None = 10, max_words: int = 3,
              dedup: bool = True, chunk_articles: int | None = CHUNK_ARTICLES) -> pd.DataFrame:
    """YAKE-style key phrases of each article, written here from Campos et al. (2020).

    Word score ``S(w) = Rel * Pos / (Case + Freq / Rel + Sent / Rel)`` from the word's
    casing, median sentence position, normalised frequency, spread of its left and right
    neighbours, and share of sentences; phrase score ``S(k) = prod S(w) / (tf(k) * (1 +
    sum S(w)))``, lower is better. Candidates are the n-grams of 1..``max_words`` terms
    (YAKE's default of 3); near-duplicates (the same Porter stems) are dropped after the
    first. Differences from the ``yake`` package: candidates never contain stop words, and
    dedup uses stems, not string similarity.

    Columns: ``group, term, score`` (``-log S(k)``), ``rank, n, n_words, S``. Articles
    are scored ``chunk_articles`` at a time.
    """
    _need(tokens, (*_TOKEN_COLS, "token_id"), "yake_like")
    parts = [_yake_like(c, top, max_words, dedup)
             for c in _article_chunks(tokens, chunk_articles)]
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def _yake_like(tokens, top, max_words, dedup) -> pd.DataFrame:
    cand = candidate_phrases(tokens, max_words=max_words)
    if cand.empty:
        return _empty_phrases(extra=("S",))
    f = _word_features(tokens).set_index(["article_id", "term"])["S"]
    ph = cand.groupby(["article_id", "phrase"], sort=False).agg(
        n=("first", "size"), n_words=("n_words", "first"), first=("first", "first")
    ).reset_index()
    nw = ph["n_words"].to_numpy()
    words, offs = _phrase_words(ph, tokens["lower"].to_numpy(dtype=object))
    lk = pd.MultiIndex.from_arrays([np.repeat(ph["article_id"].to_numpy(dtype=object), nw),
                                    words])
    s = f.reindex(lk).to_numpy()
    prod = np.exp(np.add.reduceat(np.log(s), offs))
    tot = np.add.reduceat(s, offs)
    ph["S"] = prod / (ph["n"].to_numpy() * (1.0 + tot))
    ph["score"] = -np.log(ph["S"].to_numpy())
    return _rank_phrases(ph, top, dedup=dedup, extra=("S",))


def _empty_phrases(extra=()) -> pd.DataFrame:
    return pd.DataFrame(columns=["group", "term", "score", "rank", "n", "n_words", *extra])


def key_phrases(tokens: pd.DataFrame, *, top: int | None = 10, max_words: int = 3,
                background: str = "auto", min_corpus: int = 20, dedup: bool = True,
                chunk_articles: int | None = CHUNK_ARTICLES) -> pd.DataFrame:
    """newslab's default key phrases: TF-IDF over candidate phrases, length-discounted.

    Candidates are the n-grams of 1..``max_words`` terms (:func:`candidate_phrases`). A
    phrase's score in an article is ``tf * idf / n_words``: its count in the article, times
    its inverse document frequency, divided by its number of words (a two-word phrase must
    be twice as frequent or as rare as a single word to outrank it; news keyphrase sets are
    three-quarters single words). The idf comes from ``background``:

    - ``"corpus"``: the phrase's document frequency in the corpus itself,
      ``ln((1 + N) / (1 + df)) + 1`` (scikit-learn's smooth idf);
    - ``"english"``: the mean over the phrase's words of ``-log10`` of their frequency in
      general English (``wordfreq``), for a corpus too small to estimate document
      frequencies (one article, as the seeds);
    - ``"auto"`` (default): ``"corpus"`` when the corpus has at least ``min_corpus``
      articles, else ``"english"``.

    Memory: the candidates are made ``chunk_articles`` articles at a time (twice with
    ``"corpus"``: once for the document frequencies, kept as 64-bit hashes, once to score),
    so a large corpus never holds all its candidate phrases at once.

    Near-duplicates (the same Porter stems) are dropped after the first. On
    500N-KPCrowd this is at the level of plain TF-IDF over words (the difference is within
    noise) and above YAKE; see ``benchmarks/bench_keywords.py``.

    Columns: ``group, term, score, rank, n, n_words, idf``.
    """
    if background not in ("auto", "corpus", "english"):
        raise NewslabError(f"key_phrases: background must be auto, corpus or english, "
                           f"not {background!r}")
    _need(tokens, (*_TOKEN_COLS, "token_id"), "key_phrases")
    chunks = list(_article_chunks(tokens, chunk_articles))
    n_docs = tokens["article_id"].nunique()
    if background == "auto":
        background = "corpus" if n_docs >= min_corpus else "english"
    df_keys = df_counts = None
    tables = [_distinct_phrases(c, max_words) for c in chunks] if len(chunks) == 1 else None
    if background == "corpus":
        # pass 1: document frequencies of the phrases over the whole corpus, kept as 64-bit
        # hashes and counts (sorted), so memory grows with the phrase vocabulary only
        for i, c in enumerate(chunks):
            ph = tables[i] if tables else _distinct_phrases(c, max_words)
            h = pd.util.hash_array(ph["phrase"].to_numpy(dtype=object))
            u, k = np.unique(h, return_counts=True)
            if df_keys is None:
                df_keys, df_counts = u, k
            else:
                allk = np.concatenate([df_keys, u])
                allc = np.concatenate([df_counts, k])
                df_keys, inv = np.unique(allk, return_inverse=True)
                df_counts = np.bincount(inv, weights=allc).astype(np.int64)
    parts = []
    for i, c in enumerate(chunks):
        ph = tables[i] if tables else _distinct_phrases(c, max_words)
        if ph.empty:
            continue
        if background == "corpus":
            h = pd.util.hash_array(ph["phrase"].to_numpy(dtype=object))
            df = df_counts[np.searchsorted(df_keys, h)]
            ph["idf"] = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
        else:
            nw = ph["n_words"].to_numpy()
            words, offs = _phrase_words(ph, c["lower"].to_numpy(dtype=object))
            wcodes, wvocab = pd.factorize(pd.Series(words, dtype=object))
            surprise = -np.log10(english_frequencies(np.asarray(wvocab, dtype=object)))[wcodes]
            ph["idf"] = np.add.reduceat(surprise, offs) / nw
        ph["score"] = ph["n"].to_numpy() * ph["idf"].to_numpy() / ph["n_words"].to_numpy()
        parts.append(_rank_phrases(ph, top, dedup=dedup, extra=("idf",)))
    if not parts:
        return _empty_phrases(extra=("idf",))
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def _distinct_phrases(tokens: pd.DataFrame, max_words: int) -> pd.DataFrame:
    """One row per (article, candidate phrase): ``n`` occurrences, ``n_words``, ``first``
    (row of one occurrence in ``tokens``)."""
    cand = candidate_phrases(tokens, max_words=max_words)
    return cand.groupby(["article_id", "phrase"], sort=False).agg(
        n=("first", "size"), n_words=("n_words", "first"), first=("first", "first")
    ).reset_index()


def _article_chunks(tokens: pd.DataFrame, size: int | None):
    """``tokens`` cut into pieces of at most ``size`` articles (whole articles, in order of
    first appearance); the table itself when it is small enough."""
    codes, uniq = pd.factorize(tokens["article_id"])
    if size is None or len(uniq) <= size:
        yield tokens
        return
    for lo in range(0, len(uniq), size):
        rows = np.flatnonzero((codes >= lo) & (codes < lo + size))
        yield tokens.iloc[rows].reset_index(drop=True)


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
    """Corpus-level pipeline stage: needs ``tokens`` (and ``sentences``, for the paragraph
    idf of a single-article corpus); returns ``{"keywords": ...}``: the top 10 TF-IDF terms
    and the top 10 key phrases of every article (columns ``article_id, method, term, score,
    rank``). Memory grows with the number of distinct (article, term) pairs (a sparse
    matrix; top-k selected per row), not with articles x vocabulary."""
    t = tables["tokens"]
    s = tables.get("sentences") if hasattr(tables, "get") else None
    parts = [keywords(t, method=m, top=k, sentences=s) for m, k in STAGE_METHODS]
    out = pd.concat(parts, ignore_index=True)
    return {"keywords": out.sort_values(["article_id", "method", "rank"], kind="mergesort")
            .reset_index(drop=True)}


#: Measured on 10,000 BBC articles (4.3 million tokens): the stage needs about 200 MB on
#: top of its input tables (300 MB with these columns), both growing linearly; so a corpus
#: of 100,000 articles needed 6.4 GB peak (bench_pipeline --memory). The limit keeps the
#: stage near 1.3 GB; raise it with `newslab analyze --corpus-max-articles N` on a big machine.
keywords_stage.max_articles = 20_000
keywords_stage.needs = {
    "tokens": ["article_id", "sentence_id", "token_id", "lower", "is_stop", "is_alpha"],
    "sentences": ["article_id", "sentence_id", "paragraph_id"],
}


# --------------------------------------------------------------------------- collocations


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


# --------------------------------------------------------------------------- countries


MENTION_COLUMNS = ("article_id", "sentence_id", "start", "end", "iso3", "country", "kind")


def country_terms(tokens: pd.DataFrame, mentions: pd.DataFrame, *, measure: str = "log_odds",
                  min_count: int = 2, top: int | None = 15, organizations: bool = False,
                  drop_mentions: bool = True, min_sentences: int = 1) -> pd.DataFrame:
    """The terms that set apart the sentences mentioning each country from the other
    sentences of the corpus (keyness, :func:`keyness_arrays`).

    ``mentions``: the table of ``newslab.countries.find_mentions`` (``article_id,
    sentence_id, start, end, surface, iso3, country, kind``). Organization rows are left out
    unless ``organizations=True``. With ``drop_mentions`` (default), the tokens inside any
    mention ("Russia", "Russian", "Kremlin") are not counted, so the country's own names do
    not top its list. Countries mentioned in fewer than ``min_sentences`` sentences are
    skipped. ``top`` terms each way per country.

    Columns: ``group`` (iso3), ``country``, ``n_sentences``, then as :func:`keyness`.
    """
    _need(tokens, (*_TOKEN_COLS, "start", "end"), "country_terms")
    _need(mentions, MENTION_COLUMNS, "country_terms (the mentions table)")
    mm = mentions if organizations else mentions[mentions["kind"].ne("organization")]
    acodes, anames = pd.factorize(tokens["article_id"])
    width = int(tokens["sentence_id"].max()) + 1 if len(tokens) else 1
    skey = acodes.astype(np.int64) * width + tokens["sentence_id"].to_numpy(dtype=np.int64)
    tm = term_mask(tokens)
    if drop_mentions and len(mentions):
        tm &= ~_inside_mentions(tokens, mentions)
    scodes, skeys = pd.factorize(skey)
    counts, vocab = _counts(scodes[tm], tokens["lower"].to_numpy(dtype=object)[tm],
                            len(skeys))
    empty = pd.DataFrame(columns=["group", "country", "n_sentences", "term", "score", "rank"])
    if len(mm) == 0 or counts.shape[1] == 0:
        return empty
    macodes = pd.Index(anames).get_indexer(mm["article_id"].to_numpy(dtype=object))
    mkey = macodes.astype(np.int64) * width + mm["sentence_id"].to_numpy(dtype=np.int64)
    ms = pd.Index(skeys).get_indexer(mkey)
    ms[macodes < 0] = -1
    ok = ms >= 0
    pairs = pd.DataFrame({"iso3": mm["iso3"].to_numpy()[ok], "s": ms[ok]}).drop_duplicates()
    ccodes, cnames = pd.factorize(pairs["iso3"], sort=True)
    ind = sparse.csr_matrix((np.ones(len(pairs)), (ccodes, pairs["s"].to_numpy())),
                            shape=(len(cnames), len(skeys)))
    by_c = (ind @ counts).tocsr()
    total = np.asarray(counts.sum(axis=0)).ravel()
    n_all = total.sum()
    nsent = np.asarray(ind.sum(axis=1)).ravel().astype(np.int64)
    names = mm.drop_duplicates("iso3").set_index("iso3")["country"]
    parts = []
    for c in range(len(cnames)):
        if nsent[c] < min_sentences:
            continue
        a = by_c[c].toarray().ravel()
        size = a.sum()
        if size == 0 or size == n_all:
            continue
        keep = np.flatnonzero(total >= min_count)
        sc = _score(a[keep], (total - a)[keep], size, n_all - size, measure)
        keep = keep[_preselect(sc, top)]
        df = _key_table(vocab[keep], a[keep], (total - a)[keep], size, n_all - size,
                        measure=measure, group=cnames[c])
        df = _finish_keyness(df, top)
        df.insert(1, "country", names.get(cnames[c], cnames[c]))
        df.insert(2, "n_sentences", nsent[c])
        parts.append(df)
    if not parts:
        return empty
    out = pd.concat(parts, ignore_index=True)
    cols = ["group", "country", "n_sentences", "term", "score", "rank"]
    return out[cols + [c for c in out.columns if c not in cols]]


def _inside_mentions(tokens: pd.DataFrame, mentions: pd.DataFrame) -> np.ndarray:
    """Which tokens overlap a mention span (same article and sentence), vectorised: the
    tokens of the sentences with mentions joined to those mentions."""
    tk = pd.DataFrame({"article_id": tokens["article_id"].to_numpy(dtype=object),
                       "sentence_id": tokens["sentence_id"].to_numpy(),
                       "ts": tokens["start"].to_numpy(), "te": tokens["end"].to_numpy(),
                       "row": np.arange(len(tokens))})
    mm = pd.DataFrame({"article_id": mentions["article_id"].to_numpy(dtype=object),
                       "sentence_id": mentions["sentence_id"].to_numpy(),
                       "ms": mentions["start"].to_numpy(), "me": mentions["end"].to_numpy()})
    j = tk.merge(mm, on=["article_id", "sentence_id"], how="inner")
    hit = j["row"].to_numpy()[(j["ts"].to_numpy() < j["me"].to_numpy())
                              & (j["te"].to_numpy() > j["ms"].to_numpy())]
    out = np.zeros(len(tokens), dtype=bool)
    out[hit] = True
    return out


# --------------------------------------------------------------------------- normalisation

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem import PorterStemmer
    return PorterStemmer()


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


def normalize_phrase(phrase: str) -> str:
    """The evaluation form of a phrase: lower case, curly apostrophes straightened, split
    into words (letters and digits, inner hyphens and apostrophes kept), each word stemmed
    with NLTK's Porter stemmer, joined by one space ("Russia's Troops" -> "russia' troop")."""
    words = _WORD.findall(phrase.lower().replace("\u2019", "'"))
    return " ".join(_stem(w) for w in words)


def stem_phrases(phrases) -> np.ndarray:
    """:func:`normalize_phrase` of many phrases (cached per word)."""
    return np.asarray([normalize_phrase(p) for p in phrases], dtype=object)


# --------------------------------------------------------------------------- evaluation


def read_documents(docs_dir, keys_dir=None):
    """Documents of a keyphrase benchmark: ``DOCS_DIR/*.txt`` (one document per file,
    paragraphs one per line) and, if given, ``KEYS_DIR/<same stem>.key`` (one gold
    keyphrase per line). Returns ``(articles, gold)``: an articles table (article_id = the
    file stem; title empty; text = the non-empty lines joined by newlines) and a dict
    article_id -> list of gold phrases. Documents without a key file are left out."""
    d = Path(docs_dir)
    if not d.is_dir():
        raise NewslabError(f"documents folder not found: {docs_dir}")
    files = sorted(d.glob("*.txt"))
    if not files:
        raise NewslabError(f"no .txt documents in {docs_dir}")
    gold = {}
    if keys_dir is not None:
        k = Path(keys_dir)
        if not k.is_dir():
            raise NewslabError(f"keys folder not found: {keys_dir}")
        for f in files:
            kf = k / f"{f.stem}.key"
            if kf.is_file():
                lines = kf.read_text(encoding="utf-8", errors="replace").splitlines()
                gold[f.stem] = [ln.strip() for ln in lines if ln.strip()]
        if not gold:
            raise NewslabError(f"no .key file in {keys_dir} matches a document in {docs_dir}")
        files = [f for f in files if f.stem in gold]
    rows = []
    for f in files:
        raw = f.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
        paras = [" ".join(ln.split()) for ln in raw.split("\n") if ln.strip()]
        rows.append({"article_id": f.stem, "title": "", "text": "\n".join(paras),
                     "paragraphs": paras, "n_paragraphs": len(paras)})
    return pd.DataFrame(rows), gold


def prf_at_k(gold: dict, predicted: dict, k: int) -> dict:
    """Precision, recall and F1 at ``k``, averaged over documents (macro), after
    :func:`normalize_phrase` on both sides (duplicates after normalisation count once).

    Per document: P = matches in the first k distinct predictions / number of those
    predictions (k, or fewer when the document yields fewer), R = matches / distinct gold
    phrases, F1 their harmonic mean (0 when both are 0); a document with no prediction scores
    0. Also returns micro-averaged figures (``micro_*``) and ``n`` (documents)."""
    ps, rs, fs = [], [], []
    tp = npred = ngold = 0
    for doc, g in gold.items():
        gs = set(stem_phrases(g)) - {""}
        seen, preds = set(), []
        for p in predicted.get(doc, []):
            q = normalize_phrase(p)
            if q and q not in seen:
                seen.add(q)
                preds.append(q)
            if len(preds) == k:
                break
        m = len(gs.intersection(preds))
        p = m / len(preds) if preds else 0.0
        r = m / len(gs) if gs else 0.0
        ps.append(p)
        rs.append(r)
        fs.append(2 * p * r / (p + r) if p + r else 0.0)
        tp, npred, ngold = tp + m, npred + len(preds), ngold + len(gs)
    mp = tp / npred if npred else 0.0
    mr = tp / ngold if ngold else 0.0
    return {"n": len(gold), "k": k, "precision": float(np.mean(ps)),
            "recall": float(np.mean(rs)), "f1": float(np.mean(fs)),
            "micro_precision": mp, "micro_recall": mr,
            "micro_f1": 2 * mp * mr / (mp + mr) if mp + mr else 0.0}


def evaluate_keyphrases(docs_dir, keys_dir, *, k: int = 10, method: str = DEFAULT_METHOD,
                        ks=None) -> dict:
    """Run ``method`` over the documents of DOCS_DIR (all together: corpus statistics such
    as document frequencies come from DOCS_DIR itself) and score its top ``k`` against the
    gold keyphrases of KEYS_DIR (:func:`prf_at_k`). With ``ks`` (a list of k) the result
    holds ``at`` = {k: metrics} as well."""
    from .tokenize import sentences as _sentences, tokens as _tokens
    if k < 1:
        raise NewslabError("--k must be at least 1")
    if method not in METHODS:
        raise NewslabError(f"unknown keyword method {method!r}; choose from "
                           f"{', '.join(METHODS)}")
    arts, gold = read_documents(docs_dir, keys_dir)
    sents = _sentences(arts)
    toks = _tokens(sents)
    kmax = max([k, *(ks or [])])
    df = keywords(toks, method=method, top=kmax + 10, sentences=sents)
    pred = {a: g["term"].tolist() for a, g in df.groupby("article_id", sort=False)}
    out = prf_at_k(gold, pred, k)
    out["method"] = method
    if ks:
        out["at"] = {int(x): prf_at_k(gold, pred, int(x)) for x in ks}
    return out

