"""The keywords of each article by one method in one shape, and the pipeline stage.

:func:`keywords_stage` works over pieces of whole articles: a first pass gathers the
corpus's document frequencies (of terms, and of phrases as 64-bit hashes) and, for every
``by`` key, the article counts of each group and term; a second pass scores each piece with
them. Its memory grows with the vocabulary and the output, not with the corpus, and every
article gets exactly the keywords it gets when the whole table is scored at once (tested).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from .. import groups as _groups
from .. import schema
from ..errors import NewslabError
from .documents import ALPHA, MIN_ARTICLES, keyness_from_counts
from .keyness import article_keyness
from .phrases import (
    MIN_CORPUS,
    PhraseFrequencies,
    key_phrases,
    rake,
    score_phrases,
    yake_like,
)
from .terms import (CountsByRow, DocumentFrequencies, _article_chunks, article_term_counts,
                    with_term_mask)
from .tfidf import tfidf

#: The keyword methods of :func:`keywords` (and of ``newslab evaluate keywords --method``).
METHODS = ("phrases", "tfidf", "keyness", "yake", "rake")
#: newslab's default (best) keyword method.
DEFAULT_METHOD = "phrases"
#: Columns of the pipeline's ``keywords`` table (``newslab.schema``).
KEYWORD_COLUMNS = schema.columns("keywords")
#: The token columns the stage reads.
STAGE_TOKEN_NEEDS = ["article_id", "sentence_id", "token_id", "lower", "is_stop", "is_alpha"]
#: Articles per piece the stage scores at once (its working memory: about 0.15 GB per
#: 1,000 articles, in each worker; the results do not depend on it).
STAGE_CHUNK_ARTICLES = 1_000
#: Terms each way per group in the ``keyness_by_<key>`` tables (those with q < ALPHA).
KEYNESS_TOP = 20
#: Above this many articles the stage's first pass runs in one worker process, not in
#: ``jobs`` of them. Each pass-1 worker holds its own statistics (document frequencies,
#: phrase hashes, group counts, their pending pieces) beside the pages it shares with
#: the run's process, and the run's process itself grows with the corpus; measured with
#: two workers (``benchmarks/bench_pipeline.py``, ``--by month --by outlet``): peak PSS
#: of the process tree 1.04 GB at 10^5 articles (two workers 0.23 + 0.21 GB private),
#: 2.12 GB at 10^6 (three processes of 0.9-1.05 GB RSS), i.e. about 1.2 kB more per
#: article; along that line two workers pass 1.8 GB at about 730,000 articles. One
#: worker costs pass 1's second core, not CPU (the counts are the same: sums).
PASS1_SHARED_MAX_ARTICLES = 500_000


def pass1_workers(jobs: int, n_articles: int | None) -> int:
    """The worker processes keywords' first pass uses: ``jobs``, or one above
    :data:`PASS1_SHARED_MAX_ARTICLES` articles (``n_articles`` None: not known, ``jobs``)."""
    if n_articles is not None and n_articles > PASS1_SHARED_MAX_ARTICLES:
        return 1
    return max(1, int(jobs))


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
    return _keywords_shape(df, method)


def _keywords_shape(df: pd.DataFrame, method: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": pd.Series(df["group"].to_numpy(dtype=object),
                                                 dtype=object),
                         "method": method,
                         "term": pd.Series(df["term"].to_numpy(dtype=object), dtype=object),
                         "score": df["score"].to_numpy(dtype=np.float64),
                         "rank": df["rank"].to_numpy(dtype=np.int64)}, columns=KEYWORD_COLUMNS)


#: Methods the pipeline stage runs, and how many terms per article each keeps.
STAGE_METHODS = (("tfidf", 10), ("phrases", 10))


def keywords_stage(tables, *, by=(), duplicates: bool = False,
                   chunk_articles: int | None = STAGE_CHUNK_ARTICLES) -> dict:
    """Corpus-level pipeline stage: the keywords of every article, and with ``by`` keys
    (``newslab.groups``) the keyness of every group of articles.

    Reads ``tokens`` (``article_id, sentence_id, token_id, lower, is_stop, is_alpha``),
    ``sentences`` (``article_id, sentence_id, paragraph_id``) only for a corpus of one
    article (its paragraph idf), and with ``by`` the ``articles`` (``article_id``,
    ``duplicate_of``, ``date`` and the key columns). Returns

    - ``keywords``: the top 10 TF-IDF terms and the top 10 key phrases of every article
      (``article_id, method, term, score, rank``), over all articles, by article in the
      order of the tokens (the input order), then method and rank;
    - ``keyness_by_<key>`` for each key: :func:`newslab.keywords.document_keyness` (article
      counts, Fisher / 'N - 1' chi-squared, Benjamini-Hochberg q) of every group against
      the other articles, the top :data:`KEYNESS_TOP` terms each way among those with
      q < 0.05, the key as first column (``schema.grouped_columns("keyness", key)``).
      Duplicates (``articles.duplicate_of``) are left out unless ``duplicates=True``; a
      key with fewer than two groups gives an empty table.

    The tokens are read a piece of at most ``chunk_articles`` whole articles at a time
    (None: the whole table at once); when ``tables`` offers ``iter_parts(name, columns)``
    (an iterator of DataFrames of whole articles, such as the pipeline's Parquet parts),
    the table is never held whole. The returned ``keywords`` table itself grows with the
    corpus (20 rows per article); :func:`keywords_parts` hands it over piece by piece, and
    so does this stage when ``tables.parts_out`` is true (the pipeline's corpus phase,
    which writes each piece as a part: ``newslab.pipeline.corpus.StageTables``).
    """
    out = keywords_parts(tables, by=by, duplicates=duplicates, chunk_articles=chunk_articles)
    if getattr(tables, "parts_out", False):
        return out
    parts = list(out["keywords"])
    out["keywords"] = (pd.concat(parts, ignore_index=True) if parts
                       else schema.empty("keywords"))
    return out


def keywords_parts(tables, *, by=(), duplicates: bool = False,
                   chunk_articles: int | None = STAGE_CHUNK_ARTICLES) -> dict:
    """:func:`keywords_stage` with ``keywords`` as an iterator of DataFrames, one per piece
    of articles (each by article in input order, method and rank; pieces in order), so that a
    caller can write it part by part and never hold it whole. The first pass (corpus
    statistics, the ``keyness_by_<key>`` tables) is done before this returns; the
    iterator runs the second."""
    keys = _groups.check_keys(by)
    pieces = _pieces(tables, chunk_articles)
    labels = None
    if keys:
        if "articles" not in tables:
            raise NewslabError("keywords_stage: by= needs the articles table")
        arts = _groups.aggregate_articles(tables["articles"], duplicates=duplicates)
        labels = _Labels(arts["article_id"], {key: _groups.group_table(arts, key)
                                              for key in keys})
        arts = None
        release = getattr(tables, "release", None)
        if callable(release):                     # the articles table is not read again
            release("articles")
    mapper = getattr(tables, "map_parts", None)
    dic = _dictionary(tables)
    if callable(mapper) and getattr(tables, "jobs", 1) > 1:   # pass 1 in worker processes
        got = mapper("tokens", _pass1, shared=(keys, labels, chunk_articles),
                     columns=STAGE_TOKEN_NEEDS, tasks=2 * tables.jobs,
                     workers=pass1_workers(tables.jobs, getattr(tables, "n_articles", None)),
                     **dic)
        total = _Statistics(keys)
        for st in got:
            total.merge(st)
    else:
        total = _statistics(pieces(), keys, labels)
    labels = None
    total.term_df.lookup([])                      # its index made once, before any fork
    total.phrase_df.flush()                       # and the phrase hashes merged once
    if callable(mapper) and getattr(tables, "jobs", 1) > 1 and total.n_pieces > 1 \
            and total.term_df.n_docs > 1:             # pass 2 too, one part per task
        kw = mapper("tokens", _pass2, shared=(total.scoring(), chunk_articles),
                    columns=STAGE_TOKEN_NEEDS,
                    tasks=max(2 * tables.jobs, total.term_df.n_docs // (chunk_articles or
                                                                        10**9)), **dic)
        out = {"keywords": (k for k in kw if len(k))}
    else:
        out = {"keywords": _stage_keywords(tables, pieces, total.n_pieces, total.term_df,
                                           total.phrase_df)}
    for key, c in total.by_counts.items():
        out[_groups.grouped_name("keyness", key)] = c.table(key)
    return out


class _Statistics:
    """Pass 1: the corpus's document frequencies (terms, phrases) and, per ``by`` key, the
    article counts of each group and term; gathered piece by piece, or in worker processes
    and merged (all counts: the same totals whatever the order)."""

    def __init__(self, keys):
        self.term_df, self.phrase_df = DocumentFrequencies(), PhraseFrequencies()
        self.by_counts = {key: _GroupCounts() for key in keys}
        self.n_pieces = 0

    def merge(self, o: _Statistics) -> None:
        self.n_pieces += o.n_pieces
        self.term_df.merge(o.term_df)
        self.phrase_df.merge(o.phrase_df)
        for key, c in self.by_counts.items():
            c.merge(o.by_counts[key])


    def scoring(self) -> _Statistics:
        """What pass 2 needs (the document frequencies; not the group counts)."""
        st = _Statistics(())
        st.term_df, st.phrase_df, st.n_pieces = self.term_df, self.phrase_df, self.n_pieces
        return st


def _pass1(parts, shared) -> _Statistics:
    """Pass 1 over some parts of the tokens (a worker's task: a module-level function,
    picklable; ``shared``: the ``by`` keys, their labels and the piece size)."""
    keys, labels, size = shared
    return _statistics(_cut(parts, size), keys, labels)


def _pass2(parts, shared) -> pd.DataFrame:
    """Pass 2 over some parts (a worker's task; ``shared``: the statistics, piece size)."""
    total, size = shared
    return _score_parts(_cut(parts, size), total)


def _statistics(pieces, keys, labels) -> _Statistics:
    st = _Statistics(keys)
    for piece in pieces:
        st.n_pieces += 1
        counts = _PieceCounts(piece)
        counts.add_to(st.term_df)
        st.phrase_df.add(piece)
        for key, c in st.by_counts.items():
            c.add_counts(counts, labels.of(key, counts.arts))
    st.phrase_df.flush()                 # merged here (in a worker, when in one)
    return st


class _PieceCounts:
    """One piece's article x term counts (:func:`newslab.keywords.terms.article_term_counts`),
    made once for the document frequencies and every ``by`` key."""

    def __init__(self, piece: pd.DataFrame):
        self.x, self.pres, self.vocab, _, self.arts = article_term_counts(piece)

    def add_to(self, term_df: DocumentFrequencies) -> None:
        term_df.add_presence(self.pres, self.vocab)


def _cut(parts, size):
    """Parts of the tokens table (each of whole articles) as pieces of at most ``size``
    whole articles: a part too big is cut, consecutive small parts are joined (fewer,
    larger pieces: each piece's fixed cost, the vocabulary merges, is paid less often)."""
    held, n_held = [], 0
    for part in parts:
        n = part["article_id"].nunique()
        if held and (size is None or n_held + n > size):
            yield from _chunks(held, size)
            held, n_held = [], 0
        held.append(part)
        n_held += n
    if held:
        yield from _chunks(held, size)


def _chunks(held, size):
    t = held[0] if len(held) == 1 else _concat(held)
    for piece in _article_chunks(t, size):
        yield with_term_mask(piece)


def _concat(parts) -> pd.DataFrame:
    """``pd.concat`` of parts, Categorical columns kept Categorical (their categories
    united, not turned into objects)."""
    from pandas.api.types import union_categoricals
    cols = {}
    for c in parts[0].columns:
        if isinstance(parts[0][c].dtype, pd.CategoricalDtype):
            cols[c] = union_categoricals([p[c] for p in parts])
        else:
            cols[c] = np.concatenate([p[c].to_numpy() for p in parts])
    return pd.DataFrame(cols)


def plain(tokens: pd.DataFrame) -> pd.DataFrame:
    """``tokens`` with its Categorical columns as plain object columns."""
    cat = [c for c in tokens.columns if isinstance(tokens[c].dtype, pd.CategoricalDtype)]
    return tokens.astype({c: object for c in cat}) if cat else tokens


def _score_parts(pieces, total: _Statistics) -> pd.DataFrame:
    """Pass 2 over some pieces: their keywords with the corpus's statistics, in order."""
    got = list(_score_pieces(pieces, total.term_df, total.phrase_df))
    return pd.concat(got, ignore_index=True) if got else schema.empty("keywords")


#: The token columns read from Parquet parts as Categoricals (codes, one string per
#: distinct value: ``newslab.pipeline.tables.read_part``), when the tables can.
DICTIONARY = ("article_id", "lower")


def _dictionary(tables) -> dict:
    return {"dictionary": DICTIONARY} if getattr(tables, "dictionary_parts", False) else {}


def _pieces(tables, size):
    """A function that returns a fresh iterator over the tokens in pieces of whole
    articles (at most ``size`` articles each)."""
    parts = getattr(tables, "iter_parts", None)
    if callable(parts):
        dic = _dictionary(tables)
        return lambda: _cut(parts("tokens", columns=STAGE_TOKEN_NEEDS, **dic), size)
    t = tables["tokens"]
    return lambda: (with_term_mask(p) for p in _article_chunks(t, size))


def _sorted(parts, tokens: pd.DataFrame) -> pd.DataFrame:
    """The keywords of a piece by article in the order of its tokens, method, rank: the
    same order whatever the pieces (the concatenation is the whole table's)."""
    out = pd.concat(parts, ignore_index=True)
    ids = np.asarray(pd.unique(tokens["article_id"]), dtype=object)
    order = pd.Index(ids).get_indexer(out["article_id"].to_numpy(dtype=object))
    return (out.assign(_order=order)
            .sort_values(["_order", "method", "rank"], kind="mergesort")
            .drop(columns="_order").reset_index(drop=True))


def _stage_keywords(tables, pieces, n_pieces, term_df, phrase_df):
    """The keywords of every piece, one sorted DataFrame per piece (an iterator)."""
    if n_pieces == 0:
        return
    if n_pieces == 1 or term_df.n_docs <= 1:     # small: the whole table at once
        t = plain(next(iter(pieces())) if n_pieces == 1 else _concat(list(pieces())))
        s = (tables.get("sentences") if hasattr(tables, "get") and term_df.n_docs <= 1
             else None)                   # paragraph idf: a corpus of one article only
        yield _sorted([keywords(t, method=m, top=k, sentences=s) for m, k in STAGE_METHODS], t)
        return
    yield from _score_pieces(pieces(), term_df, phrase_df)


def _score_pieces(pieces, term_df, phrase_df):
    """Pass 2: each piece's keywords with the corpus's document frequencies."""
    corpus = phrase_df.n_docs >= MIN_CORPUS
    for piece in pieces:
        yield _sorted([_keywords_shape(
            tfidf(piece, top=k, corpus_df=term_df) if m == "tfidf" else
            score_phrases(piece, top=k, phrase_df=phrase_df if corpus else None), m)
            for m, k in STAGE_METHODS], piece)


class _Labels:
    """The group of every article for each ``by`` key, compact (it travels to the pass-1
    workers): one index of the article ids, and per key a group code per article (-1:
    none) and the group names."""

    def __init__(self, ids: pd.Series, grouped: dict):
        self.index = pd.Index(ids.to_numpy(dtype=object)).unique()
        self.codes, self.names = {}, {}
        for key, g in grouped.items():
            codes, names = pd.factorize(pd.Series(g[key].to_numpy(dtype=object),
                                                  dtype=object))
            at = np.full(len(self.index), -1, dtype=np.int32)
            pos = self.index.get_indexer(g["article_id"].to_numpy(dtype=object))
            at[pos[pos >= 0]] = codes[pos >= 0]
            self.codes[key] = at
            self.names[key] = np.append(np.asarray(names, dtype=object), None)
        self._last = (None, None)

    def of(self, key, arts: np.ndarray) -> np.ndarray:
        """The group of each of the articles ``arts`` (ids) by ``key``; None: none."""
        if self._last[0] is not arts:                 # one lookup per piece, all keys
            self._last = (arts, self.index.get_indexer(np.asarray(arts, dtype=object)))
        pos = self._last[1]
        codes = np.where(pos >= 0, self.codes[key][pos], -1)
        return self.names[key][codes]                 # -1: the last name, None

    def __getstate__(self):
        return {"index": self.index, "codes": self.codes, "names": self.names}

    def __setstate__(self, state):
        self.__dict__.update(state, _last=(None, None))


class _GroupCounts:
    """Articles per group and term, token counts per group and term, articles per group,
    summed over pieces."""

    def __init__(self):
        self.df, self.n = CountsByRow(), CountsByRow()
        self.sizes = {}

    def add_counts(self, pc: _PieceCounts, lab: np.ndarray) -> None:
        """Add a piece's counts (:class:`_PieceCounts`) of the articles with a group in
        ``lab`` (one per article of the piece, :meth:`_Labels.of`); the others (None)
        are left out."""
        ok = np.flatnonzero(pd.notna(lab))
        if not len(ok):
            return
        gcodes, gnames = pd.factorize(pd.Series(lab[ok], dtype=object), sort=True)
        ind = sparse.csr_matrix((np.ones(len(ok)), (gcodes, ok)),
                                shape=(len(gnames), len(pc.arts)))
        df, n = (ind @ pc.pres).tocsr(), (ind @ pc.x).tocsr()
        cols = np.flatnonzero(np.asarray(n.sum(axis=0)).ravel() > 0)  # labelled articles'
        gnames = np.asarray(gnames, dtype=object)                      # terms only
        self.df.add(gnames, pc.vocab[cols], df[:, cols])
        self.n.add(gnames, pc.vocab[cols], n[:, cols])
        for g, k in zip(gnames, np.bincount(gcodes, minlength=len(gnames))):
            self.sizes[g] = self.sizes.get(g, 0) + int(k)

    def merge(self, o: _GroupCounts) -> None:
        if len(o.df.rows):
            self.df.add(o.df.rows, o.df.vocab, o.df.matrix)
            self.n.add(o.n.rows, o.n.vocab, o.n.matrix)
        for g, k in o.sizes.items():
            self.sizes[g] = self.sizes.get(g, 0) + k

    def table(self, key: str) -> pd.DataFrame:
        cols = schema.grouped_columns("keyness", key)
        if len(self.df.rows) < 2:
            return pd.DataFrame(columns=cols)
        sizes = np.array([self.sizes[g] for g in self.df.rows], dtype=np.int64)
        res = keyness_from_counts(self.df.vocab, self.df.rows, self.df.matrix,
                                  self.n.matrix, sizes, min_articles=MIN_ARTICLES,
                                  top=KEYNESS_TOP, alpha=ALPHA)
        return res.rename(columns={"group": key})[cols]
