"""Preprocessing shared by every keyword method: which tokens are terms, sparse counts.

A *term* is a token's ``lower`` form (lower case, curly apostrophes made straight) that is
alphabetic (``is_alpha``; inner hyphens allowed) or an abbreviation with periods ("u.s."),
not a stop word (``is_stop``, scikit-learn's list) and at least two letters long. Numbers
and punctuation are left out; the possessive ``'s`` is a token of its own (so "Russia's"
counts as "russia").
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from .. import schema

#: Articles per piece for the per-article phrase methods (bounded memory on large corpora).
CHUNK_ARTICLES = 1000

#: The token columns every method reads (a subset of ``schema.columns("tokens")``).
TOKEN_NEEDS = ("article_id", "sentence_id", "lower", "is_stop", "is_alpha")
_TOKEN_COLS = TOKEN_NEEDS
#: The column that carries a precomputed term mask (:func:`with_term_mask`).
TERM_COLUMN = "_is_term"
#: Abbreviations with periods count as terms too ("U.S.", "U.N.").
_ABBREV = r"(?:[a-z]\.){2,}"


def _need(df, cols, what: str) -> None:
    schema.require(df, list(cols), what)


def term_mask(tokens: pd.DataFrame, *, min_chars: int = 2) -> np.ndarray:
    """Which rows of ``tokens`` are terms: alphabetic, not stop words, ``min_chars`` or more.

    A boolean column ``_is_term`` (set by :func:`with_term_mask`) is used as it is."""
    if min_chars == 2 and TERM_COLUMN in tokens.columns:
        return tokens[TERM_COLUMN].to_numpy(dtype=bool)
    _need(tokens, _TOKEN_COLS, "term_mask")
    codes, uniq = factorize(tokens["lower"])
    u = pd.Series(uniq, dtype=object)
    ok = u.str.len().to_numpy() >= min_chars
    abbrev = u.str.fullmatch(_ABBREV).fillna(False).to_numpy(dtype=bool)
    alpha = tokens["is_alpha"].to_numpy(dtype=bool) | abbrev[codes]
    return alpha & ~tokens["is_stop"].to_numpy(dtype=bool) & ok[codes]


def with_term_mask(tokens: pd.DataFrame) -> pd.DataFrame:
    """``tokens`` with its :func:`term_mask` computed once, as the column ``_is_term``, for a
    piece that several methods read in turn."""
    return tokens.assign(**{TERM_COLUMN: term_mask(tokens)})


def _terms(tokens: pd.DataFrame, *, min_chars: int = 2, extra=()) -> pd.DataFrame:
    """The term rows of ``tokens``, with only the columns the methods use (less copying)."""
    cols = ["article_id", "sentence_id", "lower", *[c for c in extra if c in tokens.columns]]
    return tokens.loc[term_mask(tokens, min_chars=min_chars), cols]


def factorize(values: pd.Series):
    """``pd.factorize`` of a column: integer codes and the distinct values (an object
    array). A Categorical column (a Parquet part read with ``dictionary``) gives its own
    codes and categories (some of which may be unused) without hashing a string."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return (values.cat.codes.to_numpy().astype(np.int64),
                values.cat.categories.to_numpy(dtype=object))
    codes, uniq = pd.factorize(values)
    return codes, np.asarray(uniq, dtype=object)


def term_values(values: pd.Series):
    """A column's values for :func:`_counts`: its Categorical when it is one, else an
    object array."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.array
    return values.to_numpy(dtype=object)


def _sorted_codes(terms: pd.Categorical):
    """``pd.factorize(terms, sort=True)`` of a Categorical by its codes: the used
    categories sorted, and each value's position among them."""
    used = np.flatnonzero(np.bincount(terms.codes[terms.codes >= 0],
                                      minlength=len(terms.categories)))
    cats = terms.categories.to_numpy(dtype=object)[used]
    order = np.argsort(cats, kind="stable")
    remap = np.full(len(terms.categories), -1, dtype=np.int64)
    remap[used[order]] = np.arange(len(used))
    return remap[terms.codes], cats[order]


def _counts(row_keys: np.ndarray, terms, n_rows: int | None = None):
    """Sparse row x term count matrix; the vocabulary is sorted (so column order is
    alphabetical and ties break alphabetically). ``terms``: an object array or a
    Categorical (:func:`term_values`)."""
    if isinstance(terms, pd.Categorical):
        tcodes, vocab = _sorted_codes(terms)
    else:
        tcodes, vocab = pd.factorize(pd.Series(terms, dtype=object), sort=True)
    if n_rows is None:
        n_rows = int(row_keys.max()) + 1 if len(row_keys) else 0
    m = sparse.csr_matrix((np.ones(len(tcodes), dtype=np.float64), (row_keys, tcodes)),
                          shape=(n_rows, len(vocab)))
    m.sum_duplicates()
    return m, np.asarray(vocab, dtype=object)


def article_term_counts(tokens: pd.DataFrame):
    """Article x term counts of the term rows (:func:`term_mask`) of ``tokens``:
    ``(x, presence, vocab, codes, arts)``: ``x`` a sparse float matrix with a row for every
    article of ``tokens`` (``arts``, in order of first appearance; an article without a
    term has an empty row) and a column per term of the sorted ``vocab``; ``presence`` the
    same with every stored count 1; ``codes`` each token row's article (into ``arts``).
    The counts the document frequencies, the pipeline's pass 1 and
    :func:`newslab.keywords.group_document_counts` share."""
    codes, arts = pd.factorize(tokens["article_id"], sort=False)
    tm = term_mask(tokens)
    x, vocab = _counts(codes[tm], term_values(tokens["lower"])[tm], len(arts))
    pres = x.copy()
    pres.data = np.ones_like(pres.data)
    return x, pres, vocab, codes, arts


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


