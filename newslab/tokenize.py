"""Sentences and word tokens as tidy tables, offline and deterministic.

Sentences come from NLTK's Punkt algorithm with *no trained model* (so no
``nltk.download()`` and the same result whether or not the user has NLTK data installed)
plus the news abbreviations in ``newslab/data/abbreviations.txt`` ("Jan. 10", "the U.S.",
"Gen. Milley"). Sentences never cross paragraphs. The work per paragraph is bounded: Punkt's
sentence-end pattern runs with the standard ``re`` (NLTK's wall-clock limit would make the
result depend on the machine's load), and a paragraph over :data:`MAX_PIECE` characters is
first cut into pieces after sentence punctuation (else at whitespace, else hard at the cap),
so a 3 MB transcript is split like the rest and never costs a batch.

Word tokens come from one regular expression compiled with ``re`` (:func:`token_regex`;
:func:`word_tokenizer` wraps the same pattern in NLTK's ``RegexpTokenizer``); the tokens
table and every stage that splits a sentence into words (:func:`word_spans`) use it. It
follows the Penn Treebank conventions that matter for counting: possessives and clitics are
separate tokens ("Russia's" -> "Russia", "'s"; "don't" -> "do", "n't"), abbreviations
with periods stay whole ("U.S."), hyphenated words stay whole ("de-escalate"), numbers
keep their separators ("100,000", "5.2%").

Tables (columns documented once, in ``newslab.schema``):

- ``sentences``: article_id, paragraph_id, sentence_id, start, end, text
- ``tokens``: article_id, sentence_id, token_id, start, end, token, lower, is_stop, is_alpha

Offsets are character offsets into ``articles.text``: ``text[start:end]`` is the unit.
"""

from __future__ import annotations

import fnmatch
import re
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd
from . import schema
from .nltk_light import module as _nltk_module

# NLTK's modules alone, without ``import nltk``'s 1.5 CPU-s (newslab.nltk_light)
RegexpTokenizer = _nltk_module("nltk.tokenize.regexp").RegexpTokenizer
_punkt = _nltk_module("nltk.tokenize.punkt")
PunktLanguageVars, PunktParameters = _punkt.PunktLanguageVars, _punkt.PunktParameters
PunktSentenceTokenizer, PunktToken = _punkt.PunktSentenceTokenizer, _punkt.PunktToken

SENTENCE_COLUMNS = schema.columns("sentences")
TOKEN_COLUMNS = schema.columns("tokens")


def _data_words(name: str) -> frozenset:
    """The words of ``newslab/data/<name>`` (one a line, lower case; ``#`` lines are notes)."""
    text = resources.files("newslab").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(ln.strip().lower() for ln in text.splitlines()
                     if ln.strip() and not ln.startswith("#"))


#: scikit-learn's English stop-word list (318 words, a maintained source), read from
#: ``newslab/data/stop_words_en.txt`` (its copy, credited there under scikit-learn's BSD-3
#: license) so that no scikit-learn import is needed for it
STOP_WORDS = _data_words("stop_words_en.txt")

_APOS = "'\u2019"
TOKEN_PATTERN_TEMPLATE = (
    r"https?://[^\s<>\"]+|www\.[^\s<>\"]+"                     # URLs
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"                                # e-mail addresses
    r"|(?:[A-Za-z]\.){2,}(?![A-Za-z])"                          # U.S. U.K. e.g.
    r"|{abbreviations}"                                          # Jan. Gen. Mr.
    r"|[$\u00a3\u20ac]?\d+(?:[.,:/]\d+)*%?"                     # 100,000  5.2%  $3  9/11
    rf"|[A-Za-z]+(?=n[{_APOS}]t\b)|n[{_APOS}]t\b"                # do n't, ca n't
    rf"|[{_APOS}](?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M)\b"            # clitics: 's 're 've ...
    rf"|[A-Za-z][{_APOS}][A-Z][^\W_]+"                           # O'Brien, D'Souza
    r"|[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*(?:-?\d\w*)?"      # words, de-escalate, COVID-19, G7
    r"|\w+"                                                     # anything else word-like
    r"|\.{3}|-{2,}|\S"                                          # ... -- and single marks
)


