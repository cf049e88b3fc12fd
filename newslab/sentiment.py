"""Sentiment of sentences, paragraphs and articles: VADER, made fit for news, validated.

The scorer is VADER (Hutto & Gilbert 2014), re-implemented here so that it

- runs offline on a fresh install: the lexicon is read from the installed ``vaderSentiment``
  distribution (it ships ``vader_lexicon.txt`` and ``emoji_utf8_lexicon.txt``) through
  ``importlib.resources``; NLTK's port needs ``nltk.download("vader_lexicon")`` and refuses a
  lexicon at an arbitrary path, so it is not used;
- gives the SAME scores as the reference implementation (``vaderSentiment`` 3.3.2, by VADER's
  authors) with ``lexicon="vader"``; ``tests/test_sentiment.py`` checks this to 1e-6;
- is faster than the reference (``benchmarks/bench_sentiment.py``): the reference
  re-lowercases the whole sentence several times per lexicon word, builds the emoji-free
  text one character at a time, and keeps the per-token work (strip, lower, look-ups)
  uncached; here each distinct token is analysed once and cached, the emoji pass is skipped
  when a sentence has no emoji, and the rules only run around lexicon words. The
  reference's "but" rule is quadratic in the text's length (a ``list.index`` per word);
  newslab gives the same result in linear time, which matters when a whole article is
  scored at once. NLTK's port is slower still: its ``SentiText`` builds two dictionaries
  of every word joined with each of 17 punctuation strings for every sentence (34 string
  joins per word) and re-lowers the token list in every rule; it also differs from the
  reference in places (drops one-letter tokens, no "no X" negation, "never so" boost 1.5
  instead of 1.25, a smaller booster list).

``lexicon="news"`` (the default) adds the project's news extension,
``newslab/data/vader_news.tsv``: conflict, diplomatic and economic vocabulary that VADER's
social-media lexicon lacks (invasion, sanctions, ceasefire, refugees; rose, fell, default,
layoffs) and financial-sense overrides for words whose everyday sense misleads in news
("share", "interest", "credit" become neutral). Each entry has a category and a note; the
file's header says how entries were chosen. The rules (negation, boosters, "but", capitals,
punctuation) are VADER's, unchanged.

Labels come from the compound score with VADER's recommended cut-offs:
``compound >= POS_THRESHOLD`` is positive, ``compound <= NEG_THRESHOLD`` negative, the rest
neutral.

Tables (columns documented once, in ``newslab.schema``):

- ``sentence_sentiment``: article_id, sentence_id, neg, neu, pos, compound, label
- ``paragraph_sentiment``: article_id, paragraph_id, n_sentences, neg, neu, pos, compound,
  mean_compound, label
- ``article_sentiment``: article_id, n_sentences, n_words, compound, mean_compound,
  share_positive, share_negative, pos_word_pct, neg_word_pct, gdelt_tone, label

Evaluate with ``newslab evaluate sentiment GOLD [--lexicon vader|news] [--format ...]``.
"""

from __future__ import annotations

import heapq
import math
import re
import string
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import NewslabError

#: compound >= POS_THRESHOLD -> "positive" (VADER's authors' recommended cut-off)
POS_THRESHOLD = 0.05
#: compound <= NEG_THRESHOLD -> "negative"; between the two -> "neutral"
NEG_THRESHOLD = -0.05
#: the lexicons :func:`get_analyzer` knows
LEXICONS = ("vader", "news")
#: where the news extension lives, inside the package
NEWS_LEXICON_FILE = "data/vader_news.tsv"

SENTENCE_COLUMNS = ["article_id", "sentence_id", "neg", "neu", "pos", "compound", "label"]
PARAGRAPH_COLUMNS = ["article_id", "paragraph_id", "n_sentences", "neg", "neu", "pos",
                     "compound", "mean_compound", "label"]
ARTICLE_COLUMNS = ["article_id", "n_sentences", "n_words", "compound", "mean_compound",
                   "share_positive", "share_negative", "pos_word_pct", "neg_word_pct",
                   "gdelt_tone", "label"]

