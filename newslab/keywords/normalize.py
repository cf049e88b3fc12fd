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
_INITIALS: dict[str, str] = {}


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem import PorterStemmer
    return PorterStemmer()


def _stem(word: str) -> str:
    s = _STEMS.get(word)
    if s is None:
        s = _STEMS[word] = _stemmer().stem(word)
    return s


def _piece(token: str, cache: dict = _PIECES, of_word=_stem) -> str:
    """The normal form of one whitespace-free piece ('' when it has no word): its words'
    ``of_word`` (stems), cached in ``cache``."""
    s = cache.get(token)
    if s is None:
        words = _WORD.findall(token.lower().replace("\u2019", "'"))
        s = cache[token] = " ".join([of_word(w) for w in words])
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


#: A word of at least this many characters keeps its first two letters in its Porter stem
#: (:func:`stem_start`)
KEEPS_START = 6


def stem_start(word: str) -> str:
    """The first two letters of the Porter stem of a lower-case ``word`` (the whole stem when
    shorter), stemming only words shorter than :data:`KEEPS_START` characters.

    Every rule of NLTK's Porter stemmer that can fire leaves a prefix of the word and
    appends to it; steps 1a and 1b together cut at most four characters (an "-s", then
    "-ing"), and each later rule needs a stem of positive measure (two characters at
    least) to fire; the stems are never empty. So a word of six characters or more begins
    its stem with its own first two (the irregular forms "dying", "lying", "tying" have
    five). ``tests/test_keywords.py`` checks it on every word of the test vocabulary."""
    if len(word) >= KEEPS_START and word.lower() == word:
        return word[:2]
    return _stem(word)[:2]


def _piece_initials(token: str) -> str:
    return _piece(token, _INITIALS, stem_start)


def phrase_initials(phrase: str) -> str:
    """:func:`stem_start` of every word of the phrase (its words as :func:`normalize_phrase`
    finds them), joined by spaces: two phrases with the same normal form have the same
    initials, so phrases whose initials differ need not be stemmed to be told apart."""
    return " ".join([s for s in map(_piece_initials, phrase.split()) if s])
