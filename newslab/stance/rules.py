"""The ``rules`` method: clauses, the target's role in them, and the rules that score it.

:func:`rules_score` scores one target; :func:`rules_explained` lists the rules in words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import NewslabError
from .lexicon import index as _index

RULES_THRESHOLD = 0.05
# --- rule weights: each one explained where it is defined ----------------------------------
#: negated hostile act ("has not violated"): the act's effect reversed, at half strength
NEG_HOSTILE = -0.5
#: negated favourable act ("did not honour", "failed to comply"): reversed, nearly in full
NEG_FAVOURABLE = -0.8
#: hedged or conditional act ("might invade", "if Russia invades"): kept, at 70 percent
HEDGE = 0.7
#: when no role decides: VADER on the target's clause (weight 1 - SENTENCE_SHARE) and on the
#: whole sentence (SENTENCE_SHARE), target masked in both, times FALLBACK (chosen on a sample
#: of NewsMTSC's train split, never on its test sets or on the project's gold set)
FALLBACK = 1.0
SENTENCE_SHARE = 0.3

# --- word classes ----------------------------------------------------------------------------
_BE = frozenset("be is are was were been being am 's get gets got gotten getting".split())
_NEG = frozenset("not n't never no without neither nor".split())
_NEG_VERBS = frozenset("fail fails failed failing refuse refuses refused refusing decline "
                       "declines declined declining".split())
_HEDGES = frozenset("may might could would should reportedly allegedly apparently possibly "
                    "probably likely suspected alleged unconfirmed if unless whether".split())
_CONTRAST = frozenset("but however whereas while although though despite yet nevertheless "
                      "nonetheless".split())
_SUBORD = frozenset("because if unless when whenever after before since until which who "
                    "whom whose where that".split())
_SPEECH = frozenset("say says said saying tell tells told telling add adds added adding "
                    "announce announced announces state stated states claim claims claimed "
                    "insist insisted insists argue argued argues write wrote written "
                    "report reported reports deny denied denies denying confirm confirmed "
                    "warn warned warns explain explained note noted stress stressed "
                    "reiterate reiterated concluded conclude believe believes believed "
                    "think thinks thought fear fears feared hope hopes hoped".split())
_PREP = frozenset("in on at with from to for into onto against over under between among "
                  "across through toward towards about near along by of".split())
_DET = frozenset("the a an its their his her our this that these those some any several "
                 "many other such".split())
_PUNCT_BOUNDARY = frozenset(";:—–()[]")
_STOP = frozenset("the a an and or of to in on at by for with from as is are was were be "
                  "been has have had it its their this that".split())

_RULES = {
    "noun-agent": "the target owns or modifies an act noun (\"Russia's invasion\", "
                  "\"Russian aggression\", \"invasion ... by Russia\"): the act's agent effect",
    "noun-object": "the target follows an act noun and a preposition (\"support for Ukraine\", "
                   "\"sanctions on Russia\"): the act's object effect",
    "verb-object": "the target follows an active verb in its clause (\"condemning Belarus\"): "
                   "the verb's object effect",
    "passive-agent": "the target is in the by-phrase of a passive verb (\"invaded by Russia\"): "
                     "the verb's agent effect",
    "verb-agent": "the target precedes an active verb in its clause (\"Russia invaded\"): the "
                  "verb's agent effect",
    "passive-object": "the target is the subject of a passive verb (\"Belarus was condemned\"):"
                      " the verb's object effect",
    "clause-tone": "no role decided: VADER on the target's clause, mixed with a share "
                   "(SENTENCE_SHARE) of VADER on the sentence, target masked",
    "negation": "not/never/no/n't or fail/refuse to before the act: effect reversed "
                "(NEG_HOSTILE, NEG_FAVOURABLE)",
    "hedge": "may/might/could/would/reportedly/if... in the clause before the act: effect "
             "times HEDGE",
    "contrast": "the clause opens with but/while/whereas/although/despite: only that clause "
                "is read for a target inside it, only the main clause for one outside it",
}


def rules_explained() -> pd.DataFrame:
    """The rules of the ``rules`` method, one line each (for notebooks and documentation)."""
    return pd.DataFrame({"rule": list(_RULES), "what it does": list(_RULES.values())})


# ---------------------------------------------------------------------------------------------
# the rules engine


def _norm(tok: str) -> str:
    return tok.lower().replace("’", "'")


def _tokenize(text: str) -> list[tuple[int, int, str]]:
    from ..tokenize import word_spans
    return [(s, e, _norm(text[s:e])) for s, e in word_spans(text)]


def _clauses(toks: list[tuple[int, int, str]]) -> tuple[list[int], list[str]]:
    """Clause number of every token and each clause's opener word ('' for none).

    A clause starts after ; : — ( ), at a contrast word or subordinator, after a speech verb
    (its complement is the reported clause), and at ", V-ing" (a participial clause).
    """
    ids, openers = [], [""]
    cid = 0
    n = len(toks)
    trailing = _trailing_attribution(toks)
    for i, (_, _, w) in enumerate(toks):
        new = None
        if w in _PUNCT_BOUNDARY:
            new = ""
        elif w in _CONTRAST or w in _SUBORD:
            if w == "that" and i + 1 < n and toks[i + 1][2] in _BE:
                pass  # "that is": not a clause opener
            elif w in ("before", "after", "since") and i + 1 < n and toks[i + 1][2] in _DET:
                pass  # a preposition here ("after the call")
            else:
                new = w
        elif i > 0 and toks[i - 1][2] in _SPEECH and w not in _PREP and w != "," \
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


def _trailing_attribution(toks) -> set[int]:
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
        if w in _SPEECH and k > 0 and not any(x in ("," , '"', "''", "``") for x in rest[:k]):
            return {last}
    return set()


def _is_passive(toks, v: int, kind: str) -> bool:
    """A participle after a form of be/get (adverbs between allowed), or a reduced relative
    participle followed by "by" ("a deal brokered by China")."""
    if kind != "participle":
        return False
    j = v - 1
    hops = 0
    while j >= 0 and hops < 3:
        w = toks[j][2]
        if w in _BE:
            return True
        if not (w.endswith("ly") or w in ("not", "n't", "never", "also", "been", "widely",
                                          "being", "reportedly", "allegedly", "repeatedly")):
            break
        j -= 1
        hops += 1
    return v + 1 < len(toks) and toks[v + 1][2] == "by"


def _verb_at(toks, i: int, verbs: dict):
    """The verb trigger at token i, or None; a form after a determiner or possessive reads as
    a noun ("the attack", "Russia's strike")."""
    hit = verbs.get(toks[i][2])
    if hit is None:
        return None
    if hit[0].lemma == "decline" and i + 1 < len(toks) and toks[i + 1][2] == "to":
        return None  # "declined to comment": a negator of what follows, not an act
    if i > 0 and (toks[i - 1][2] in _DET or toks[i - 1][2] in ("'s", "'")):
        return None
    return hit


def _modifiers(toks, negate_window: range) -> tuple[bool, bool]:
    neg = any(toks[j][2] in _NEG or toks[j][2] in _NEG_VERBS for j in negate_window)
    return neg, False


def _apply(effect: float, toks, v: int, cstart: int, opener: str) -> tuple[float, list[str]]:
    """Negation and hedges around the act at token v, within its clause."""
    notes = []
    window = range(max(cstart, v - 4), v)
    neg = any(toks[j][2] in _NEG for j in window) or any(
        toks[j][2] in _NEG_VERBS and j + 1 < len(toks) and toks[j + 1][2] == "to"
        for j in range(max(cstart, v - 3), v))
    if neg and effect:
        effect = effect * (NEG_FAVOURABLE if effect > 0 else NEG_HOSTILE)
        notes.append("negation")
    hedged = opener in ("if", "unless", "whether") or any(
        toks[j][2] in _HEDGES for j in range(max(cstart, v - 5), v))
    if hedged and effect:
        effect *= HEDGE
        notes.append("hedge")
    return effect, notes


@dataclass
class RuleResult:
    score: float
    rule: str
    trigger: str
    role: str
    clause: str


def rules_score(text: str, start: int, end: int, *, analyzer=None, lexicon_path=None,
                 toks=None) -> RuleResult:
    verbs, nouns = _index(lexicon_path)
    toks = toks if toks is not None else _tokenize(text)
    n = len(toks)
    tgt = [i for i, (s, e, _) in enumerate(toks) if s < end and e > start]
    if not tgt:
        raise NewslabError(f"target offsets {start}:{end} do not cover a word of the text")
    ti, tj = tgt[0], tgt[-1]
    cids, openers = _clauses(toks)
    c = cids[ti]
    cs = next(i for i in range(n) if cids[i] == c)
    ce = max(i for i in range(n) if cids[i] == c) + 1
    opener = openers[c]
    clause = text[toks[cs][0]:toks[ce - 1][1]]
    pre = [f"contrast:{opener}"] if opener in _CONTRAST else []

    def done(effect, v, rule, role, trig):
        eff, notes = _apply(effect, toks, v, cs, opener)
        return RuleResult(float(np.clip(eff, -1, 1)), "+".join([rule] + notes + pre),
                          trig, role, clause)

    # 1a. the target owns or modifies an act noun: "Russia's (military) invasion", "Russian
    #     aggression", "the United States' unwavering support"
    k = tj + 1
    if k < ce and toks[k][2] in ("'s", "'"):
        k += 1
    for j in range(k, min(ce, k + 3)):
        w = toks[j][2]
        if w in nouns:
            t = nouns[w]
            return done(t.agent, j, "noun-agent", "agent", toks[j][2])
        if w in _PREP or w in _DET or w in _STOP or not w[:1].isalpha() or w in verbs:
            break
    # 1b. "N (adj) of/on/against/for/to/with/by (the) TARGET": the target as object (or, after
    #     "by", agent) of an act noun
    j = ti - 1
    while j >= cs and toks[j][2] in _DET:
        j -= 1
    if j >= cs and toks[j][2] in _PREP:
        prep = toks[j][2]
        for m in range(j - 1, max(cs - 1, j - 5), -1):
            w = toks[m][2]
            if w in nouns:
                t = nouns[w]
                if prep == "by":
                    return done(t.agent, m, "noun-agent", "agent", toks[m][2])
                return done(t.object, m, "noun-object", "object", toks[m][2])
            if w in _PUNCT_BOUNDARY or w == ",":
                break
    # 2. a verb before the target in its clause: the target is its object, or in a passive
    #    verb's by-phrase its agent
    for v in range(ti - 1, max(cs - 1, ti - 9), -1):
        hit = _verb_at(toks, v, verbs)
        if hit is None:
            continue
        t, kind = hit
        if _is_passive(toks, v, kind):
            if j >= cs and toks[j][2] == "by":
                return done(t.agent, v, "passive-agent", "agent", toks[v][2])
            break  # "was invaded ... in X": X is not its object
        return done(t.object, v, "verb-object", "object", toks[v][2])
    # 3. a verb after the target in its clause, the target not inside a prepositional phrase:
    #    the target is its agent (active) or its object (passive)
    if not (j >= cs and toks[j][2] in _PREP and toks[j][2] != "of"):
        for v in range(tj + 1, ce):
            hit = _verb_at(toks, v, verbs)
            if hit is None:
                continue
            t, kind = hit
            if _is_passive(toks, v, kind):
                return done(t.object, v, "passive-object", "object", toks[v][2])
            return done(t.agent, v, "verb-agent", "agent", toks[v][2])
    # 4. no role: the clause's tone, target masked
    if analyzer is None:
        from ..sentiment import get_analyzer
        analyzer = get_analyzer("news")
    masked = text[toks[cs][0]:start] + " " + text[end:toks[ce - 1][1]]
    comp = analyzer.polarity_scores(masked)["compound"] if masked.strip() else 0.0
    whole = analyzer.polarity_scores(text[:start] + " " + text[end:])["compound"]
    comp = FALLBACK * ((1 - SENTENCE_SHARE) * comp + SENTENCE_SHARE * whole)
    return RuleResult(float(comp), "+".join(["clause-tone"] + pre), "", "", clause)


def label_of(score: float, threshold: float = RULES_THRESHOLD) -> str:
    return "positive" if score >= threshold else "negative" if score <= -threshold \
        else "neutral"

