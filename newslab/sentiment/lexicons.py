"""Lexicons: VADER's own, the project's news extension, a researcher's TSV; the analyzers.

``lexicon="news"`` (the default) adds ``newslab/data/vader_news.tsv`` to VADER's lexicon:
conflict, diplomatic and economic vocabulary that VADER's social-media lexicon lacks and
financial-sense overrides ("share", "interest", "credit" neutral), each entry with a category
and a note; its direction and quantity categories feed the news rule of
:class:`~newslab.sentiment.vader.Analyzer`. :func:`get_analyzer` gives the cached scorer of
a lexicon name or TSV path; :func:`news_analyzer` one without some categories (ablations).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from ..errors import NewslabError
from .vader import Analyzer, vader_lexicon

#: the lexicons :func:`get_analyzer` knows
LEXICONS = ("vader", "news")
#: where the news extension lives, inside the package
NEWS_LEXICON_FILE = "data/vader_news.tsv"


def read_lexicon_file(path) -> pd.DataFrame:
    """Read a lexicon extension (TSV: word, valence, category, note; ``#`` lines are comments).

    Valences must lie in VADER's range, -4..+4; a word may appear once. Raises
    :class:`NewslabError` with the line number on a bad line.
    """
    p = Path(path)
    if not p.is_file():
        raise NewslabError(f"lexicon file not found: {path}")
    return _parse_lexicon(p.read_text(encoding="utf-8"), p.name)


def _parse_lexicon(text: str, name: str) -> pd.DataFrame:
    rows, seen = [], {}
    header_seen = False
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if not header_seen and parts[0].strip().lower() == "word":
            header_seen = True
            continue
        if len(parts) < 2:
            raise NewslabError(f"{name}:{i}: expected word<TAB>valence[<TAB>category<TAB>note]")
        word = parts[0].strip().lower()
        try:
            val = float(parts[1])
        except ValueError:
            raise NewslabError(f"{name}:{i}: valence {parts[1]!r} is not a number") from None
        if not -4.0 <= val <= 4.0 or not word or " " in word:
            raise NewslabError(f"{name}:{i}: need one word and a valence in -4..4, got "
                               f"{parts[0]!r} {parts[1]!r}")
        if word in seen:
            raise NewslabError(f"{name}:{i}: {word!r} repeats line {seen[word]}")
        seen[word] = i
        rows.append((word, val, parts[2].strip() if len(parts) > 2 else "",
                     parts[3].strip() if len(parts) > 3 else ""))
    return pd.DataFrame(rows, columns=["word", "valence", "category", "note"])


@lru_cache(maxsize=1)
def news_extension() -> pd.DataFrame:
    """The news extension as a table: word, valence, category, note, vader (VADER's own
    valence for the word, NaN when VADER lacks it)."""
    text = resources.files("newslab").joinpath(NEWS_LEXICON_FILE).read_text(encoding="utf-8")
    ext = _parse_lexicon(text, "vader_news.tsv")
    ext["vader"] = ext["word"].map(vader_lexicon()).astype(float)
    return ext


def load_lexicon(lexicon: str = "news") -> dict[str, float]:
    """The word -> valence dict for a lexicon name (``"vader"`` or ``"news"``), or a path to
    an extension TSV (added to VADER's lexicon, overriding its entries)."""
    if lexicon == "vader":
        return dict(vader_lexicon())
    if lexicon == "news":
        ext = news_extension()
    elif isinstance(lexicon, (str, Path)) and Path(lexicon).suffix in (".tsv", ".txt"):
        ext = read_lexicon_file(lexicon)
    else:
        raise NewslabError(f"unknown lexicon {lexicon!r}: use one of {', '.join(LEXICONS)} "
                           "or the path of a .tsv extension")
    lex = dict(vader_lexicon())
    lex.update(zip(ext["word"], ext["valence"].astype(float)))
    return lex


_ANALYZERS: dict[str, Analyzer] = {}


def get_analyzer(lexicon: str = "news") -> Analyzer:
    """The scorer for a lexicon (``"vader"``: identical to the reference VADER; ``"news"``:
    VADER plus the news extension; or the path of a TSV extension), cached per lexicon."""
    key = str(lexicon)
    if key not in _ANALYZERS:
        lex = load_lexicon(lexicon)
        if lexicon == "vader":
            directions, quantities = {}, {}
        else:
            directions, quantities = _rule_words(
                news_extension() if lexicon == "news" else read_lexicon_file(lexicon))
        _ANALYZERS[key] = Analyzer(lex, name=key, directions=directions,
                                   quantities=quantities)
    return _ANALYZERS[key]


def news_analyzer(*, exclude: tuple[str, ...] = (), rule: bool = True) -> Analyzer:
    """A news analyzer without some of the extension, for ablation studies (not cached).

    ``exclude``: categories of ``vader_news.tsv`` to leave out (their words fall back to
    VADER's own valence, or none); ``rule=False`` turns the direction x quantity rule off.
    """
    ext = news_extension()
    unknown = sorted(set(exclude) - set(ext["category"]))
    if unknown:
        raise NewslabError(f"unknown categor(y/ies) {', '.join(unknown)}; the extension has "
                           f"{', '.join(sorted(ext['category'].unique()))}")
    ext = ext[~ext["category"].isin(exclude)]
    lex = dict(vader_lexicon())
    lex.update(zip(ext["word"], ext["valence"].astype(float)))
    d, q = _rule_words(ext) if rule else ({}, {})
    name = "news" + "".join(f"-{c}" for c in exclude) + ("" if rule else "-norule")
    return Analyzer(lex, name=name, directions=d, quantities=q)


_RULE_CATEGORIES = {"direction-up": ("d", 1), "direction-down": ("d", -1),
                    "quantity-good": ("q", 1), "quantity-bad": ("q", -1)}


def _rule_words(ext: pd.DataFrame) -> tuple[dict, dict]:
    """The news rule's direction and quantity words (word -> sign) of an extension table."""
    d, q = {}, {}
    for word, cat in zip(ext["word"], ext["category"]):
        kind, sign = _RULE_CATEGORIES.get(cat, (None, 0))
        if kind == "d":
            d[word] = sign
        elif kind == "q":
            q[word] = sign
    return d, q


def polarity_scores(text: str, *, lexicon: str = "news") -> dict[str, float]:
    """Shortcut: ``get_analyzer(lexicon).polarity_scores(text)``."""
    return get_analyzer(lexicon).polarity_scores(text)