# --- VADER's constants, as in the reference implementation (vaderSentiment 3.3.2) ---------
B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74
NEGATE = frozenset([
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
    "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
    "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
    "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
    "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
    "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
    "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
    "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite"])
_BOOST_UP = (
    "absolutely amazingly awfully completely considerable considerably decidedly deeply effing "
    "enormous enormously entirely especially exceptional exceptionally extreme extremely "
    "fabulously flipping flippin frackin fracking fricking frickin frigging friggin fully "
    "fuckin fucking fuggin fugging greatly hella highly hugely incredible incredibly intensely "
    "major majorly more most particularly purely quite really remarkably so substantially "
    "thoroughly total totally tremendous tremendously uber unbelievably unusually utter "
    "utterly very").split()
_BOOST_DOWN = (
    "almost barely hardly kinda kindof kind-of less little marginal marginally occasional "
    "occasionally partly scarce scarcely slight slightly somewhat sorta sortof sort-of").split()
BOOSTER_DICT = {**{w: B_INCR for w in _BOOST_UP}, **{w: B_DECR for w in _BOOST_DOWN},
                "just enough": B_DECR, "kind of": B_DECR, "sort of": B_DECR}
SPECIAL_CASES = {"the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0,
                 "yeah right": -2, "kiss of death": -1.5, "to die for": 3,
                 "beating heart": 3.5}
_PUNCT = string.punctuation
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit (what str.isalnum accepts)


# --- lexicons -------------------------------------------------------------------------------

def _read_vader_file(name: str) -> str:
    try:
        return resources.files("vaderSentiment").joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - install problem
        raise NewslabError(f"VADER's {name} not found: install the vaderSentiment package "
                           "(pip install vaderSentiment)") from None


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's lexicon (7,506 distinct entries), word -> mean valence on the -4..+4 scale.

    Read from the installed ``vaderSentiment`` distribution, exactly as its own code does.
    """
    lex = {}
    for line in _read_vader_file("vader_lexicon.txt").rstrip("\n").split("\n"):
        if not line:
            continue
        word, measure = line.strip().split("\t")[0:2]
        lex[word] = float(measure)
    return lex


@lru_cache(maxsize=1)
def emoji_lexicon() -> dict[str, str]:
    """VADER's emoji table: emoji -> its text description (used as the reference does)."""
    out = {}
    for line in _read_vader_file("emoji_utf8_lexicon.txt").rstrip("\n").split("\n"):
        emoji, description = line.strip().split("\t")[0:2]
        out[emoji] = description
    return out


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


# --- the scorer -----------------------------------------------------------------------------

class _TokenCache(dict):
    """Whitespace token -> its analysis, computed on first sight (bounded in size)."""

    MAX = 500_000

    def __init__(self, make):
        super().__init__()
        self._make = make

    def __missing__(self, raw):
        rec = self._make(raw)
        if len(self) < self.MAX:
            self[raw] = rec
        return rec


def _normalize(score: float, alpha: float = 15) -> float:
    norm = score / math.sqrt((score * score) + alpha)
    if norm < -1.0:
        return -1.0
    if norm > 1.0:
        return 1.0
    return norm


