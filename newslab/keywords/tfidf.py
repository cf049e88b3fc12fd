"""TF-IDF keywords of each article (scikit-learn's ``TfidfTransformer``: smooth idf, l2 norm).

The idf comes from the articles, or, for a single-article corpus such as the seeds, from its
paragraphs (``unit="auto"``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from ..errors import NewslabError
from .terms import DocumentFrequencies, _counts, _need, _terms, _top_k_rows, term_values


def tfidf(tokens: pd.DataFrame, *, top: int | None = 10, unit: str = "auto",
          sentences: pd.DataFrame | None = None, sublinear_tf: bool = False,
          min_df: int = 1, max_df: float = 1.0,
          corpus_df: DocumentFrequencies | None = None) -> pd.DataFrame:
    """TF-IDF keywords of each article (scikit-learn's ``TfidfTransformer``).

    The term frequencies are the article's term counts; the inverse document frequencies
    come from ``unit``: ``"article"`` (each article is a document), ``"paragraph"`` (needs
    ``sentences`` for the paragraph ids), ``"sentence"``, or ``"auto"``: articles when there
    are two or more, else paragraphs (sentences when ``sentences`` is not given), so that a
    single article still gets a meaningful idf. ``min_df``/``max_df`` (a count, and a share
    of the documents) drop rare and ubiquitous terms from the vocabulary.

    ``corpus_df`` (:class:`DocumentFrequencies`, articles as documents): take the document
    frequencies from there instead of from ``tokens``, so that a large corpus can be scored
    a piece of articles at a time with the idf of the whole (the pipeline stage does so);
    the result for each article is the same as when the whole corpus is given at once.

    Columns: ``group`` (= ``article_id``), ``term``, ``score`` (l2-normalised tf-idf),
    ``rank``, ``n`` (count in the article), ``df`` (documents with the term), ``idf``.
    """
    t = _terms(tokens)
    art_codes, arts = pd.factorize(t["article_id"], sort=False)
    if len(arts) == 0:
        return pd.DataFrame(columns=["group", "term", "score", "rank", "n", "df", "idf"])
    counts, vocab = _counts(art_codes, term_values(t["lower"]), len(arts))
    if corpus_df is not None:
        if unit not in ("auto", "article"):
            raise NewslabError("tfidf: corpus_df holds article document frequencies; "
                               "unit must be auto or article")
        unit = "corpus"
    if unit == "auto":
        unit = "article" if len(arts) > 1 else ("paragraph" if sentences is not None
                                                else "sentence")
    if unit == "corpus":
        dfs, n_docs = corpus_df.lookup(vocab), corpus_df.n_docs
    elif unit == "article":
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
    if unit != "corpus":
        dfs = np.asarray((units > 0).sum(axis=0)).ravel()
        n_docs = units.shape[0]
    keep = (dfs >= min_df) & (dfs <= max_df * n_docs)
    if not keep.all():
        counts, vocab, dfs = counts[:, keep], vocab[keep], dfs[keep]
    idf = smooth_idf(dfs, n_docs)
    x = tfidf_matrix(counts, idf, sublinear_tf=sublinear_tf)
    rows, cols, vals, rank = _top_k_rows(x, top)
    n = np.asarray(counts[rows, cols]).ravel()
    return pd.DataFrame({
        "group": pd.Series(np.asarray(arts, dtype=object)[rows], dtype=object),
        "term": pd.Series(vocab[cols], dtype=object),
        "score": vals,
        "rank": rank.astype(np.int64),
        "n": n.astype(np.int64),
        "df": dfs[cols].astype(np.int64),
        "idf": idf[cols],
    })


def smooth_idf(dfs, n_docs: int) -> np.ndarray:
    """scikit-learn's smooth idf, ``ln((1 + n) / (1 + df)) + 1``, computed as
    ``TfidfTransformer.fit`` does it (the same floating-point operations)."""
    df = np.asarray(dfs).astype(np.float64) + 1.0
    idf = np.full_like(df, fill_value=n_docs + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    return idf


def tfidf_matrix(counts, idf: np.ndarray, *, sublinear_tf: bool = False):
    """``TfidfTransformer.transform``: counts times idf (``1 + log tf`` with
    ``sublinear_tf``), each row l2-normalised; a CSR matrix."""
    x = sparse.csr_matrix(counts, dtype=np.float64, copy=True)
    if sublinear_tf:
        np.log(x.data, x.data)
        x.data += 1.0
    x.data *= idf[x.indices]
    return l2_normalize_rows(x)


def l2_normalize_rows(x):
    """``sklearn.preprocessing.normalize(x, norm="l2", copy=False)`` of a float64 CSR
    matrix, bit for bit, without importing scikit-learn (about half a CPU-second in every
    process that scores keywords: the run's and each corpus-phase worker): each row's
    squares summed in the row's order (as scikit-learn's loop does, not numpy's pairwise
    sum), its square root, each value divided by it; rows summing to 0 unchanged."""
    lengths = np.diff(x.indptr)
    sums = np.zeros(len(lengths))
    if len(lengths) and lengths.max() > 0:
        order = np.argsort(-lengths, kind="stable")   # longest rows first
        starts, lens = x.indptr[:-1][order], lengths[order]
        sq = x.data * x.data
        acc = np.zeros(len(order))
        active = np.searchsorted(-lens, -np.arange(lens[0]), side="left")  # rows > k long
        for k in range(lens[0]):
            n = active[k]
            acc[:n] += sq[starts[:n] + k]         # one term more of each row: in order
        sums[order] = acc
    norms = np.sqrt(sums)
    norms[sums == 0.0] = 1.0
    x.data /= np.repeat(norms, lengths)
    return x