def _abbreviation_alternative() -> str:
    words = sorted((a for a in news_abbreviations() if "." not in a), key=lambda w: (-len(w), w))
    longest = max(map(len, words))
    # the look-ahead lets the regex engine skip the long alternation at most positions
    return (rf"(?=[A-Za-z]{{1,{longest}}}\.)\b(?i:" + "|".join(map(re.escape, words))
            + r")\.")


@lru_cache(maxsize=1)
def news_abbreviations() -> frozenset:
    """The abbreviations Punkt must not treat as sentence ends (lower case, no final period)."""
    return _data_words("abbreviations.txt")


class _LanguageVars(PunktLanguageVars):
    """Punkt's English settings, its patterns compiled with the standard ``re``.

    NLTK runs its patterns through the ``regex`` module under a wall-clock limit (5 s), so
    on a very long paragraph, or on a busy machine, the result would depend on time; the
    patterns are linear, and with paragraphs cut into pieces of at most :data:`MAX_PIECE`
    characters their work is bounded. The same patterns, compiled by ``re``, find the same
    sentences at about twice the speed (``tests/test_speed_equivalence.py``).
    """

    re_boundary_realignment = re.compile(
        PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE)

    def _plain(self, name: str, fmt: str) -> re.Pattern:
        try:
            return self.__dict__[name]
        except KeyError:
            rx = self.__dict__[name] = re.compile(fmt % {
                "NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars,
                "MultiChar": self._re_multi_char_punct, "WordStart": self._re_word_start},
                re.UNICODE | re.VERBOSE)
            return rx

    def period_context_re(self):
        return self._plain("_plain_period_context", self._period_context_fmt)

    def _word_tokenizer_re(self):
        return self._plain("_plain_word_tokenizer", self._word_tokenize_fmt)


_NON_PUNCT = re.compile(r"[^\W\d]", re.UNICODE)


class _Token(PunktToken):
    """Punkt's token, its patterns compiled with the standard ``re`` (see
    :class:`_LanguageVars`)."""

    __slots__ = ()
    _RE_ELLIPSIS = re.compile(PunktToken._RE_ELLIPSIS.pattern)
    _RE_NUMERIC = re.compile(PunktToken._RE_NUMERIC.pattern)
    _RE_INITIAL = re.compile(PunktToken._RE_INITIAL.pattern, re.UNICODE)
    _RE_ALPHA = re.compile(PunktToken._RE_ALPHA.pattern, re.UNICODE)

    @property
    def is_non_punct(self):
        return _NON_PUNCT.search(self.type)


#: A candidate end that Punkt always takes: two or more ASCII letters, a period, white
#: space and a next token ("said. The"). Punkt's first pass marks such a word a sentence
#: break unless it is a known abbreviation; its second pass undoes a break only for
#: collocations (none: the tokenizer is untrained), abbreviations, ellipses, initials (one
#: letter) and numbers, none of which this is; a token follows, so the answer is yes.
_PLAIN_END = re.compile(r"([A-Za-z]{2,})\.\s+\S")


class _Splitter(PunktSentenceTokenizer):
    """Punkt's sentence splitter with :data:`_PLAIN_END` answered without building and
    annotating Punkt's tokens (most candidate ends of news text); every other context goes
    through Punkt. Same spans (``tests/test_speed_equivalence.py``)."""

    def text_contains_sentbreak(self, text: str) -> bool:
        m = _PLAIN_END.match(text)
        if m is not None and m.group(1).lower() not in self._params.abbrev_types:
            return True
        return super().text_contains_sentbreak(text)


@lru_cache(maxsize=1)
def sentence_splitter() -> PunktSentenceTokenizer:
    """An untrained Punkt tokenizer that knows news abbreviations."""
    params = PunktParameters()
    params.abbrev_types = set(news_abbreviations())
    return _Splitter(params, lang_vars=_LanguageVars(), token_cls=_Token)


#: The most characters Punkt sees at once: a longer paragraph (a transcript, a table
#: flattened into one line) is first cut into pieces of at most this size.
MAX_PIECE = 20_000
# Where a piece may end: after sentence punctuation (and closing quotes or brackets) and the
# spaces that follow it; failing that, after any whitespace; failing that, anywhere.
_SENTENCEISH = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _cut(text: str, start: int) -> int:
    """The end of the piece of ``text`` that begins at ``start``."""
    end = start + MAX_PIECE
    lo = start + MAX_PIECE // 2
    best = None
    for m in _SENTENCEISH.finditer(text, lo, end):
        best = m.end()
    if best is None:
        for m in _SPACE.finditer(text, lo, end):
            best = m.end()
    return best if best is not None and best < end + 1 else end