class Analyzer:
    """VADER's rules over a lexicon; ``polarity_scores(text)`` as in the reference.

    Build one with :func:`get_analyzer` (cached per lexicon). ``lexicon`` is the word ->
    valence dict in use; ``name`` the lexicon's name.
    """

    def __init__(self, lexicon: dict[str, float], *, name: str = "custom",
                 directions: dict[str, int] | None = None,
                 quantities: dict[str, int] | None = None):
        self.lexicon = lexicon
        self.name = name
        #: direction words (rose +1, fell -1) and quantity words (sales +1, costs -1) for the
        #: news rule; both empty for plain VADER
        self.directions = dict(directions or {})
        self.quantities = dict(quantities or {})
        self._rule = bool(self.directions and self.quantities)
        self.emojis = emoji_lexicon()
        self._emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)
        self._tok = _TokenCache(self._token)

    def __repr__(self) -> str:
        return f"Analyzer(lexicon={self.name!r}, {len(self.lexicon)} words)"

    # one cached record per distinct whitespace token:
    # (word, lower, in_lexicon, valence, is_upper, booster, negates, direction, quantity,
    #  is_word, scored: in the lexicon and not a booster)
    def _token(self, raw: str) -> tuple:
        stripped = raw.strip(_PUNCT)
        word = raw if len(stripped) <= 2 else stripped
        low = word.lower()
        lex = self.lexicon
        rec = (word, low, low in lex, lex.get(low, 0.0), word.isupper(),
               BOOSTER_DICT.get(low, 0.0), low in NEGATE or "n't" in low,
               self.directions.get(low, 0), self.quantities.get(low, 0),
               _ALNUM.search(word) is not None, low in lex and low not in BOOSTER_DICT)
        return rec

    def _demoji(self, text: str) -> str:
        # the reference's loop, run only when the text holds an emoji
        out = []
        prev_space = True
        emojis = self.emojis
        for ch in text:
            if ch in emojis:
                if not prev_space:
                    out.append(" ")
                out.append(emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """neg, neu, pos (shares of the text) and compound (-1..1), rounded as VADER does."""
        if not isinstance(text, str):
            text = "" if text is None else str(text)
        if not text.isascii() and not self._emoji_chars.isdisjoint(text):
            text = self._demoji(text)
        text = text.strip()
        cache = self._tok
        toks = [cache[w] for w in text.split()]
        n = len(toks)
        if n == 0:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        # positions of lexicon words that are not boosters: only they get a valence
        hits = [i for i, t in enumerate(toks) if t[10]]
        if not hits:
            return {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
        nup = 0
        for t in toks:
            if t[4]:
                nup += 1
        is_cap_diff = 0 < n - nup < n
        sentiments = [0] * n
        lows = [x[1] for x in toks]
        override = skip = None
        if self._rule:
            for i in hits:
                if toks[i][7]:
                    override, skip = self._direction_rule(toks)
                    break
        for i in hits:
            t = toks[i]
            low = t[1]
            if low == "kind" and i < n - 1 and lows[i + 1] == "of":
                continue
            base = t[3]
            if override is not None:
                if i in skip:
                    continue
                base = override.get(i, base)
            valence = base
            if low == "no" and i != n - 1 and toks[i + 1][2]:
                valence = 0.0
            if (i > 0 and lows[i - 1] == "no") or (i > 1 and lows[i - 2] == "no") or (
                    i > 2 and lows[i - 3] == "no" and lows[i - 1] in ("or", "nor")):
                valence = base * N_SCALAR
            if t[4] and is_cap_diff:
                if valence > 0:
                    valence += C_INCR
                else:
                    valence -= C_INCR
            for start_i in range(3):
                if i > start_i:
                    p = toks[i - start_i - 1]
                    if p[2]:
                        continue
                    s = p[5]
                    if s:
                        if valence < 0:
                            s = -s
                        if p[4] and is_cap_diff:
                            if valence > 0:
                                s += C_INCR
                            else:
                                s -= C_INCR
                        if start_i == 1:
                            s = s * 0.95
                        elif start_i == 2:
                            s = s * 0.9
                    valence = valence + s
                    valence = self._negation_check(valence, toks, lows, start_i, i)
                    if start_i == 2:
                        valence = self._special_idioms_check(valence, lows, i)
            # "least" as negation
            if i > 0 and lows[i - 1] == "least" and not toks[i - 1][2]:
                if i > 1:
                    if lows[i - 2] != "at" and lows[i - 2] != "very":
                        valence = valence * N_SCALAR
                else:
                    valence = valence * N_SCALAR
            sentiments[i] = valence
        if "but" in lows:
            sentiments = _but_check(lows, sentiments)
        return _score_valence(sentiments, text)

    #: how far (in words) the news rule looks for a quantity word: before first, then after
    RULE_WINDOW = 4

    def _direction_rule(self, toks):
        """The news rule: a direction word (rose, fell) takes its sign from the nearest
        quantity word (sales +1, costs -1) within :attr:`RULE_WINDOW` words, looking back
        first (the subject: "net sales rose"), then ahead ("a fall in costs"). The quantity
        word's own valence is dropped when the change reverses it ("the loss narrowed" is
        good news, not bad), and kept when the change agrees ("violence increased")."""
        n, w = len(toks), self.RULE_WINDOW
        override, skip = {}, set()
        for i, t in enumerate(toks):
            d = t[7]
            if not d:
                continue
            q = None
            for j in range(i - 1, max(-1, i - 1 - w), -1):
                if toks[j][8]:
                    q = j
                    break
            if q is None:
                for j in range(i + 1, min(n, i + 1 + w)):
                    if toks[j][8]:
                        q = j
                        break
            if q is None:
                continue
            sign = d * toks[q][8]
            override[i] = abs(t[3]) * sign
            if toks[q][3] * sign < 0:
                skip.add(q)
        return override, skip

    @staticmethod
    def _negation_check(valence, toks, lows, start_i, i):
        if start_i == 0:
            if toks[i - 1][6]:
                valence = valence * N_SCALAR
        elif start_i == 1:
            w2, w1 = lows[i - 2], lows[i - 1]
            if w2 == "never" and (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w2 == "without" and w1 == "doubt":
                pass
            elif toks[i - 2][6]:
                valence = valence * N_SCALAR
        else:
            w3, w2, w1 = lows[i - 3], lows[i - 2], lows[i - 1]
            if (w3 == "never" and (w2 == "so" or w2 == "this")) or (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                pass
            elif toks[i - 3][6]:
                valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _special_idioms_check(valence, lows, i):
        w3, w2, w1, w0 = lows[i - 3], lows[i - 2], lows[i - 1], lows[i]
        twoone = f"{w2} {w1}"
        threetwo = f"{w3} {w2}"
        threetwoone = f"{w3} {w2} {w1}"
        for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        n = len(lows)
        if n - 1 > i:
            zeroone = f"{w0} {lows[i + 1]}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if n - 1 > i + 1:
            zeroonetwo = f"{w0} {lows[i + 1]} {lows[i + 2]}"
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence

    def word_polarity(self, text: str) -> tuple[int, int, int]:
        """GDELT-style counts for a text: (words, positive words, negative words).

        A word is a whitespace token (VADER's tokenization) holding a letter or digit; it is
        positive or negative by its lexicon valence alone, without VADER's rules.
        """
        cache = self._tok
        nw = npos = nneg = 0
        for w in text.split():
            t = cache[w]
            if not t[9]:
                continue
            nw += 1
            if t[2]:
                if t[3] > 0:
                    npos += 1
                elif t[3] < 0:
                    nneg += 1
        return nw, npos, nneg


def _but_check(lows, sentiments):
    """The reference's "but" rule, with its quirk, in linear time.

    The reference walks the list and, for each value, rescales the FIRST position holding an
    equal value (``list.index``): x0.5 before "but", x1.5 after. With equal values on both
    sides of "but" that is not the position being visited, and the scores differ from the
    rule as described; we reproduce it exactly. At step k, position k still holds its
    original value, so the first equal position is the smallest position <= k currently
    holding that value; a heap per value finds it without the reference's O(n^2) scans.
    """
    bi = lows.index("but")
    heaps: dict[float, list[int]] = {}
    for k in range(len(sentiments)):
        v = sentiments[k]
        h = heaps.setdefault(v, [])
        heapq.heappush(h, k)
        si = h[0]
        if si == bi:
            continue
        new = v * 0.5 if si < bi else v * 1.5
        sentiments[si] = new
        if new != v:
            heapq.heappop(h)
            heapq.heappush(heaps.setdefault(new, []), si)
    return sentiments


def _but_check_reference(lows, sentiments):
    # the reference's loop verbatim (for tests)
    bi = lows.index("but")
    for sentiment in sentiments:
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 0.5)
        elif si > bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 1.5)
    return sentiments


def _score_valence(sentiments, text):
    sum_s = float(sum(sentiments))
    ep = text.count("!")
    if ep > 4:
        ep = 4
    amp = ep * 0.292
    qm = text.count("?")
    if qm > 1:
        amp += qm * 0.18 if qm <= 3 else 0.96
    else:
        amp += 0
    if sum_s > 0:
        sum_s += amp
    elif sum_s < 0:
        sum_s -= amp
    compound = _normalize(sum_s)
    pos_sum = 0.0
    neg_sum = 0.0
    neu_count = 0
    for s in sentiments:
        if s > 0:
            pos_sum += (float(s) + 1)
        if s < 0:
            neg_sum += (float(s) - 1)
        if s == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amp
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amp
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {"neg": round(math.fabs(neg_sum / total), 3),
            "neu": round(math.fabs(neu_count / total), 3),
            "pos": round(math.fabs(pos_sum / total), 3),
            "compound": round(compound, 4)}


_ANALYZERS: dict[str, Analyzer] = {}


def get_analyzer(lexicon: str = "news") -> Analyzer:
    """The scorer for a lexicon (``"vader"``: identical to the reference VADER; ``"news"``:
    VADER plus the news extension; or the path of a TSV extension), cached per lexicon."""
    key = str(lexicon)
    if key not in _ANALYZERS:
        lex = load_lexicon(lexicon)
        directions, quantities = _rule_words(lexicon)
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
    d, q = {}, {}
    if rule:
        for word, cat in zip(ext["word"], ext["category"]):
            kind, sign = _RULE_CATEGORIES.get(cat, (None, 0))
            (d if kind == "d" else q if kind == "q" else {})[word] = sign
    name = "news" + "".join(f"-{c}" for c in exclude) + ("" if rule else "-norule")
    return Analyzer(lex, name=name, directions=d, quantities=q)


_RULE_CATEGORIES = {"direction-up": ("d", 1), "direction-down": ("d", -1),
                    "quantity-good": ("q", 1), "quantity-bad": ("q", -1)}


def _rule_words(lexicon) -> tuple[dict, dict]:
    if lexicon == "vader":
        return {}, {}
    ext = news_extension() if lexicon == "news" else read_lexicon_file(lexicon)
    d, q = {}, {}
    for word, cat in zip(ext["word"], ext["category"]):
        kind, sign = _RULE_CATEGORIES.get(cat, (None, 0))
        if kind == "d":
            d[word] = sign
        elif kind == "q":
            q[word] = sign
    return d, q


def label_from_compound(x) -> str | np.ndarray:
    """negative / neutral / positive from a compound score (or an array of them), with the
    documented cut-offs :data:`POS_THRESHOLD` and :data:`NEG_THRESHOLD`."""
    if np.ndim(x) == 0:
        return "positive" if x >= POS_THRESHOLD else "negative" if x <= NEG_THRESHOLD \
            else "neutral"
    arr = np.asarray(x, dtype=float)
    return np.where(arr >= POS_THRESHOLD, "positive",
                    np.where(arr <= NEG_THRESHOLD, "negative", "neutral")).astype(object)


def polarity_scores(text: str, *, lexicon: str = "news") -> dict[str, float]:
    """Shortcut: ``get_analyzer(lexicon).polarity_scores(text)``."""
    return get_analyzer(lexicon).polarity_scores(text)


# --- tables ---------------------------------------------------------------------------------

def _need(df: pd.DataFrame, cols: list[str], what: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise NewslabError(f"{what} must be a DataFrame (the sentences table from "
                           f"newslab.sentences), not {type(df).__name__}")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise NewslabError(f"{what} lacks column(s) {', '.join(missing)}")


def _score_texts(texts, lexicon) -> np.ndarray:
    ps = get_analyzer(lexicon).polarity_scores
    out = np.zeros((len(texts), 4))
    for k, t in enumerate(texts):
        d = ps(t)
        out[k] = (d["neg"], d["neu"], d["pos"], d["compound"])
    return out


def score_sentences(sentences: pd.DataFrame, *, lexicon: str = "news") -> pd.DataFrame:
    """One row per sentence: article_id, sentence_id, neg, neu, pos, compound, label.

    ``sentences`` is the sentences table (article_id, sentence_id, text).
    """
    _need(sentences, ["article_id", "sentence_id", "text"], "sentences")
    s = _score_texts(sentences["text"].tolist(), lexicon)
    out = pd.DataFrame({"article_id": sentences["article_id"].to_numpy(),
                        "sentence_id": sentences["sentence_id"].to_numpy(),
                        "neg": s[:, 0], "neu": s[:, 1], "pos": s[:, 2], "compound": s[:, 3]})
    out["label"] = label_from_compound(out["compound"].to_numpy())
    return out[SENTENCE_COLUMNS]


def _sentence_scores(sentences, sentence_scores, lexicon):
    if sentence_scores is None:
        return score_sentences(sentences, lexicon=lexicon)
    _need(sentence_scores, ["article_id", "sentence_id", "compound", "label"],
          "sentence_scores")
    return sentence_scores


def score_paragraphs(sentences: pd.DataFrame, *, lexicon: str = "news",
                     sentence_scores: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per paragraph: VADER on the paragraph's text (its sentences joined) and the
    mean of its sentences' compounds; the label follows ``mean_compound``.

    ``sentence_scores`` (from :func:`score_sentences`) saves scoring the sentences again.
    """
    _need(sentences, ["article_id", "paragraph_id", "sentence_id", "text"], "sentences")
    ss = _sentence_scores(sentences, sentence_scores, lexicon)
    if sentences.empty:
        return pd.DataFrame({c: [] for c in PARAGRAPH_COLUMNS})
    keyed = sentences[["article_id", "paragraph_id", "sentence_id", "text"]].merge(
        ss[["article_id", "sentence_id", "compound"]], on=["article_id", "sentence_id"],
        how="left", sort=False)
    g = keyed.groupby(["article_id", "paragraph_id"], sort=False)
    par = g.agg(n_sentences=("sentence_id", "size"), mean_compound=("compound", "mean"),
                text=("text", " ".join)).reset_index()
    s = _score_texts(par["text"].tolist(), lexicon)
    par["neg"], par["neu"], par["pos"], par["compound"] = s[:, 0], s[:, 1], s[:, 2], s[:, 3]
    par["mean_compound"] = par["mean_compound"].round(4)
    par["label"] = label_from_compound(par["mean_compound"].to_numpy())
    return par[PARAGRAPH_COLUMNS].reset_index(drop=True)


def article_tone(sentences: pd.DataFrame, *, lexicon: str = "news",
                 sentence_scores: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article, with the tone measures researchers compare, side by side:

    - ``mean_compound``: mean of the sentences' VADER compound scores (the usual choice; the
      ``label`` follows it);
    - ``share_positive`` / ``share_negative``: shares of sentences labelled positive /
      negative;
    - ``gdelt_tone``: GDELT's tone, percentage of positive words minus percentage of
      negative words (``pos_word_pct - neg_word_pct``), from the lexicon alone, no rules;
    - ``compound``: VADER run on the whole article at once. It saturates towards -1 or +1
      on long texts (VADER sums valences before normalising), so it is shown for
      comparison only.
    """
    _need(sentences, ["article_id", "sentence_id", "text"], "sentences")
    ss = _sentence_scores(sentences, sentence_scores, lexicon)
    if sentences.empty:
        return pd.DataFrame({c: [] for c in ARTICLE_COLUMNS})
    an = get_analyzer(lexicon)
    keyed = sentences[["article_id", "sentence_id", "text"]].merge(
        ss[["article_id", "sentence_id", "compound", "label"]],
        on=["article_id", "sentence_id"], how="left", sort=False)
    counts = np.array([an.word_polarity(t) for t in keyed["text"]], dtype=float)
    keyed["n_words"], keyed["npos"], keyed["nneg"] = counts[:, 0], counts[:, 1], counts[:, 2]
    keyed["is_pos"] = keyed["label"].eq("positive")
    keyed["is_neg"] = keyed["label"].eq("negative")
    g = keyed.groupby("article_id", sort=False)
    art = g.agg(n_sentences=("sentence_id", "size"), n_words=("n_words", "sum"),
                npos=("npos", "sum"), nneg=("nneg", "sum"),
                mean_compound=("compound", "mean"), share_positive=("is_pos", "mean"),
                share_negative=("is_neg", "mean"), text=("text", " ".join)).reset_index()
    art["compound"] = _score_texts(art["text"].tolist(), lexicon)[:, 3]
    words = art["n_words"].where(art["n_words"] > 0)
    art["pos_word_pct"] = (100 * art["npos"] / words).fillna(0.0).round(3)
    art["neg_word_pct"] = (100 * art["nneg"] / words).fillna(0.0).round(3)
    art["gdelt_tone"] = (art["pos_word_pct"] - art["neg_word_pct"]).round(3)
    art["n_words"] = art["n_words"].astype(int)
    art["mean_compound"] = art["mean_compound"].round(4)
    art["share_positive"] = art["share_positive"].astype(float).round(4)
    art["share_negative"] = art["share_negative"].astype(float).round(4)
    art["label"] = label_from_compound(art["mean_compound"].to_numpy())
    return art[ARTICLE_COLUMNS].reset_index(drop=True)


def sentiment_stage(tables: dict[str, pd.DataFrame], *, lexicon: str = "news") -> dict:
    """Pipeline stage (per batch): needs ``sentences``; returns ``sentence_sentiment``,
    ``paragraph_sentiment`` and ``article_sentiment`` (news lexicon)."""
    sents = tables["sentences"]
    ss = score_sentences(sents, lexicon=lexicon)
    return {"sentence_sentiment": ss,
            "paragraph_sentiment": score_paragraphs(sents, lexicon=lexicon,
                                                    sentence_scores=ss),
            "article_sentiment": article_tone(sents, lexicon=lexicon, sentence_scores=ss)}


def label_changes(sentences: pd.DataFrame, *, before: str = "vader",
                  after: str = "news") -> pd.DataFrame:
    """Sentences whose label differs between two lexicons, with the extension words they
    hold: article_id, sentence_id, text, compound_<before>, compound_<after>,
    label_<before>, label_<after>, words (the sentence's words whose valence differs)."""
    _need(sentences, ["article_id", "sentence_id", "text"], "sentences")
    a = score_sentences(sentences, lexicon=before)
    b = score_sentences(sentences, lexicon=after)
    la, lb = get_analyzer(before).lexicon, get_analyzer(after).lexicon
    out = sentences[["article_id", "sentence_id", "text"]].reset_index(drop=True).copy()
    out[f"compound_{before}"] = a["compound"].to_numpy()
    out[f"compound_{after}"] = b["compound"].to_numpy()
    out[f"label_{before}"] = a["label"].to_numpy()
    out[f"label_{after}"] = b["label"].to_numpy()
    an = get_analyzer(after)

    def changed(text):
        ws = []
        for w in text.split():
            low = an._tok[w][1]
            if la.get(low) != lb.get(low) and low not in ws:
                ws.append(low)
        return ", ".join(ws)
    out["words"] = out["text"].map(changed)
    return out[out[f"label_{before}"] != out[f"label_{after}"]].reset_index(drop=True)


# --- evaluation -----------------------------------------------------------------------------

FORMATS = ("auto", "jsonl", "phrasebank", "newsmtsc", "targets")
from .evaluation.formats import NEWSMTSC_LABELS as _MTSC  # noqa: E402


def read_gold(path, *, format: str = "auto") -> pd.DataFrame:
    """Labelled sentences as a table (text, label), from:

    - ``jsonl``: one ``{"text": ..., "label": "negative"|"neutral"|"positive"}`` per line;
    - ``phrasebank``: Financial PhraseBank's ``sentence@label`` lines (split on the last
      ``@``; UTF-8, falling back to Latin-1 as the 50/66/75 files need);
    - ``newsmtsc``: NewsMTSC JSON Lines. Its labels are per *target* (a person or group in
      the sentence), not per sentence; a sentence is kept only when all its targets share
      one polarity, which then stands as the sentence's label (2 negative, 4 neutral,
      6 positive). This is an approximation: it measures whether sentence sentiment agrees
      with how the sentence treats the people in it.
    - ``targets``: JSON Lines of per-target labels, ``{"text", "target", "label"}`` (the
      project's ``data/annotations/stance_gold.jsonl``): like NewsMTSC, a sentence is kept
      when all its targets share one label, which stands as the sentence's label;
    - ``auto``: ``.txt`` -> phrasebank; ``.jsonl`` with ``sentence_normalized`` ->
      newsmtsc; with ``target`` -> targets; other ``.jsonl`` -> jsonl.
    """
    from .evaluation import LABELS, read_jsonl
    p = Path(path)
    if not p.is_file():
        raise NewslabError(f"gold file not found: {path}")
    if format not in FORMATS:
        raise NewslabError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    if format == "auto":
        if p.suffix.lower() == ".txt":
            format = "phrasebank"
        else:
            with p.open(encoding="utf-8-sig", errors="replace") as fh:
                first = next((ln for ln in fh if ln.strip()), "")
            format = ("newsmtsc" if '"sentence_normalized"' in first
                      else "targets" if '"target"' in first else "jsonl")
    if format == "phrasebank":
        raw = p.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        rows = []
        for i, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            sent, at, lab = line.rpartition("@")
            lab = lab.strip()
            if not at or lab not in LABELS:
                raise NewslabError(f"{p.name}:{i}: expected 'sentence@label' with label "
                                   f"negative, neutral or positive")
            rows.append((sent.strip(), lab))
        if not rows:
            raise NewslabError(f"gold file is empty: {path}")
        return pd.DataFrame(rows, columns=["text", "label"])
    if format == "newsmtsc":
        rows = []
        for i, obj in enumerate(read_jsonl(p, required=("sentence_normalized", "targets")), 1):
            pols = {_MTSC.get(float(t.get("polarity", 0))) for t in obj["targets"]}
            if len(pols) == 1 and None not in pols:
                rows.append((obj["sentence_normalized"], pols.pop()))
        return pd.DataFrame(rows, columns=["text", "label"])
    objs = read_jsonl(p, required=("text", "label"))
    df = pd.DataFrame({"text": [str(o["text"]) for o in objs],
                       "label": [str(o["label"]).strip().lower() for o in objs]})
    bad = sorted(set(df["label"]) - set(LABELS))
    if bad:
        raise NewslabError(f"{p.name}: unknown label(s) {', '.join(bad)}; expected "
                           f"{', '.join(LABELS)}")
    if format == "targets":
        agree = df.groupby("text", sort=False)["label"].agg(
            lambda s: s.iloc[0] if s.nunique() == 1 else None)
        df = agree.dropna().reset_index()[["text", "label"]]
    return df


def evaluate(gold: pd.DataFrame, *, lexicon="news") -> dict:
    """Classification metrics (see ``newslab.evaluation.classification_metrics``) of the
    labels :func:`label_from_compound` gives ``gold.text`` against ``gold.label``.

    ``lexicon``: a lexicon name (see :func:`get_analyzer`) or an :class:`Analyzer`."""
    from .evaluation import classification_metrics
    an = lexicon if isinstance(lexicon, Analyzer) else get_analyzer(lexicon)
    ps = an.polarity_scores
    pred = [label_from_compound(ps(t)["compound"]) for t in gold["text"]]
    m = classification_metrics(gold["label"].tolist(), pred)
    m.update(lexicon=an.name, pos_threshold=POS_THRESHOLD, neg_threshold=NEG_THRESHOLD)
    return m

