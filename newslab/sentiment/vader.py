"""The VADER port (Hutto & Gilbert 2014): VADER's constants, its lexicon files and rules.

Gives the SAME scores as the reference implementation (``vaderSentiment`` 3.3.2, by VADER's
authors) over VADER's own lexicon; ``tests/test_sentiment.py`` checks this to 1e-6. The
lexicon files are read from the installed ``vaderSentiment`` distribution through
``importlib.resources`` (offline on a fresh install). Faster than the reference: each
distinct whitespace token is analysed once and cached (:class:`_TokenCache`), the emoji pass
runs only when a text holds an emoji, the rules only around lexicon words, and the "but"
rule runs in linear time with the reference's exact result (:func:`_but_check`).
:class:`Analyzer` also carries the news rule (direction x quantity words) when it is given
direction and quantity words (``newslab.sentiment.lexicons``).
"""

from __future__ import annotations

import heapq
import math
import re
import string
from functools import lru_cache
from importlib import resources
from itertools import compress
from operator import itemgetter

from ..errors import NewslabError

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
#: one word of every phrase of SPECIAL_CASES and BOOSTER_DICT (its longest): the idiom check
#: compares phrases of whitespace tokens, so a phrase can only match where its word is
_IDIOM_ANCHORS = frozenset(max(k.split(), key=len) for k in (*SPECIAL_CASES, *BOOSTER_DICT)
                           if " " in k)
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit (what str.isalnum accepts)


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
    #  is_word, scored: in the lexicon and not a booster, positive word, negative word,
    #  the last three packed in one int: is_word + positive << 32 + negative << 64)
    # (the last four: GDELT's counts, :func:`_word_counts`)
    def _token(self, raw: str) -> tuple:
        stripped = raw.strip(_PUNCT)
        word = raw if len(stripped) <= 2 else stripped
        low = word.lower()
        lex = self.lexicon
        val = lex.get(low, 0.0)
        is_word = _ALNUM.search(word) is not None
        counted = is_word and low in lex
        pos, neg = counted and val > 0, counted and val < 0
        return (word, low, low in lex, val, word.isupper(),
                BOOSTER_DICT.get(low, 0.0), low in NEGATE or "n't" in low,
                self.directions.get(low, 0), self.quantities.get(low, 0),
                is_word, low in lex and low not in BOOSTER_DICT, pos, neg,
                int(is_word) + (int(pos) << _SHIFT) + (int(neg) << 2 * _SHIFT))

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
        v, text, _ = self._valences(text)
        if v is None:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        if type(v) is int:
            return {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
        return _score_valence(v, text)

    def sentence_stats(self, text: str) -> tuple:
        """What VADER's final step needs of a text, so that texts can be combined without
        scoring them again, and GDELT's word counts, from one pass over its tokens:
        ``(sum of valences, sum of (v + 1) over positive valences, sum of (v - 1) over
        negative ones, number of neutral tokens, "!" count, "?" count, words, positive
        words, negative words)``. :func:`combine_stats` of the first six equals
        :meth:`polarity_scores`; the last three equal :meth:`word_polarity`."""
        v, vtext, toks = self._valences(text)
        ep, qm = vtext.count("!"), vtext.count("?")
        if vtext is text or (isinstance(text, str) and vtext == text.strip()):
            nw, npos, nneg = _word_counts(toks)
        else:   # the emoji pass changed the words: count them on the text as written
            nw, npos, nneg = self.word_polarity(text if isinstance(text, str) else str(text))
        if v is None:
            return 0.0, 0.0, 0.0, 0, ep, qm, nw, npos, nneg
        if type(v) is int:
            return 0.0, 0.0, 0.0, v, ep, qm, nw, npos, nneg
        return (*_valence_sums(v), ep, qm, nw, npos, nneg)

    def _valences(self, text):
        """(valences, text, tokens): VADER's per-token valences after its rules, for the
        text as VADER reads it (emoji described, stripped), and its cached token records;
        the valences are None for a text without tokens and the number of tokens for one
        without a lexicon word."""
        if not isinstance(text, str):
            text = "" if text is None else str(text)
        if not text.isascii() and not self._emoji_chars.isdisjoint(text):
            text = self._demoji(text)
        text = text.strip()
        toks = list(map(self._tok.__getitem__, text.split()))
        n = len(toks)
        if n == 0:
            return None, text, toks
        # positions of lexicon words that are not boosters: only they get a valence
        hits = list(compress(range(n), map(_SCORED, toks)))
        if not hits:
            return n, text, toks
        nup = sum(map(_UPPER, toks))
        is_cap_diff = 0 < n - nup < n
        sentiments = [0] * n
        lows = list(map(_LOWER, toks))
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
            # the three words before: boosters, negations and idioms (VADER's loop over
            # start_i = 0, 1, 2, unrolled; each step only where the word is no lexicon word)
            if i > 0:
                p = toks[i - 1]
                if not p[2]:
                    s = p[5]
                    if s:
                        s = _boost(s, p, valence, is_cap_diff)
                    valence = valence + s
                    if p[6]:
                        valence = valence * N_SCALAR
                if i > 1:
                    p = toks[i - 2]
                    if not p[2]:
                        s = p[5]
                        if s:
                            s = _boost(s, p, valence, is_cap_diff) * 0.95
                        valence = valence + s
                        w2, w1 = p[1], lows[i - 1]
                        if w2 == "never" and (w1 == "so" or w1 == "this"):
                            valence = valence * 1.25
                        elif w2 == "without" and w1 == "doubt":
                            pass
                        elif p[6]:
                            valence = valence * N_SCALAR
                    if i > 2:
                        p = toks[i - 3]
                        if not p[2]:
                            s = p[5]
                            if s:
                                s = _boost(s, p, valence, is_cap_diff) * 0.9
                            valence = valence + s
                            w3, w2, w1 = p[1], lows[i - 2], lows[i - 1]
                            if (w3 == "never" and (w2 == "so" or w2 == "this")) or (
                                    w1 == "so" or w1 == "this"):
                                valence = valence * 1.25
                            elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                                pass
                            elif p[6]:
                                valence = valence * N_SCALAR
                            if not _IDIOM_ANCHORS.isdisjoint(lows[i - 3:i + 3]):
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
        return sentiments, text, toks

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
    def _special_idioms_check(valence, lows, i):
        if _IDIOM_ANCHORS.isdisjoint(lows[i - 3:i + 3]):
            return valence  # no idiom or booster phrase can be among these words
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
        return _word_counts([cache[w] for w in text.split()])


def _boost(s: float, rec: tuple, valence: float, is_cap_diff: bool) -> float:
    """A booster's scalar as VADER's ``scalar_inc_dec`` makes it: turned round before a
    negative valence, C_INCR more in capitals among mixed-case words (``rec``: the booster's
    cached token record)."""
    if valence < 0:
        s = -s
    if rec[4] and is_cap_diff:
        if valence > 0:
            s += C_INCR
        else:
            s -= C_INCR
    return s


# fields of the cached token records (:meth:`Analyzer._token`), read by ``map``
_LOWER, _UPPER, _SCORED, _PACKED = (itemgetter(k) for k in (1, 4, 10, 13))
#: bits per count in a record's packed word counts (no text has 2**32 tokens)
_SHIFT = 32
_MASK = (1 << _SHIFT) - 1


def _word_counts(toks) -> tuple[int, int, int]:
    """(words, positive words, negative words) of cached token records: a word holds a
    letter or digit; positive / negative by its lexicon valence (one sum of the records'
    packed counts instead of three passes)."""
    s = sum(map(_PACKED, toks))
    return s & _MASK, (s >> _SHIFT) & _MASK, s >> 2 * _SHIFT


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


def _valence_sums(sentiments) -> tuple[float, float, float, int]:
    """(sum, positive mass, negative mass, neutral count) of valences, as VADER sums them."""
    pos_sum = 0.0
    neg_sum = 0.0
    nonzero = list(filter(None, sentiments))  # most tokens have no valence: 0
    for s in nonzero:
        if s > 0:
            pos_sum += (float(s) + 1)
        if s < 0:
            neg_sum += (float(s) - 1)
    return float(sum(sentiments)), pos_sum, neg_sum, len(sentiments) - len(nonzero)


def combine_stats(sum_s, pos_sum, neg_sum, neu_count, ep, qm) -> dict[str, float]:
    """VADER's final step (punctuation emphasis, normalisation, shares) on summed
    :meth:`Analyzer.sentence_stats`: the scores of texts taken together, each scored with
    its own rules."""
    if ep > 4:
        ep = 4
    amp = ep * 0.292
    if qm > 1:
        amp += qm * 0.18 if qm <= 3 else 0.96
    else:
        amp += 0
    if sum_s > 0:
        sum_s += amp
    elif sum_s < 0:
        sum_s -= amp
    compound = _normalize(sum_s)
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amp
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amp
    total = pos_sum + math.fabs(neg_sum) + neu_count
    if not total:
        return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    return {"neg": round(math.fabs(neg_sum / total), 3),
            "neu": round(math.fabs(neu_count / total), 3),
            "pos": round(math.fabs(pos_sum / total), 3),
            "compound": round(compound, 4)}


def _score_valence(sentiments, text):
    return combine_stats(*_valence_sums(sentiments), text.count("!"), text.count("?"))
