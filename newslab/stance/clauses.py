"""Tokens, word classes and clauses: the ground the ``rules`` method stands on.

The word classes of the roles (state nouns, relation nouns, linking and catenative verbs,
auxiliaries, titles) are defined here, each with one line on what it does.

A sentence is split into word tokens (``newslab.tokenize.word_spans``, lower-cased, curly
apostrophes straightened) and clauses (:func:`clauses`): a clause starts after ; : — ( ),
at a contrast word or subordinator, after a speech verb (its complement is the reported
clause), at ", V-ing" (a participial clause) and before a sentence-final attribution.
``_analysed`` does this once per sentence text (cached); ``_Sentence`` is one target in it
(its tokens, its clause, the lexicons), what every rule reads.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from contextlib import contextmanager
from functools import lru_cache

from ..errors import NewslabError
from .lexicon import demonyms, evaluative_words, index

BE = frozenset("be is are was were been being am 's get gets got gotten getting".split())
NEG = frozenset("not n't never no without neither nor".split())
NEG_VERBS = frozenset("fail fails failed failing refuse refuses refused refusing decline "
                       "declines declined declining".split())
HEDGES = frozenset("may might could would should reportedly allegedly apparently possibly "
                    "probably likely suspected alleged unconfirmed if unless whether".split())
CONTRAST = frozenset("but however whereas while although though despite yet nevertheless "
                      "nonetheless".split())
SUBORD = frozenset("because if unless when whenever after before since until which who "
                    "whom whose where that".split())
SPEECH = frozenset("say says said saying tell tells told telling add adds added adding "
                    "announce announced announces stated claim claims claimed "
                    "insist insisted insists argue argued argues write wrote written "
                    "report reported reports deny denied denies denying confirm confirmed "
                    "warn warned warns explain explained note noted stress stressed "
                    "reiterate reiterated concluded conclude believe believes believed "
                    "think thinks thought fear fears feared hope hopes hoped".split())
PREP = frozenset("in on at with from to for into onto against over under between among "
                  "across through toward towards about near along by of".split())
DET = frozenset("the a an its their his her our this that these those some any several "
                 "many other such".split())
PUNCT_BOUNDARY = frozenset(";:—–()[]")
STOP = frozenset("the a an and or of to in on at by for with from as is are was were be "
                  "been has have had it its their this that".split())


# --- word classes of the roles (newslab.stance.rules) ----------------------------------------
#: nouns after a country that make the phrase stand for the state or its performance
STATE_HEADS = frozenset("""
government governments side forces force troops army armed military navy authorities
officials official leadership leader leaders president prime minister ministers ministry
foreign defence defense regime state administration delegation diplomats diplomat embassy
envoy ambassador courts court police parliament congress senate people nation economy
exports gdp output manufacturing team squad players counterparts counterpart partners federation republic
kingdom establishment intelligence services security central bank peoples sultan emir
king queen monarch citizens
""".split())
#: relation nouns: every party to the relation takes the relation's evaluation
RELATIONS = frozenset("""relations relationship ties partnership partnerships cooperation
friendship alliance dialogue contacts links engagement rapprochement rift coordination
collaboration""".split())
#: favourable / unfavourable relation nouns when nothing else evaluates them
RELATION_VALUE = {"partnership": 0.5, "partnerships": 0.5, "friendship": 0.5,
                  "alliance": 0.3, "rapprochement": 0.4, "rift": -0.4}
#: adjectives that evaluate a relation only ("close ties", "close coordination")
RELATION_ADJ = {"close": 0.3, "closer": 0.3, "strained": -0.3, "tense": -0.3,
                "difficult": -0.2}
#: words after "X's" that end the phrase ("Russia's own", "Russia's is")
STOP_AFTER = frozenset("and or but that which who whom to own".split())
#: words before a subject that open its clause
SUBJECT_OPENERS = frozenset("and that which who while but if when because as since whether "
                            "although though where whereas so nor yet unless until once "
                            "after before".split())
#: catenative verbs: "continue to support" is judged by "support"
CATENATIVE = frozenset("continue continues continued continuing seek seeks sought seeking "
                       "plan plans planned try tries tried want wants wanted intend intends "
                       "intended aim aims aimed endeavor endeavors endeavour endeavours strive "
                       "strives work works worked begin begins began start starts started "
                       "decide decides decided stand stands ready going".split())
#: "X plays a key role", "the critical role that X plays": favourable
ROLE_NOUNS = frozenset("role roles part".split())
IMPORTANT = frozenset("significant important key critical crucial vital leading pivotal "
                      "major constructive positive central".split())
PLAY = frozenset("play plays played playing".split())
#: "grow" before these is a linking verb ("grow increasingly concerned")
GROW_LINKING = frozenset("more less increasingly weary concerned worried tired impatient "
                         "frustrated alarmed anxious".split())
#: "hold X accountable": X is blamed
HOLD = frozenset("hold holds held holding".split())
#: denying an accusation presents the country as accused (codebook): its effect
DENY = frozenset("deny denies denied denying".split())
DENIED = frozenset("that any accusations accusation allegations allegation claims charges "
                   "involvement wrongdoing responsibility reports".split())
DENIAL = -0.3
#: attitudes toward the target that portray it ("grateful to the U.S.": thanked)
TOWARD = {"grateful": 0.5, "thankful": 0.5, "indebted": 0.4, "friendly": 0.5}
#: criticism aimed at the target ("a swipe at X", "disappointed with X"): the codebook's
#: "criticised" (unfavourable for X); read like TOWARD, after "at", "with" or "against"
#: the aimed ones only after "at" or "against" ("a shared aim with X" is no criticism)
AIMED = frozenset("swipe swipes jab jabs dig digs potshots aim".split())
TOWARD.update(dict.fromkeys(AIMED, -0.5))
TOWARD.update(dict.fromkeys("disappointment disappointed frustration frustrated anger angry "
                            "fury furious outrage outraged".split(), -0.5))
#: a demonym that names one person ("the Frenchman", "the Italian was sent off"): origin,
#: not the state (the codebook's unit is the country)
PERSON_FORMS = ("man", "men", "woman", "women")
SINGULAR = frozenset("was is has".split())
#: linking verbs (with be): an evaluative word after them evaluates the subject
LINKING = frozenset("remain remains remained become becomes became seem seems seemed appear "
                    "appears appeared grow grows grew grown look looks looked stay stays "
                    "stayed".split())
#: auxiliaries, modals and adverbs that may sit between a subject and its verb
AUXILIARY = frozenset("will would shall should can could may might must do does did has have "
                      "had also still now already then just again jointly further not n't "
                      "never first once only currently reportedly allegedly apparently "
                      "repeatedly recently today yesterday thus therefore".split())
#: verbs whose object noun is an evaluation of the subject ("denied accusations")
FACING = frozenset("deny denies denied denying reject rejects rejected rejecting dismiss "
                   "dismisses dismissed rebuff rebuffed face faces faced facing".split())
#: titles before a name ("Mr Blair", "President Biden")
TITLES = frozenset("mr mrs ms dr sir lady lord president prime minister chancellor secretary "
                   "king queen premier general senator ambassador foreign majesty "
                   "highness".split())


#: sentence text -> its tokens, as :func:`tokenize` would give them, read from the tokens
#: table while :func:`given_tokens` is in force (a text's tokens depend on the text alone,
#: so entries from another batch or thread are as right as a fresh split)
_GIVEN: dict[str, list] = {}


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """The word tokens of a sentence: (start, end, lower-case form with straight
    apostrophes), the ``tokens`` table's tokens (``newslab.tokenize.word_spans``)."""
    got = _GIVEN.get(text)
    if got is not None:
        return got
    from ..tokenize import word_spans
    out = []
    for s, e in word_spans(text):
        low = text[s:e].lower()
        out.append((s, e, low.replace("’", "'") if "’" in low else low))
    return out


