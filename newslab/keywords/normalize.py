"""The evaluation form of a phrase: lower case, words, Porter stems (cached per word)."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

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
