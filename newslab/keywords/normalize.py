"""The evaluation form of a phrase: lower case, words, Porter stems.

Both the stems and the normal form of each whitespace-separated piece are cached per
distinct token for the life of the process (plain dicts, never evicted: their size is the
vocabulary), so a corpus stems each distinct word once, whatever its number of phrases.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_STEMS: dict[str, str] = {}
_PIECES: dict[str, str] = {}


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem import PorterStemmer
    return PorterStemmer()


def _stem(word: str) -> str:
    s = _STEMS.get(word)
    if s is None:
        s = _STEMS[word] = _stemmer().stem(word)
    return s


def _piece(token: str) -> str:
    """The normal form of one whitespace-free piece ('' when it has no word)."""
    s = _PIECES.get(token)
    if s is None:
        words = _WORD.findall(token.lower().replace("\u2019", "'"))
        s = _PIECES[token] = " ".join([_stem(w) for w in words])
    return s


def normalize_phrase(phrase: str) -> str:
    """The evaluation form of a phrase: lower case, curly apostrophes straightened, split
    into words (letters and digits, inner hyphens and apostrophes kept), each word stemmed
    with NLTK's Porter stemmer, joined by one space ("Russia's Troops" -> "russia' troop").

    Words never span whitespace, so the phrase is normalised piece by piece (each piece
    cached)."""
    return " ".join([s for s in map(_piece, phrase.split()) if s])


def stem_phrases(phrases) -> np.ndarray:
    """:func:`normalize_phrase` of many phrases (cached per token)."""
    return np.asarray([normalize_phrase(p) for p in phrases], dtype=object)