@contextmanager
def given_tokens(texts: dict[str, list]):
    """Within the block, :func:`tokenize` reads the tokens of these sentence texts from
    ``texts`` (text -> [(start, end, lower)], from the ``tokens`` table) instead of
    splitting them again."""
    new = {t: v for t, v in texts.items() if t not in _GIVEN}
    _GIVEN.update(new)
    try:
        yield
    finally:
        for t in new:
            _GIVEN.pop(t, None)


def clauses(toks: list[tuple[int, int, str]]) -> tuple[list[int], list[str]]:
    """Clause number of every token and each clause's opener word ('' for none).

    A clause starts after ; : — ( ), at a contrast word or subordinator, after a speech verb
    (its complement is the reported clause), and at ", V-ing" (a participial clause).
    """
    ids, openers = [], [""]
    cid = 0
    words = [t[2] for t in toks]
    n = len(words)
    trailing = trailing_attribution(toks, words)
    prev = ""
    for i, w in enumerate(words):
        new = None
        if w in PUNCT_BOUNDARY:
            new = ""
        elif w in CONTRAST or w in SUBORD:
            if w == "that" and i + 1 < n and words[i + 1] in BE:
                pass  # "that is": not a clause opener
            elif w in ("before", "after", "since") and i + 1 < n and words[i + 1] in DET:
                pass  # a preposition here ("after the call")
            else:
                new = w
        elif i > 0 and prev in SPEECH and w not in PREP and w not in _NOT_REPORTED:
            new = "said"
        elif i > 0 and prev == "," and len(w) > 5 and w.endswith("ing"):
            new = "-ing"
        elif i == trailing:
            new = "said"
        if new is not None and i > 0:
            cid += 1
            openers.append(new)
        ids.append(cid)
        prev = w
    return ids, openers


