"""Key phrases of each article: candidates, RAKE, YAKE-like, and newslab's default.

Candidates are runs of terms (:mod:`newslab.keywords.terms`), split at stop words,
punctuation, numbers and sentence ends; scored the RAKE way (Rose et al. 2010: degree /
frequency of the words), the YAKE way (Campos et al. 2020: casing, position, frequency,
context spread, sentence spread of the words; lower is better, ``score = -log S``), or
newslab's default (:func:`key_phrases`: phrase TF-IDF, length-discounted), the best on the
news keyphrase benchmark.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import NewslabError
from .keyness import english_frequencies
from .normalize import phrase_initials, stem_phrases
from .ngrams import Ngrams, distinct_ngrams
from .terms import CHUNK_ARTICLES, _TOKEN_COLS, _article_chunks, _need, term_mask


#: Fewest articles for key phrases to take their idf from the corpus (else from English).
MIN_CORPUS = 20

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
        df = df[_first_of_stems(df, top)]
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


def _first_of_stems(df: pd.DataFrame, top) -> np.ndarray:
    """Which rows of ``df`` (sorted by article, best first) are the first of their article
    with their Porter stems (:func:`stem_phrases`), among the rows the ranking can reach:
    an article's first ``2 * top`` rows suffice when ``top`` of them are kept (the first
    kept of a prefix are the first kept of the whole); only the articles where they do
    not are stemmed further."""
    art = pd.factorize(df["article_id"])[0]
    phrase = df["phrase"].to_numpy(dtype=object)
    use = np.ones(len(df), dtype=bool)
    if top is not None:
        pos = np.arange(len(art)) - np.searchsorted(art, art, side="left")
        use = pos < 2 * top
    first = _first_rows(art, _dedup_keys(art, phrase, use), use)
    if top is not None and not use.all():
        kept = np.bincount(art[first], minlength=int(art.max()) + 1)
        more = ~use & (kept[art] < top)       # rows of articles short of ``top`` so far
        if more.any():
            use |= more
            first = _first_rows(art, _dedup_keys(art, phrase, use), use)
    out = np.zeros(len(df), dtype=bool)
    out[first] = True
    return out


def _dedup_keys(art: np.ndarray, phrase: np.ndarray, use: np.ndarray) -> np.ndarray:
    """A key for each row among ``use`` such that two rows of one article have the same
    key exactly when their phrases have the same Porter stems: the stems
    (:func:`stem_phrases`) where another row of the article has the same initials
    (:func:`~newslab.keywords.normalize.phrase_initials`, which equal stems imply), and
    else the row's own number (no other row's key)."""
    rows = np.flatnonzero(use)
    codes, uniq = pd.factorize(phrase[rows])
    initials = np.asarray([phrase_initials(p) for p in uniq], dtype=object)[codes]
    clash = pd.DataFrame({"a": art[rows], "i": initials}).duplicated(keep=False).to_numpy()
    key = np.empty(len(phrase), dtype=object)
    key[rows[~clash]] = rows[~clash].tolist()
    if clash.any():
        key[rows[clash]] = _stem_keys(phrase[rows[clash]])
    return key


def _stem_keys(phrases: np.ndarray) -> np.ndarray:
    codes, uniq = pd.factorize(phrases)
    return stem_phrases(np.asarray(uniq, dtype=object))[codes]


def _first_rows(art, key, use) -> np.ndarray:
    """The rows among ``use`` that are the first of their (article, key)."""
    rows = np.flatnonzero(use)
    dup = pd.DataFrame({"a": art[rows], "k": key[rows]}).duplicated().to_numpy()
    return rows[~dup]


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
                background: str = "auto", min_corpus: int = MIN_CORPUS, dedup: bool = True,
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
    tables = [distinct_ngrams(c, max_words) for c in chunks] if len(chunks) == 1 else None
    pdf = None
    if background == "corpus":
        pdf = PhraseFrequencies(max_words)
        for i, c in enumerate(chunks):
            pdf.add(c, distinct=tables[i] if tables else None)
    parts = [score_phrases(c, top=top, max_words=max_words, phrase_df=pdf, dedup=dedup,
                           distinct=tables[i] if tables else None)
             for i, c in enumerate(chunks)]
    parts = [p for p in parts if len(p)]
    if not parts:
        return _empty_phrases(extra=("idf",))
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


class PhraseFrequencies:
    """Document frequencies of candidate phrases over a corpus, gathered a piece of whole
    articles at a time (:meth:`add`); kept as sorted 64-bit phrase hashes
    (:func:`newslab.keywords.ngrams.phrase_hashes`) and counts, so memory grows with the
    phrase vocabulary only.

    Added pieces wait (:data:`PENDING` hashes, or a quarter of those already merged,
    whichever is more) and are merged into the sorted arrays together: merging every
    piece on its own re-sorted the whole vocabulary each time, which grows with the
    number of pieces times the vocabulary. A merge sorts the hashes alone (in place) and
    adds each run's counts by lookup: about 8 bytes per hash held beside the runs (a
    sort of hash and count pairs by an index took about 40)."""

    #: Hashes of added pieces held before they are merged (at least; see above).
    PENDING = 1_000_000

    def __init__(self, max_words: int = 3):
        self.max_words = max_words
        self._keys = np.array([], dtype=np.uint64)
        self._counts = np.array([], dtype=np.int64)
        self._pending: list = []
        self._n_pending = 0
        self.n_docs = 0

    @property
    def keys(self) -> np.ndarray:
        """The sorted distinct phrase hashes."""
        self.flush()
        return self._keys

    @property
    def counts(self) -> np.ndarray:
        """The document frequency of each of :attr:`keys`."""
        self.flush()
        return self._counts

    def add(self, tokens: pd.DataFrame, *, distinct: Ngrams | None = None) -> None:
        """Count the articles of ``tokens`` (``distinct``: its :func:`distinct_ngrams`,
        when already made)."""
        ng = distinct_ngrams(tokens, self.max_words) if distinct is None else distinct
        self.n_docs += ng.n_articles
        self._add_hashes(*np.unique(ng.hashes(), return_counts=True))

    def merge(self, other: PhraseFrequencies) -> None:
        """Add the articles another :class:`PhraseFrequencies` counted."""
        if len(other.keys):
            self._add_hashes(other.keys, other.counts)
        self.n_docs += other.n_docs

    def _add_hashes(self, u: np.ndarray, k: np.ndarray) -> None:
        """Add counts ``k`` of the sorted distinct phrase hashes ``u``."""
        self._pending.append((u, np.asarray(k, dtype=np.int64)))
        self._n_pending += len(u)
        if self._n_pending >= max(self.PENDING, len(self._keys) // 4):
            self.flush()

    def flush(self) -> None:
        """Merge the pending pieces into the sorted arrays now (one sort of sorted runs)."""
        if not self._pending:
            return
        runs = [(self._keys, self._counts), *self._pending] if len(self._keys) else \
            self._pending
        self._pending, self._n_pending = [], 0
        if len(runs) == 1:
            self._keys, self._counts = runs[0]
            return
        self._keys = self._counts = None        # (held by ``runs`` until added)
        allk = np.concatenate([r[0] for r in runs])
        allk.sort(kind="stable")                 # sorted runs: merged, not re-sorted
        keep = np.empty(len(allk), dtype=bool)
        keep[0] = True
        np.not_equal(allk[1:], allk[:-1], out=keep[1:])
        keys = allk[keep]
        del allk, keep
        counts = np.zeros(len(keys), dtype=np.int64)
        while runs:           # each run's keys are distinct: one += per run, the run freed
            k, c = runs.pop()
            counts[np.searchsorted(keys, k)] += c
            del k, c
        self._keys, self._counts = keys, counts

    def lookup_hashes(self, h: np.ndarray) -> np.ndarray:
        """Document frequencies of phrases by their hashes (every one of them counted)."""
        return self.counts[np.searchsorted(self.keys, h)]


def score_phrases(tokens: pd.DataFrame, *, top: int | None = 10, max_words: int = 3,
                  phrase_df: PhraseFrequencies | None = None, dedup: bool = True,
                  distinct: Ngrams | None = None) -> pd.DataFrame:
    """:func:`key_phrases` of the articles of ``tokens``, with the idf from ``phrase_df``
    (the corpus's phrase document frequencies; every phrase of ``tokens`` must be in it),
    or from general English when it is None. Columns as :func:`key_phrases`.

    The candidates are scored as integer codes; phrase strings are made only for the
    candidates that can reach an article's best ``5 * top`` (:func:`_precut`)."""
    ng = distinct_ngrams(tokens, max_words) if distinct is None else distinct
    if not len(ng):
        return _empty_phrases(extra=("idf",))
    if phrase_df is not None:
        df = phrase_df.lookup_hashes(ng.hashes())
        idf = np.log((1.0 + phrase_df.n_docs) / (1.0 + df)) + 1.0
    else:
        flat, offs = ng.word_rows()
        wcodes, wvocab = pd.factorize(flat)
        surprise = -np.log10(english_frequencies(ng.words[wvocab]))[wcodes]
        idf = np.add.reduceat(surprise, offs) / ng.n_words
    score = ng.n * idf / ng.n_words
    rows = _precut(ng.art, score, top)
    ph = pd.DataFrame({"article_id": pd.Series(ng.arts[ng.art[rows]], dtype=object),
                       "phrase": pd.Series(ng.phrases(rows), dtype=object),
                       "n": ng.n[rows], "n_words": ng.n_words[rows], "idf": idf[rows],
                       "score": score[rows]})
    return _rank_phrases(ph, top, dedup=dedup, extra=("idf",))


def _precut(art: np.ndarray, score: np.ndarray, top) -> np.ndarray:
    """The rows that can be among their article's best ``5 * top`` by score (what
    :func:`_rank_phrases` keeps before dedup): every row scoring at least the article's
    ``5 * top``-th best score, so ties at the cut are kept for the exact sort."""
    if top is None or not len(score) or np.isnan(score).any():
        return np.arange(len(score))
    k = 5 * top
    order = np.lexsort((-score, art))
    a = art[order]
    pos = np.arange(len(a)) - np.searchsorted(a, a, side="left")
    thr = np.full(int(art.max()) + 1, -np.inf)
    at = pos == k - 1
    thr[a[at]] = score[order][at]
    return np.flatnonzero(score >= thr[art])
