"""Candidate phrases as integer codes: the distinct n-grams of terms of each article.

:func:`distinct_ngrams` finds the same candidates as
``candidate_phrases(tokens, max_words=k)`` (runs of terms, never across a stop word,
punctuation, a number or a sentence end) and counts them per article, with word codes
instead of strings: the phrase strings are made only for the rows a caller asks for
(:meth:`Ngrams.phrases`), and the corpus-wide identity of a phrase is a 64-bit hash made
from its words' hashes (:meth:`Ngrams.hashes`), the same in every piece of a corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .terms import factorize, term_mask

_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)
_SEED = np.uint64(0x9E3779B97F4A7C15)
_S33 = np.uint64(33)


def _fmix(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser, element-wise (wrapping uint64 arithmetic)."""
    h = h ^ (h >> _S33)
    h = h * _M1
    h = h ^ (h >> _S33)
    h = h * _M2
    return h ^ (h >> _S33)


def phrase_hashes(word_hashes: np.ndarray, grams: np.ndarray) -> np.ndarray:
    """The 64-bit hash of each phrase: its words' hashes (``word_hashes[grams]``, ``grams``
    a rows x words matrix of word codes, -1 after the last word) folded in order."""
    h = np.full(len(grams), _SEED, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(grams.shape[1]):
            w = grams[:, j]
            more = w >= 0
            h[more] = _fmix(h[more] ^ word_hashes[w[more]])
    return h


@dataclass
class Ngrams:
    """The distinct candidate phrases of each article of a piece (one row per article and
    phrase): ``art`` (code into ``arts``, the article ids), ``grams`` (word codes
    into ``words``, -1 padded), ``n`` (occurrences in the article), ``n_words``,
    ``phrase`` (code of the phrase within the piece); ``n_articles``: articles of the
    piece (with or without candidates)."""

    arts: np.ndarray
    words: np.ndarray
    art: np.ndarray
    grams: np.ndarray
    n: np.ndarray
    n_words: np.ndarray
    phrase: np.ndarray
    n_articles: int
    _hashes: np.ndarray | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.art)

    def phrases(self, rows=None) -> np.ndarray:
        """The phrase strings of ``rows`` (all rows when None)."""
        g = self.grams if rows is None else self.grams[rows]
        out = self.words[g[:, 0]] if len(g) else np.array([], dtype=object)
        for j in range(1, g.shape[1]):
            more = g[:, j] >= 0
            out[more] = out[more] + " " + self.words[g[more, j]]
        return out

    def hashes(self) -> np.ndarray:
        """The corpus-wide hash (:func:`phrase_hashes`) of every row's phrase (made once:
        the document frequencies and the scoring of a piece both ask)."""
        if self._hashes is None:
            if not len(self):
                self._hashes = np.array([], dtype=np.uint64)
            else:
                _, rep = np.unique(self.phrase, return_index=True)  # a row per phrase code
                h = phrase_hashes(pd.util.hash_array(self.words), self.grams[rep])
                self._hashes = h[self.phrase]
        return self._hashes

    def word_rows(self):
        """Each row's word codes flat (in order) and the offset where each row starts."""
        nw = self.n_words
        offs = np.r_[0, np.cumsum(nw)[:-1]].astype(np.int64)
        keep = self.grams >= 0
        return self.grams[keep], offs


def distinct_ngrams(tokens: pd.DataFrame, max_words: int) -> Ngrams:
    """The distinct candidate n-grams (1..``max_words`` terms) of each article of
    ``tokens``, counted (:class:`Ngrams`)."""
    content = term_mask(tokens)
    n = len(tokens)
    acodes, arts = factorize(tokens["article_id"])
    sid = tokens["sentence_id"].to_numpy()
    newsent = np.ones(n, dtype=bool)
    if n > 1:
        newsent[1:] = (sid[1:] != sid[:-1]) | (acodes[1:] != acodes[:-1])
    run = np.cumsum(~content | newsent)
    wc, words = factorize(tokens["lower"])
    wc = np.where(content, wc, -1)
    firsts, lens = [], []
    for k in range(1, max_words + 1):
        if n < k:
            break
        i = np.arange(n - k + 1)
        firsts.append(i[content[i] & (run[i + k - 1] == run[i])])
        lens.append(np.full(len(firsts[-1]), k, dtype=np.int64))
    first = np.concatenate(firsts) if firsts else np.array([], dtype=np.int64)
    nw = np.concatenate(lens) if lens else np.array([], dtype=np.int64)
    grams = np.full((len(first), max_words), -1, dtype=np.int64)
    for j in range(max_words):
        more = nw > j
        grams[more, j] = wc[first[more] + j]
    pcode = _row_codes(grams, len(words))
    n_phr = int(pcode.max()) + 1 if len(pcode) else 0
    pair, _ = pd.factorize(acodes[first].astype(np.int64) * max(n_phr, 1) + pcode)
    _, rep = np.unique(pair, return_index=True)         # first occurrence of each pair
    return Ngrams(arts=np.asarray(arts, dtype=object), words=np.asarray(words, dtype=object),
                  art=acodes[first[rep]].astype(np.int64), grams=grams[rep],
                  n=np.bincount(pair, minlength=len(rep)).astype(np.int64),
                  n_words=nw[rep], phrase=pcode[rep],
                  n_articles=int(np.count_nonzero(np.bincount(acodes[acodes >= 0],
                                                              minlength=len(arts)))))


def _row_codes(grams: np.ndarray, n_words: int) -> np.ndarray:
    """A code for each distinct row of ``grams`` (word codes >= -1)."""
    if not len(grams):
        return np.array([], dtype=np.int64)
    base = n_words + 1
    if base ** grams.shape[1] < 2 ** 62:
        key = np.zeros(len(grams), dtype=np.int64)
        for j in range(grams.shape[1]):
            key = key * base + (grams[:, j] + 1)
        return pd.factorize(key)[0].astype(np.int64)
    return np.unique(grams, axis=0, return_inverse=True)[1].reshape(-1).astype(np.int64)