#: words after a speech verb that do not open the reported clause
_NOT_REPORTED = frozenset([",", "that", '"', "''", "``"])
_QUOTE_OR_COMMA = frozenset([",", '"', "''", "``"])


def trailing_attribution(toks, words=None) -> int:
    """The index of the comma before a sentence-final attribution (", South Korean activists
    say.", ", White House press secretary Jen Psaki said after the call."): the reported
    clause ends there; -1 when there is none."""
    words = [t[2] for t in toks] if words is None else words
    if "," not in words:
        return -1
    last = len(words) - 1 - words[::-1].index(",")
    rest = words[last + 1:last + 10]
    for k, w in enumerate(rest):
        if k > 0 and w in SPEECH and not any(x in _QUOTE_OR_COMMA for x in rest[:k]):
            return last
    return -1


def is_passive(toks, v: int, kind: str) -> bool:
    """A participle after a form of be/get (adverbs between allowed), or a reduced relative
    participle followed by "by" ("a deal brokered by China")."""
    if kind != "participle":
        return False
    j = v - 1
    hops = 0
    while j >= 0 and hops < 3:
        w = toks[j][2]
        if w in BE:
            return True
        if not (w.endswith("ly") or w in ("not", "n't", "never", "also", "been", "widely",
                                          "being", "reportedly", "allegedly", "repeatedly")):
            break
        j -= 1
        hops += 1
    return v + 1 < len(toks) and toks[v + 1][2] == "by"


# --- one sentence, analysed once; one target in it ------------------------------------------

@lru_cache(maxsize=8192)
def _analysed(text: str):
    """Everything about a sentence that does not depend on the target, once per text:
    tokens, clause ids and openers, lower-case and raw words, token starts and ends, each
    clause's first and last token + 1."""
    toks = tokenize(text)
    cids, openers = clauses(toks)
    bounds = {}
    for i, c in enumerate(cids):
        bounds[c] = (bounds[c][0], i + 1) if c in bounds else (i, i + 1)
    return (tuple(toks), tuple(cids), tuple(openers), [t[2] for t in toks],
            [text[a:b] for a, b, _ in toks], [t[0] for t in toks], [t[1] for t in toks],
            bounds)


class _Sentence:
    """One target in its sentence: tokens, raw words, the clause, lexicons."""

    def __init__(self, text, start, end, lexicon_path=None):
        toks, cids, openers, self.w, self.raw, starts, ends, bounds = _analysed(text)
        self.text, self.toks = text, toks
        # the tokens that overlap [start, end): ends > start from ti, starts < end up to tj
        ti = bisect_right(ends, start)
        tj = bisect_left(starts, end) - 1
        if ti >= len(toks) or tj < ti:
            raise NewslabError(f"target offsets {start}:{end} do not cover a word of the text")
        self.ti, self.tj = ti, tj
        c = cids[ti]
        self.cs, self.ce = bounds[c]
        self.opener = openers[c]
        self.clause = text[toks[self.cs][0]:toks[self.ce - 1][1]]
        self.verbs, self.nouns = index(lexicon_path)
        self.evalw = evaluative_words()
        self.target = text[start:end]
        low = self.target.lower()
        dem = demonyms()
        self.demonym = low in dem or low.rstrip("s") in dem

    def one_person(self) -> bool:
        """The target is a demonym naming one person ("the Frenchman", "the Italian was")."""
        w = self.w[self.tj]
        if not self.demonym or w in ("german", "turkmen"):
            return False
        return w.endswith(PERSON_FORMS) or (
            self.ti > self.cs and self.w[self.ti - 1] == "the" and self.ti == self.tj and
            self.tj + 1 < self.ce and self.w[self.tj + 1] in SINGULAR)

    def cap(self, i):
        return 0 <= i < len(self.raw) and self.raw[i][:1].isupper()

    def adj(self, i):
        e = self.evalw.get(self.w[i]) if 0 <= i < len(self.w) else None
        return e[1] if e and e[0] == "adj" else None

    def verb_at(self, i):
        """The verb trigger at token i, or None: a form after a determiner, a possessive,
        a number or an adjective reads as a noun ("the attack", "a 6-1 win")."""
        if not (0 <= i < len(self.w)):
            return None
        hit = self.verbs.get(self.w[i])
        if hit is None:
            return None
        if hit[0].lemma == "decline" and self.w[i + 1:i + 2] == ["to"]:
            return None  # "declined to comment": a negator of what follows
        p = self.w[i - 1] if i > 0 else ""
        if p in DET or p in ("'s", "'") or p[:1].isdigit() or self.adj(i - 1) is not None:
            return None
        if hit[0].lemma == "back" and self.w[i] == "back":
            return None  # "go back", "fight back": an adverb
        return hit