def _pieces(text: str):
    """``(offset, piece)`` of a paragraph, each piece at most :data:`MAX_PIECE` long."""
    start = 0
    while len(text) - start > MAX_PIECE:
        end = _cut(text, start)
        yield start, text[start:end]
        start = end
    yield start, text[start:]


def _span_sentences(text: str):
    split = sentence_splitter().span_tokenize
    if len(text) <= MAX_PIECE:
        yield from split(text)
        return
    for off, piece in _pieces(text):
        for s, e in split(piece):
            yield off + s, off + e


@lru_cache(maxsize=1)
def word_tokenizer() -> RegexpTokenizer:
    """NLTK's RegexpTokenizer with newslab's pattern (see the module docstring)."""
    return RegexpTokenizer(token_regex().pattern)


#: A shortcut tried first: a run of ASCII letters that ends where no other alternative could
#: go on (not before a word character, ".", "@", "+", ":", an apostrophe or a hyphen) is
#: exactly what the pattern's "words" alternative matches there and no earlier alternative
#: matches, so the tokens are the same; most words of news text take it and skip the
#: URL, e-mail, abbreviation and number alternatives.
PLAIN_WORD = rf"[A-Za-z]+(?![\w.@+:{_APOS}\-\u2010\u2011])"


@lru_cache(maxsize=1)
def token_regex() -> re.Pattern:
    """The compiled word-token pattern (the news abbreviations filled in, the
    :data:`PLAIN_WORD` shortcut first)."""
    return re.compile(PLAIN_WORD + "|" + TOKEN_PATTERN_TEMPLATE.replace(
        "{abbreviations}", _abbreviation_alternative()))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph (bounded work: see
    :data:`MAX_PIECE`)."""
    return list(_span_sentences(text))


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the word tokens of a string: the tokens of the ``tokens`` table
    (:func:`token_regex`, compiled with ``re``; NLTK's ``RegexpTokenizer`` would run the same
    pattern through the ``regex`` module, slower, and on a few rare characters, such as
    combining marks and vulgar fractions, with other tokens)."""
    return [m.span() for m in token_regex().finditer(text)]


def sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """The ``sentences`` table of an ``articles`` table.

    ``sentence_id`` counts from 0 within each article, across paragraphs, in text order.
    """
    ids, pids, sids, starts, ends, texts = [], [], [], [], [], []
    split = _span_sentences
    for aid, paragraphs in zip(articles["article_id"], articles["paragraphs"]):
        offset, sid = 0, 0
        for pid, para in enumerate(paragraphs):
            for s, e in split(para):
                ids.append(aid)
                pids.append(pid)
                sids.append(sid)
                starts.append(offset + s)
                ends.append(offset + e)
                texts.append(para[s:e])
                sid += 1
            offset += len(para) + 1  # paragraphs are joined with "\n"
    return pd.DataFrame({
        "article_id": pd.Series(ids, dtype=object),
        "paragraph_id": np.asarray(pids, dtype=np.int64),
        "sentence_id": np.asarray(sids, dtype=np.int64),
        "start": np.asarray(starts, dtype=np.int64),
        "end": np.asarray(ends, dtype=np.int64),
        "text": pd.Series(texts, dtype=object),
    })