class CountsByRow:
    """Counts per (row label, term) summed over pieces of a corpus: the vocabulary and the
    row labels (groups) stay sorted, so the totals do not depend on how the corpus was cut.
    Memory: one sparse matrix of rows x vocabulary, and the pieces added since it was last
    made (summed into it when read, or when they hold :data:`PENDING` entries)."""

    #: Stored entries of added pieces held before they are summed into the matrix.
    PENDING = 1_000_000

    def __init__(self):
        self._rows = np.array([], dtype=object)
        self._vocab = np.array([], dtype=object)
        self._matrix = sparse.csr_matrix((0, 0))
        self._pending: list = []
        self._n_pending = 0

    def add(self, rows, vocab, matrix) -> None:
        """Add ``matrix`` (len(rows) x len(vocab)); ``rows`` and ``vocab`` sorted, unique."""
        m = sparse.coo_matrix(matrix)
        self._pending.append((np.asarray(rows, dtype=object), np.asarray(vocab, dtype=object),
                              m))
        self._n_pending += m.nnz + len(vocab)
        if self._n_pending > self.PENDING:
            self._flush()

    def _flush(self) -> None:
        """Sum the pending pieces into the matrix: one sorted union of the vocabularies
        (a hash of every term, one sort of the distinct ones), integer counts summed."""
        if not self._pending:
            return
        pieces = [(self._rows, self._vocab, sparse.coo_matrix(self._matrix)), *self._pending]
        self._pending, self._n_pending = [], 0
        rcodes, new_rows = pd.factorize(np.concatenate([p[0] for p in pieces]), sort=True)
        vcodes, new_vocab = pd.factorize(np.concatenate([p[1] for p in pieces]), sort=True)
        r, c, d = [], [], []
        ro = vo = 0
        for rows, vocab, m in pieces:
            if m.nnz:
                r.append(rcodes[ro:ro + len(rows)][m.row])
                c.append(vcodes[vo:vo + len(vocab)][m.col])
                d.append(m.data)
            ro += len(rows)
            vo += len(vocab)
        if r:
            r, c, d = np.concatenate(r), np.concatenate(c), np.concatenate(d)
        else:
            r = c = np.array([], dtype=np.int64)
            d = np.array([], dtype=np.float64)
        self._rows = np.asarray(new_rows, dtype=object)
        self._vocab = np.asarray(new_vocab, dtype=object)
        self._matrix = sparse.csr_matrix((d, (r, c)), shape=(len(new_rows), len(new_vocab)))
        self._matrix.sum_duplicates()

    @property
    def rows(self) -> np.ndarray:
        self._flush()
        return self._rows

    @property
    def vocab(self) -> np.ndarray:
        self._flush()
        return self._vocab

    @property
    def matrix(self) -> sparse.csr_matrix:
        self._flush()
        return self._matrix


class DocumentFrequencies:
    """How many articles of a corpus contain each term, gathered a piece at a time
    (:meth:`add` every piece of whole articles), then looked up by term."""

    def __init__(self):
        self._counts = CountsByRow()
        self.n_docs = 0
        self._df = None

    def add(self, tokens: pd.DataFrame) -> None:
        _, pres, vocab, _, _ = article_term_counts(tokens)
        self.add_presence(pres, vocab)

    def add_presence(self, pres, vocab: np.ndarray) -> None:
        """Add the articles of ``pres`` (article x term, 1 where the article has the term;
        :func:`article_term_counts`) that have a term."""
        with_terms = np.diff(pres.indptr) > 0
        if not with_terms.any():
            return
        df = np.asarray(pres.sum(axis=0)).ravel()
        keep = df > 0
        self.add_counts(vocab[keep], sparse.csr_matrix(df[keep].reshape(1, -1)),
                        int(with_terms.sum()))

    def add_counts(self, vocab: np.ndarray, df, n_docs: int) -> None:
        """Add ``n_docs`` articles' document frequencies: ``df`` a one-row sparse matrix
        over the sorted terms ``vocab``."""
        self._counts.add(np.array(["all"], dtype=object), vocab, df)
        self.n_docs += n_docs
        self._df = None

    def merge(self, other: DocumentFrequencies) -> None:
        """Add the articles another :class:`DocumentFrequencies` counted."""
        if other.n_docs:
            self.add_counts(other._counts.vocab, other._counts.matrix, other.n_docs)

    @property
    def vocab(self) -> np.ndarray:
        return self._counts.vocab

    def lookup(self, terms) -> np.ndarray:
        """Document frequencies of ``terms`` (every one of them must have been added),
        found through a hash index of the vocabulary, made once."""
        if self._df is None:
            self._df = self._counts.matrix.toarray().ravel().astype(np.int64)
            self._index = pd.Index(self._counts.vocab)
            self._index.get_indexer(self._counts.vocab[:1])   # its hash table, built now
        return self._df[self._index.get_indexer(np.asarray(terms, dtype=object))]
