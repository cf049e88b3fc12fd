"""Tokens, word classes and clauses: the ground the ``rules`` method stands on.

The word classes of the roles (state nouns, relation nouns, linking and catenative verbs,
auxiliaries, titles) are defined here, each with one line on what it does.

A sentence is split into word tokens (``newslab.tokenize.word_spans``, lower-cased, curly
apostrophes straightened) and clauses (:func:`clauses`): a clause starts after ; : — ( ),
at a contrast word or subordinator, after a speech verb (its complement is the reported
clause), at ", V-ing" (a participial clause) and before a sentence-final attribution.
"""

from __future__ import annotations

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
exports gdp team squad players counterparts counterpart partners federation republic
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


def _norm(tok: str) -> str:
    return tok.lower().replace("’", "'")


def tokenize(text: str) -> list[tuple[int, int, str]]:
    from ..tokenize import word_spans
    return [(s, e, _norm(text[s:e])) for s, e in word_spans(text)]


def clauses(toks: list[tuple[int, int, str]]) -> tuple[list[int], list[str]]:
    """Clause number of every token and each clause's opener word ('' for none).

    A clause starts after ; : — ( ), at a contrast word or subordinator, after a speech verb
    (its complement is the reported clause), and at ", V-ing" (a participial clause).
    """
    ids, openers = [], [""]
    cid = 0
    n = len(toks)
    trailing = trailing_attribution(toks)
    for i, (_, _, w) in enumerate(toks):
        new = None
        if w in PUNCT_BOUNDARY:
            new = ""
        elif w in CONTRAST or w in SUBORD:
            if w == "that" and i + 1 < n and toks[i + 1][2] in BE:
                pass  # "that is": not a clause opener
            elif w in ("before", "after", "since") and i + 1 < n and toks[i + 1][2] in DET:
                pass  # a preposition here ("after the call")
            else:
                new = w
        elif i > 0 and toks[i - 1][2] in SPEECH and w not in PREP and w != "," \
                and w not in ("that", '"', "''", "``"):
            new = "said"
        elif i > 0 and toks[i - 1][2] == "," and w.endswith("ing") and len(w) > 5:
            new = "-ing"
        elif w == "," and i in trailing:
            new = "said"
        if new is not None and i > 0:
            cid += 1
            openers.append(new)
        ids.append(cid)
    return ids, openers


def trailing_attribution(toks) -> set[int]:
    """The comma before a sentence-final attribution (", South Korean activists say.",
    ", White House press secretary Jen Psaki said after the call."): the reported clause
    ends there."""
    last = None
    for i, (_, _, w) in enumerate(toks):
        if w == ",":
            last = i
    if last is None:
        return set()
    rest = [w for _, _, w in toks[last + 1:]]
    for k, w in enumerate(rest[:9]):
        if w in SPEECH and k > 0 and not any(x in ("," , '"', "''", "``") for x in rest[:k]):
            return {last}
    return set()


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