def tokens(sentences_table: pd.DataFrame) -> pd.DataFrame:
    """The ``tokens`` table of a ``sentences`` table.

    ``token_id`` counts from 0 within each sentence; ``start``/``end`` index the article text.
    ``lower`` is the lower-case form with curly apostrophes made straight, so that
    "Russia\u2019s" and "Russia's" count together; ``is_stop`` uses :data:`STOP_WORDS`;
    ``is_alpha`` is true for tokens made of letters (and inner hyphens or apostrophes).

    The batch's sentences are joined by newlines (no token holds or looks across
    whitespace, so the tokens are each sentence's own), the pattern runs only over the
    whitespace-separated runs that are not plain words (:func:`_find_tokens`), and the
    offsets come from :func:`_token_offsets` instead of one match object per token (both
    read the text's code points, made once).
    """
    texts = sentences_table["text"].tolist()
    lens = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    joff = np.cumsum(lens + 1) - (lens + 1)  # where each sentence starts in the joined text
    joined = "\n".join(texts)
    classes = _char_classes(joined)
    toks, lengths = _find_tokens(joined, classes)
    a, b = _token_offsets(joined, toks, lengths, classes)
    k = np.searchsorted(joff, a, side="right") - 1  # the sentence of each token
    counts = np.bincount(k, minlength=len(texts))
    shift = (sentences_table["start"].to_numpy(dtype=np.int64) - joff)[k]
    n = len(toks)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    tok = pd.Series(toks, dtype=object)
    # lower-case form and flags are computed once per distinct token (a Zipfian vocabulary)
    codes, uniques = pd.factorize(tok)
    u_lower = pd.Series(uniques, dtype=object).str.lower().str.replace("\u2019", "'",
                                                                       regex=False)
    u_stop = u_lower.isin(STOP_WORDS).to_numpy()
    u_alpha = u_lower.str.fullmatch(_ALPHA).fillna(False).to_numpy(dtype=bool)
    return pd.DataFrame({
        "article_id": pd.Series(sentences_table["article_id"].to_numpy(dtype=object)[k],
                                dtype=object),
        "sentence_id": sentences_table["sentence_id"].to_numpy(dtype=np.int64)[k],
        "token_id": np.arange(n, dtype=np.int64) - first,
        "start": a + shift,
        "end": b + shift,
        "token": tok,
        "lower": pd.Series(u_lower.to_numpy(dtype=object)[codes], dtype=object),
        "is_stop": u_stop[codes],
        "is_alpha": u_alpha[codes],
    })


#: After a run of ASCII letters, these characters (code points) end the word and are one
#: token of their own: no alternative of the pattern reads on past the letters into them
#: (the :data:`PLAIN_WORD` look-ahead allows them), and each is only the last alternative's
#: ``\S``
_SPLIT_OFF = np.array([ord(c) for c in ',;!?)"\u201d'], dtype=np.uint32)


