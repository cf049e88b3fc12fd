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
    from ..nltk_light import module
    return module("nltk.stem.porter").PorterStemmer()


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


#: The words whose Porter stem does not begin with their own first two letters (a stem of
#: one letter, or the second changed): "ies", a vowel with "-ed" or "-ing" (perhaps with
#: "-s": "ied", "oeds", "aings") and three irregular forms (:func:`stem_start`)
_STARTS_ELSEWHERE = re.compile(r"ies|[aeiou](?:ed|ing)s?|[dlt]ying")


def stem_start(word: str) -> str:
    """The first two letters of the Porter stem of a lower-case ``word`` (the whole stem when
    shorter), without stemming it but for a few short words.

    Every rule of NLTK's Porter stemmer that can fire keeps a prefix of the word and
    appends to it. Steps 1a and 1b together cut at most four characters (an "-s", then
    "-ing") and keep a prefix of two or more unless what is left is one vowel (a vowel and
    "-ed" or "-ing", perhaps with "-s") or the word is "ies"; each later
    rule needs a stem of positive measure (two characters at least) to fire, and step 1c's
    "-y" must follow two. Words of one or two characters are their own stems; of the
    irregular forms only "dying", "lying", "tying" change their second letter. So every
    other word begins its stem with its own first two (``tests/test_keywords.py`` checks
    it against the stemmer on a vocabulary of suffix chains and every short string over
    vowels, "y" and some consonants)."""
    if word.lower() != word or _STARTS_ELSEWHERE.fullmatch(word):
        return _stem(word)[:2]
    return word[:2]


def _piece_initials(token: str) -> str:
    return _piece(token, _INITIALS, stem_start)


def phrase_initials(phrase: str) -> str:
    """:func:`stem_start` of every word of the phrase (its words as :func:`normalize_phrase`
    finds them), joined by spaces: two phrases with the same normal form have the same
    initials, so phrases whose initials differ need not be stemmed to be told apart."""
    return " ".join([s for s in map(_piece_initials, phrase.split()) if s])
