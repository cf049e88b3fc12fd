"""Who says it: sentences attributed to a speaker, and the speaker to a country.

News attributes statements ("Psaki said", "Ushakov told reporters", "according to a State
Department spokesperson") and quotes run over several sentences, sometimes unbalanced (a
quote opened in one sentence and attributed two sentences later, or a paragraph that begins
inside a quote). :func:`attribute_sentences` gives every sentence its speaker where the text
allows, by these rules (each one line):

1. **cue**: a speech or stance verb (said, told, added, warned, accused, praised, urged, ...;
   also "according to X") with its speaker: the run of name-like or title words before it
   ("White House press secretary Jen Psaki said", "Yury Ushakov, an aide to Putin, told"),
   or after it ('," said Psaki').
2. **quote**: a sentence inside a quotation gets the cue of its quotation: the cue that closes
   it ('...," Psaki said'), else the cue just before it in the paragraph ('Ushakov said.
   "Putin replied ...'), else the last speaker of the previous paragraph (a quote carried
   over a paragraph break). Straight quotes are told open from closed by their neighbours;
   a paragraph whose first quote mark closes began inside a quote.
3. **pronoun**: "he", "she", "they", "the official", "the spokesperson" take the nearest
   earlier speaker in the article.
4. **country**: the speaker phrase's own country words, through ``newslab.countries``
   (leaders with their dates, institutions such as the Kremlin or the State Department,
   demonym titles such as "Russian Foreign Minister"); else what the article says of that
   name elsewhere ("Yury Ushakov, an aide to Putin" makes a later "Ushakov said" Russian);
   "administration official(s)" take the country of the article's "<leader> administration".

Table ``attribution`` (see ``newslab.schema``): article_id, sentence_id, speaker, speaker_iso3,
speaker_country, cue, how (cue, quote, pronoun), speaker_start, speaker_end (offsets of the
speaker phrase in the article text; <NA> when it is in another sentence).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import numpy as np
import pandas as pd

from . import schema
from .errors import NewslabError

#: verbs that attribute what follows (or precedes) to their subject
SPEECH_VERBS = frozenset("""
said says say told tells added adds stressed stresses warned warns noted notes explained
insisted wrote announced stated tweeted argued claimed reiterated urged accused accuses
condemned condemns criticised criticized criticises criticizes praised praises blamed blames
thanked welcomed demanded vowed pledged insists replied cautioned declared
""".split())
_AUX = frozenset("has have had also later then again would will".split())
#: lower-case words that may sit inside a speaker phrase
_TITLE_WORDS = frozenset("""
a an the senior separate top former deputy chief head acting administration government
official officials spokesperson spokesman spokeswoman spokespeople press secretary minister
ministry foreign defence defense interior state department aide aides adviser advisers
advisor advisors ambassador envoy president prime chancellor leader leaders diplomat
diplomats lawmaker lawmakers general commander security national council of for to and
representative analysts analyst sources source military officers staff
""".split())
_PRONOUNS = frozenset("he she they we i".split())
_GENERIC = re.compile(r"^(?:the|this|that) (?:official|officials|spokesperson|spokesman|"
                      r"spokeswoman|aide|diplomat|ministry|president|minister)$")
_SENT_INITIAL = frozenset("But And While So Yet However Still Meanwhile Instead Later Then "
                          "Also Now In On At".split())
_QUOTES = frozenset('"“”')
_NOT_NAMES = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
                       "February March April May June July August September October November "
                       "December Jan. Feb. Aug. Sept. Oct. Nov. Dec.".split())
#: cues proper (reporting verbs); stance verbs (accused, praised, ...) count only without one
CORE_CUES = frozenset("said says say told tells added adds according wrote stated tweeted "
                      "announced".split())
_WORD = re.compile(r"[A-Za-z][\w.'’-]*|[\"“”]|[,.;:!?]")


def _is_name(w: str) -> bool:
    return w[:1].isupper() or w.lower() in _TITLE_WORDS


def _speaker_before(text: str, vstart: int) -> tuple[int, int] | None:
    """The speaker phrase that ends just before a cue verb at vstart (span in text): a run of
    name or title words, with an appositive ("Yury Ushakov, an aide to Putin, told")."""
    # the walk below looks at a few words before the cue: first the words after a space
    # within WINDOW characters of it (no word holds a space, so they are the words the
    # whole text has there), the whole text before the cue only if the walk needs more
    gap = _SPACE.search(text, max(0, vstart - _WINDOW), vstart) if vstart > _WINDOW else None
    if gap is not None:
        got = _speaker_before_toks(text, [(m.start(), m.end(), m.group())
                                          for m in _WORD.finditer(text, gap.start(), vstart)],
                                   whole=False)
        if got is not _MORE:
            return got
    return _speaker_before_toks(text, [(m.start(), m.end(), m.group())
                                       for m in _WORD.finditer(text, 0, vstart)], whole=True)


#: characters before a cue tokenized first (:func:`_speaker_before`)
_WINDOW = 120
_SPACE = re.compile(r"\s")
#: "the walk went past the first word it was given": it needs the words before them
_MORE = object()


def _speaker_before_toks(text: str, toks: list, *, whole: bool):
    i = len(toks) - 1
    while i >= 0 and toks[i][2].lower() in _AUX:
        i -= 1
    if i < 0:
        return None if whole else _MORE
    if toks[i][2].lower() in _PRONOUNS:
        return toks[i][0], toks[i][1]
    end = None
    if toks[i][2] == ",":
        # appositive: NAME, an aide to Putin, VERB
        j = i - 1
        while j >= 0 and toks[j][2] != "," and _is_name(toks[j][2]) and toks[j][2] not in _QUOTES:
            j -= 1
        if j < 0 and not whole:
            return _MORE
        if j < 0 or toks[j][2] != "," or j == i - 1:
            return None
        end = toks[i - 1][1]
        i = j - 1
    start = None
    while i >= 0:
        w = toks[i][2]
        if not _is_name(w) or w in _QUOTES or w in _NOT_NAMES:
            break
        start = toks[i][0]
        end = end if end is not None else toks[i][1]
        i -= 1
    if i < 0 and not whole:
        return _MORE
    if start is None or end is None:
        return None
    # drop a leading sentence connective ("But U.S. officials say")
    m = re.match(r"(?:" + "|".join(_SENT_INITIAL) + r")\s+", text[start:end])
    if m and text[start + m.end():end]:
        start += m.end()
    span = text[start:end].strip()
    if not span or span.lower() in ("a", "an", "the") or not any(
            c.isupper() for c in span) and not re.search(
            r"official|spokes|minister|aide|adviser|ambassador|diplomat|president", span):
        return None
    return start, end


def _speaker_after(text: str, vend: int) -> tuple[int, int] | None:
    """'," said Psaki' / 'according to a State Department spokesperson': the phrase after."""
    start = end = None
    for m in _WORD.finditer(text, vend):
        s, e, w = m.start(), m.end(), m.group()
        if w[:1].islower() and w.endswith("."):
            w, e = w[:-1], e - 1  # "spokesperson." ends the sentence
        if w in ('"', "“", "”", ",", ".", ";", ":", "!", "?") or not _is_name(w):
            break
        start = s if start is None else start
        end = e
    if start is None or not any(text[start:end].split()[-1][:1].isupper() or
                                t in _TITLE_WORDS for t in text[start:end].lower().split()[-1:]):
        return None
    return start, end


def _trie_pattern(words) -> str:
    """An alternation matching exactly ``words``, as a trie (shared prefixes factored out:
    "a(?:dd(?:ed|s)|...)"), which the regex engine tries far faster than a flat list."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node) -> str:
        alts = [re.escape(ch) + walk(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here: the rest is optional
            body = f"(?:{body})?"
        return body

    return walk(trie)


# the same matches as r"\b(said|says|...)\b|\baccording to\b" (one whole word), faster
_CUE = re.compile(r"\b(?=[a-z])(?:(" + _trie_pattern(sorted(SPEECH_VERBS))
                  + r")\b|according to\b)")


def find_cues(text: str, *, inside: bool = False) -> list[dict]:
    """The attribution cues of one sentence: dicts with cue, speaker, start, end (speaker
    span), position (of the cue), quoted (whether the cue sits inside quotation marks;
    ``inside``: the sentence starts inside a quote). Reporting verbs come first."""
    out = []
    for m in _CUE.finditer(text):
        verb = m.group(0)
        if verb == "according to":
            span = _speaker_after(text, m.end())
        else:
            before = text[:m.start()].rstrip()
            span = None
            if before.endswith((',"', ',”', '."', '?"', '!"', ",'")) or before.endswith('"') \
                    or before.endswith("”"):
                span = _speaker_after(text, m.end())  # '," said Psaki'
            if span is None:
                span = _speaker_before(text, m.start())
        if span is None:
            continue
        q = _quote_depth(text[:m.start()], inside)
        if q and m.start() > len(text) - 60 and text[:span[0]].rstrip().endswith(","):
            q = False  # ", Price said." closing a sentence whose quote never closes
        out.append({"cue": verb, "speaker": text[span[0]:span[1]].strip(), "start": span[0],
                    "end": span[1], "position": m.start(), "quoted": q})
    out.sort(key=lambda c: (c["cue"].split()[0] not in CORE_CUES, c["position"]))
    return out


_QUOTE_MARK = re.compile(r"[\"“”]")


def _quote_marks(text: str) -> list[tuple[int, str]]:
    """Quote marks as (position, 'open'|'close')."""
    marks = []
    if '"' not in text and "“" not in text and "”" not in text:
        return marks
    for m in _QUOTE_MARK.finditer(text):
        c, i = m.group(), m.start()
        if c == "“":
            marks.append((i, "open"))
        elif c == "”":
            marks.append((i, "close"))
        else:
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if prev in ",.?!;:" or (prev.isalnum() and not nxt.isalnum()):
                marks.append((i, "close"))
            elif prev.isspace() or prev in "(—–-" or i == 0:
                marks.append((i, "open"))
            else:
                marks.append((i, "close"))
    return marks


def _quote_depth(text: str, inside: bool = False) -> bool:
    for _, kind in _quote_marks(text):
        inside = kind == "open"
    return inside


def _country_of(phrase: str, date=None) -> tuple[str, str] | None:
    """The first country (not organization) that ``phrase`` names, through the countries
    matcher (dated leaders resolved by ``date``), or None."""
    if date is None:
        return _country_cached(phrase, None)
    try:
        d = _day(date)
    except TypeError:  # not hashable
        d = _day.__wrapped__(date)
    return _country_cached(phrase, d)


@lru_cache(maxsize=4096)
def _day(date):
    """A date as the matcher takes it (datetime64[ns], time zone dropped), None for NA."""
    if pd.isna(date):
        return None
    ts = pd.Timestamp(date)
    return (ts.tz_localize(None) if ts.tzinfo else ts).to_datetime64().astype("datetime64[ns]")


@lru_cache(maxsize=65536)
def _country_cached(phrase: str, d) -> tuple[str, str] | None:
    from .countries import matcher
    for _s, _e, entry in matcher().scan(phrase, dates=(lambda pos: d) if d is not None
                                        else None):
        if entry.kind != "organization":
            return str(entry.iso3), str(entry.country)
    return None


_APPOSITIVE = re.compile(r"(?=[A-Z])([A-Z][a-z]+(?:[ -][A-Z][a-z]+)+),\s+(?:an?|the)\s+"
                         r"([^,.\"“”]{3,80})")
# the look-ahead (each alternative's first letters) only lets the engine skip positions
# where no match can start; the matches are the same
_TITLED = re.compile(r"(?=[A-Z]|press|foreign|defen[sc]e|prime|state|secretary|minister|"
                     r"spokes|aide|adviser|ambassador|official|president|chancellor|of)"
                     r"((?:[A-Z][\w.]*\s+|(?:press|foreign|defense|defence|prime|state|"
                     r"secretary|minister|spokesperson|spokesman|spokeswoman|aide|adviser|"
                     r"ambassador|official|president|chancellor|of)\s+){1,7})"
                     r"([A-Z][a-z]+(?: [A-Z][a-z]+)+)")
_ADMIN = re.compile(r"\b([A-Z][a-z]+)(?:'s)? administration\b")


#: a character no title or name match holds (each match is letters, digits, "_", "." and
#: whitespace): :data:`_TITLED` matches never cross one
_NOT_IN_TITLED = re.compile(r"[^\w.\s]")


class _NameMemory:
    """What an article says of people: surname and full name -> country, from appositives
    after a name ("Yury Ushakov, an aide to Putin") and titles before it ("State Department
    spokesperson Ned Price"), the first of them that names a country; the appositives first,
    then the titles, then "administration" from "<leader> administration".

    The same answers as reading every match into a dict (``tests/test_speed_equivalence``),
    read on demand: the appositives (a cheap pattern) at once, the titles only for the keys
    asked, and only in the stretches of text between characters no title match holds
    (:data:`_NOT_IN_TITLED`) that contain the key: a match lies inside one such stretch, and
    ``finditer`` over the stretch finds exactly the whole text's matches in it (the pattern
    looks neither behind its start nor past a character it cannot hold).
    """

    def __init__(self, text: str, date=None):
        self.text, self.date = text, date
        self._found: dict[str, tuple[str, str] | None] = {}
        self._appos: dict[str, tuple[str, str]] = {}
        for m in _APPOSITIVE.finditer(text):
            c = _country_of(m.group(2), date)
            if c is not None:
                name = m.group(1)
                for key in (name, name.split()[-1]):
                    self._appos.setdefault(key, c)
        self._stops = None

    def get(self, key: str, default=None):
        if key not in self._found:
            self._found[key] = self._look_up(key)
        got = self._found[key]
        return default if got is None else got

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key: str) -> tuple[str, str]:
        got = self.get(key)
        if got is None:
            raise KeyError(key)
        return got

    def _look_up(self, key: str):
        if key in self._appos:
            return self._appos[key]
        text, date = self.text, self.date
        if key == "administration":
            for m in (_ADMIN.finditer(text) if "administration" in text else ()):
                c = _country_of(m.group(1), date)
                if c is not None:
                    return c
            return None
        if not key or _NOT_IN_TITLED.search(key):
            return None
        if self._stops is None:
            self._stops = [m.start() for m in _NOT_IN_TITLED.finditer(text)]
        stops = self._stops
        at = text.find(key)
        done = -1
        while at >= 0:
            k = bisect_right(stops, at)  # the stretch (stops[k - 1], stops[k]) holding it
            if k > done:
                done = k
                lo = stops[k - 1] + 1 if k else 0
                hi = stops[k] if k < len(stops) else len(text)
                for m in _TITLED.finditer(text, lo, hi):
                    name = m.group(2)
                    if key == name or key == name.split()[-1]:
                        c = _country_of(m.group(1), date)
                        if c is not None:
                            return c
            at = text.find(key, at + 1)
        return None


def _name_memory(text: str, date=None) -> _NameMemory:
    """What an article says of people (:class:`_NameMemory`: read on demand)."""
    return _NameMemory(text, date)


def _resolve(speaker: str, mem, date) -> tuple[str, str] | None:
    c = _country_of(speaker, date)
    if c is not None:
        return c
    for w in reversed(re.findall(r"[A-Z][a-z]+", speaker)):
        if w in mem:
            return mem[w]
    if re.search(r"\badministration\b", speaker, flags=re.I) and "administration" in mem:
        return mem["administration"]
    return None


def _article_sentences(sentences: pd.DataFrame):
    """``(article_id, [(sentence_id, start, text, paragraph_id), ...])`` per article, articles
    in order of first appearance, each article's sentences by sentence_id (a stable sort:
    one pass over the table, no per-article pandas; rows without an article_id are left out,
    as ``groupby`` leaves them out)."""
    if not len(sentences):
        return
    codes, uniques = pd.factorize(sentences["article_id"])
    sid = sentences["sentence_id"].to_numpy()
    order = np.lexsort((sid, codes))  # by article (first appearance), then sentence_id
    order = order[codes[order] >= 0]
    c = codes[order]
    sids = sid[order].tolist()
    starts = sentences["start"].to_numpy()[order].tolist()
    texts = [str(t) for t in sentences["text"].to_numpy(dtype=object)[order]]
    pars = (sentences["paragraph_id"].to_numpy()[order].tolist()
            if "paragraph_id" in sentences.columns else [0] * len(order))
    bounds = np.flatnonzero(np.diff(c)) + 1
    lo = 0
    for hi in [*bounds.tolist(), len(order)]:
        yield uniques[c[lo]], list(zip(sids[lo:hi], starts[lo:hi], texts[lo:hi], pars[lo:hi]))
        lo = hi


def attribute_sentences(sentences: pd.DataFrame, *, articles: pd.DataFrame | None = None
                        ) -> pd.DataFrame:
    """The ``attribution`` table: one row per attributed sentence (see the module doc)."""
    need = {"article_id", "sentence_id", "start", "text"}
    if not isinstance(sentences, pd.DataFrame) or need - set(sentences.columns):
        raise NewslabError("attribute_sentences needs the sentences table (article_id, "
                           "sentence_id, start, text)")
    dates = {}
    if articles is not None and "date" in articles.columns:
        dates = dict(zip(articles["article_id"], pd.to_datetime(articles["date"],
                                                                errors="coerce")))
    rows = []
    for aid, recs in _article_sentences(sentences):
        date = dates.get(aid)
        date = None if date is None or pd.isna(date) else date
        mem = None  # what the article says of people: made when a speaker first needs it
        marks_of = [_quote_marks(txt) for _sid, _off, txt, _par in recs]
        # a paragraph whose first quote mark closes began inside a quote
        first_mark: dict = {}
        for (_sid, _off, _txt, par), marks in zip(recs, marks_of):
            if marks and par not in first_mark:
                first_mark[par] = marks[0][1]
        # pass 1: cues and quote state per sentence
        info = []
        inside = False
        prev_par = None
        for (sid, off, txt, par), marks in zip(recs, marks_of):
            if par != prev_par:
                inside = first_mark.get(par) == "close"
                prev_par = par
            quoted = inside or any(k == "open" for _, k in marks)
            cues = [c for c in find_cues(txt, inside=inside) if not c["quoted"]]
            for _, k in marks:
                inside = k == "open"
            info.append({"sid": sid, "off": off, "par": par, "quoted": quoted,
                         "cue": cues[0] if cues else None, "open_after": inside})
        # pass 2: quotes take their cue (closing cue, else the one before, else carried over)
        n = len(info)
        for i, x in enumerate(info):
            if x["cue"] is not None or not x["quoted"]:
                continue
            src = None
            j = i + 1
            while j < n and info[j]["par"] == x["par"] and info[j]["quoted"]:
                if info[j]["cue"] is not None:
                    src = info[j]
                    break
                j += 1
            if src is None:
                j = i - 1
                while j >= 0 and info[j]["par"] == x["par"]:
                    if info[j]["cue"] is not None:
                        src = info[j]
                        break
                    j -= 1
            if src is None and i > 0 and info[i - 1]["par"] != x["par"]:
                # a quote carried over a paragraph break: the previous paragraph ended
                # inside a quote (or was itself an attributed quote)
                prev = info[i - 1]
                if prev.get("via") is not None:
                    src = prev["via"]
                elif prev["cue"] is not None and prev["open_after"]:
                    src = prev
            if src is not None:
                x["via"] = src
        # pass 3: speakers, pronouns, countries
        last = None
        for x in info:
            how = "cue"
            src = x
            if x["cue"] is None:
                if x.get("via") is None:
                    continue
                src, how = x["via"], "quote"
            cue = src["cue"]
            speaker = cue["speaker"]
            resolved = None
            if speaker.lower() in _PRONOUNS or _GENERIC.match(speaker.lower()):
                if last is not None:
                    resolved = (last[1], last[2]) if last[1] else None
                    speaker = f"{speaker} ({last[0]})"
                    how = "pronoun" if how == "cue" else how
                    name = last[0]
                else:
                    name = speaker
            else:
                if mem is None and _country_of(speaker, date) is None:
                    mem = _name_memory(" ".join(r[2] for r in recs), date)
                resolved = _resolve(speaker, mem or {}, date)
                name = speaker
            last = (name, *(resolved or (None, None)))
            same = src is x
            rows.append((aid, int(x["sid"]), speaker,
                         resolved[0] if resolved else None, resolved[1] if resolved else None,
                         cue["cue"], how,
                         int(x["off"] + cue["start"]) if same else None,
                         int(x["off"] + cue["end"]) if same else None))
    df = pd.DataFrame(rows, columns=schema.columns("attribution"))
    df["article_id"] = df["article_id"].astype(object)
    df["sentence_id"] = df["sentence_id"].astype(np.int64)
    df["speaker_start"] = df["speaker_start"].astype("Int64")
    df["speaker_end"] = df["speaker_end"].astype("Int64")
    return df