def _find_tokens(text: str, classes=None) -> tuple[np.ndarray, np.ndarray]:
    """``token_regex().findall(text)`` as an object array, and the tokens' lengths.

    No match holds whitespace, and what the pattern matches within a run of non-whitespace
    characters does not depend on what surrounds the run (a look-ahead or ``\\b`` at its end
    sees whitespace or the end of the string alike), so the tokens of the text are those of
    its runs in order. Three kinds of run are told from their characters (code points,
    :func:`_char_classes`; ``classes`` when already made) without the pattern: ASCII letters
    alone are one token (:data:`PLAIN_WORD`); ASCII letters and one of :data:`_SPLIT_OFF`
    ("said,") are two; ASCII letters and a period are one token if the letters are a news
    abbreviation ("Gen.", :func:`news_abbreviations`, the pattern's abbreviation
    alternative, case-insensitive) and else two ("said." -> "said", "."). Only the other
    runs (about a twelfth of news text) go through the pattern. (Checked: if the other runs'
    tokens do not tile them, the pattern runs over the whole text.)
    """
    runs = text.split()
    n = len(runs)
    cp, ws = _char_classes(text) if classes is None else classes
    nonws = ~ws
    begins = np.flatnonzero(nonws & np.r_[True, ws[:-1]])
    if len(begins) != n:  # cannot happen (str.split and the table agree); the plain way
        return _found(token_regex().findall(text))
    run_len = np.flatnonzero(nonws & np.r_[ws[1:], True]) + 1 - begins
    c = cp[nonws]  # the runs' characters, run after run
    letter = ((c | 32) - 97) < 26  # ASCII letters (unsigned: below "a" wraps round)
    if n:
        at = np.cumsum(run_len) - run_len
        n_letters = np.add.reduceat(letter.astype(np.int64), at)
        last = at + run_len - 1
        # letters but for the last character, and at least one of them
        head = ((n_letters - letter[last]) == run_len - 1) & (run_len > 1)
        plain = n_letters == run_len
        two = ~plain & head & np.isin(c[last], _SPLIT_OFF)
        dot = np.flatnonzero(~plain & head & (c[last] == 46))
    else:
        plain = two = np.zeros(0, dtype=bool)
        dot = np.zeros(0, dtype=np.int64)
    if len(dot):
        abbr = _abbreviations_without_period()
        is_abbr = np.fromiter((runs[i][:-1].lower() in abbr for i in dot.tolist()),
                              dtype=bool, count=len(dot))
        plain[dot[is_abbr]] = True
        two[dot[~is_abbr]] = True
    arr = np.empty(n, dtype=object)
    arr[:] = runs
    other = np.flatnonzero(~(plain | two))
    found = token_regex().findall("\n".join(arr[other].tolist()))
    tok_len = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    ends = np.cumsum(run_len[other])
    if int(tok_len.sum()) != (int(ends[-1]) if len(ends) else 0) or (
            len(found) and tok_len.min() < 1):
        return _found(token_regex().findall(text))
    per_run = np.ones(n, dtype=np.int64)
    per_run[two] = 2
    upto = np.searchsorted(np.cumsum(tok_len), ends, side="right")
    per_run[other] = np.diff(upto, prepend=0)
    slot = np.cumsum(per_run) - per_run  # where each run's first token goes
    total = int(per_run.sum())
    out = np.empty(total, dtype=object)
    lengths = np.empty(total, dtype=np.int64)
    keep = np.flatnonzero(plain)
    out[slot[keep]] = arr[keep]
    lengths[slot[keep]] = run_len[keep]
    split = np.flatnonzero(two)
    if len(split):
        pieces = arr[split].tolist()
        heads = np.empty(len(split), dtype=object)
        heads[:] = [r[:-1] for r in pieces]
        tails = np.empty(len(split), dtype=object)
        tails[:] = [r[-1] for r in pieces]
        out[slot[split]] = heads
        lengths[slot[split]] = run_len[split] - 1
        out[slot[split] + 1] = tails
        lengths[slot[split] + 1] = 1
    k = per_run[other]
    first = np.repeat(np.cumsum(k) - k, k)
    at = np.repeat(slot[other], k) + np.arange(len(found), dtype=np.int64) - first
    found_arr = np.empty(len(found), dtype=object)
    found_arr[:] = found
    out[at] = found_arr
    lengths[at] = tok_len
    return out, lengths


def _found(toks: list) -> tuple[np.ndarray, np.ndarray]:
    out = np.empty(len(toks), dtype=object)
    out[:] = toks
    return out, np.fromiter(map(len, toks), dtype=np.int64, count=len(toks))


@lru_cache(maxsize=1)
def _abbreviations_without_period() -> frozenset:
    """The abbreviations of the pattern's abbreviation alternative (no inner period)."""
    return frozenset(a for a in news_abbreviations() if "." not in a)


#: Below this code point a table says which characters are whitespace (``str.isspace``, the
#: ``\s`` of ``re``); above it (U+3000 is the last whitespace character) each distinct
#: character is asked.
_WS_TABLE_SIZE = 0x3001


@lru_cache(maxsize=1)
def _ws_table() -> np.ndarray:
    return np.array([chr(c).isspace() for c in range(_WS_TABLE_SIZE)] + [False], dtype=bool)


def _char_classes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The code points of ``text`` and which of them are whitespace (``str.isspace``)."""
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    table = _ws_table()
    big = cp >= _WS_TABLE_SIZE
    ws = table[np.where(big, _WS_TABLE_SIZE, cp)]
    if big.any():
        for c in np.unique(cp[big]).tolist():
            if chr(c).isspace():
                ws[cp == c] = True
    return cp, ws


def _token_offsets(text: str, toks, lengths: np.ndarray | None = None, classes=None
                   ) -> tuple[np.ndarray, np.ndarray]:
    r"""Start and end offsets in ``text`` of ``toks``, the pattern's matches in order.

    Every match is a run of non-whitespace characters and every non-whitespace character
    is in a match (the pattern's last alternative is ``\S``), so the tokens laid end to end
    are the text without its whitespace: token ``i`` starts at the non-whitespace character
    numbered by the lengths of the tokens before it. (Checked: if the counts disagree, the
    offsets come from the matches themselves.) ``classes``: :func:`_char_classes` of ``text``
    when already made.
    """
    _cp, ws = _char_classes(text) if classes is None else classes
    chars = np.flatnonzero(~ws)
    if lengths is None:
        lengths = np.fromiter(map(len, toks), dtype=np.int64, count=len(toks))
    if int(lengths.sum()) != len(chars) or (len(toks) and lengths.min() < 1):
        spans = [m.span() for m in token_regex().finditer(text)]
        ab = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
        return ab[:, 0].copy(), ab[:, 1].copy()
    first = np.cumsum(lengths) - lengths
    return chars[first].astype(np.int64), chars[first + lengths - 1].astype(np.int64) + 1


_ALPHA = r"[^\W\d_]+(?:[-'][^\W\d_]+)*"


def term_frequencies(tokens_table: pd.DataFrame, *, drop_stop: bool = True,
                     alpha_only: bool = True, by: str | None = None) -> pd.DataFrame:
    """Counts of the lower-case terms: columns ``term, n, share`` (plus ``by`` if given),
    most frequent first, ties in alphabetical order."""
    t = tokens_table
    mask = np.ones(len(t), dtype=bool)
    if drop_stop:
        mask &= ~t["is_stop"].to_numpy()
    if alpha_only:
        mask &= t["is_alpha"].to_numpy()
    t = t[mask]
    keys = ([by] if by else []) + ["lower"]
    counts = t.groupby(keys, sort=False).size().rename("n").reset_index()
    counts = counts.rename(columns={"lower": "term"})
    total = (counts.groupby(by)["n"].transform("sum") if by else counts["n"].sum())
    counts["share"] = counts["n"] / total
    order = ([by] if by else []) + ["n", "term"]
    asc = ([True] if by else []) + [False, True]
    return counts.sort_values(order, ascending=asc, kind="mergesort").reset_index(drop=True)


def kwic(tokens_table: pd.DataFrame, pattern: str, *, window: int = 5,
         articles: pd.DataFrame | None = None, ignore_case: bool = True) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word or phrase with its context.

    ``pattern`` is a word or a phrase ("security talks"); each word may use glob wildcards
    (``"invad*"``). The context is ``window`` tokens each side, within the same article
    (across sentence boundaries, as quanteda's ``kwic``). With ``articles`` given, the
    context is cut from the article text, so the original spacing is kept.

    Columns: ``article_id, sentence_id, token_id, start, end, left, keyword, right``.
    """
    words = [w for w in pattern.split() if w]
    if not words:
        raise ValueError("kwic: empty pattern")
    col = "lower" if ignore_case else "token"
    if ignore_case:
        words = [w.lower().replace("\u2019", "'") for w in words]
    texts = None if articles is None else dict(zip(articles["article_id"], articles["text"]))
    rows = []
    for aid, g in tokens_table.groupby("article_id", sort=False):
        toks = g[col].to_list()
        surf = g["token"].to_list()
        starts = g["start"].to_numpy()
        ends = g["end"].to_numpy()
        sids = g["sentence_id"].to_numpy()
        tids = g["token_id"].to_numpy()
        n, k = len(toks), len(words)
        hits = np.ones(max(n - k + 1, 0), dtype=bool)
        for j, w in enumerate(words):
            if any(c in w for c in "*?["):
                rx = re.compile(fnmatch.translate(w))
                ok = np.fromiter((rx.match(t) is not None for t in toks[j:n - k + 1 + j]),
                                 dtype=bool, count=n - k + 1)
            else:
                ok = np.asarray(toks[j:n - k + 1 + j], dtype=object) == w
            hits &= ok
        for i in np.flatnonzero(hits):
            lo, hi = max(0, i - window), min(n, i + k + window)
            if texts is not None:
                text = texts[aid]
                left = text[starts[lo]:starts[i]].strip() if lo < i else ""
                kw = text[starts[i]:ends[i + k - 1]]
                right = text[ends[i + k - 1]:ends[hi - 1]].strip() if i + k < hi else ""
                left, right = " ".join(left.split()), " ".join(right.split())
            else:
                left = " ".join(surf[lo:i])
                kw = " ".join(surf[i:i + k])
                right = " ".join(surf[i + k:hi])
            rows.append((aid, int(sids[i]), int(tids[i]), int(starts[i]),
                         int(ends[i + k - 1]), left, kw, right))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "token_id", "start", "end",
                                       "left", "keyword", "right"])
