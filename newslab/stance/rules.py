"""The ``rules`` method: the target's role in its clause decides, neutral unless evaluated.

The question (``../shared/STANCE_CODEBOOK.md``): does the sentence present this country
favourably, unfavourably, or neither? Most mentions are neither, so neutral is decided
first and polarity needs evidence tied to the target. :func:`rules_score` tries these
rules in order; the first that applies decides (each is listed in :data:`RULES`):

1. ``dateline``: a place opening the sentence ("KYIV, Ukraine —"): neutral.
2. ``evaluative-word``: an evaluative adjective attached to the target ("brave Ukrainian
   forces", "Nazi Germany"), or an evaluation the target owns ("Russia's achievements").
3. ``noun-agent``: the target owns or modifies an act noun ("Russia's invasion",
   "Russian aggression", "the Cuban government's abuses"); a *name* before an act noun
   without "'s" is its topic ("the Iraq war"): neutral; "anti-X sanctions" make X the
   noun's object (``noun-object``).
4. ``origin``: a demonym or name describing something that is not the state ("a British
   company", "US operator Sprint", "Russian drama"): neutral. State nouns after the target
   ("the Russian government", "Indian Prime Minister", "Germany's economy") make the
   phrase stand for the country and the rules go on with it.
5. prepositions: ``passive-agent``/``noun-agent`` after "by"; ``noun-object`` after an act
   or evaluation noun and its preposition ("sanctions on Russia", "support for Ukraine",
   "a failure for the Kremlin"); "called on X to ..." as "urged X to"
   (``verb-object``, ``CALL``); ``relation`` for partnership, cooperation, ties, relations
   between or with the target (favourable only when the relation is favourable); else
   ``location`` ("in Kenya", "aid to Haiti", "talks on Syria"): neutral.
6. ``verb-object``: the target is the direct object of an act verb ("condemning Belarus",
   "praised Finland"); receiving aid or being attacked is neutral (object effect 0); "hold
   X accountable" blames X (``ACCOUNTABLE``).
7. as subject: ``verb-agent`` (its own act verb, "Russia invaded"), ``passive-object``
   ("Belarus was condemned"), ``predicate`` (be/remain/become + an evaluative word: "remains
   committed"), ``predicate-noun`` (its verb's object is an act noun: "launched an attack",
   "denied accusations"), "X must release / stop / end ..." a demand that it end its own
   conduct (``END_WRONG``, ``DEMANDED``: unfavourable), ``speaker`` (said, noted, told:
   neutral), ``procedural`` (met, visited, held, announced, any verb not in the lexicon:
   neutral).
8. ``no-evaluation``: nothing in the clause evaluates the target: neutral (role ``listed``
   in a list of countries, else ``mention``).
9. ``person-words``: a target that is a person, not a country (``newslab.stance.persons``),
   and not a country's leader in office, left neutral by rules 3-8 without a neutral cue (a
   speaker, a victim or receiver) is judged by the evaluative words near it. Countries and
   their leaders never reach this rule: the tone of a clause never makes them polar.
   Before it, a person named as the source of words ("according to X", a quotation
   followed by ", X continued") is a ``speaker`` and one named after a harm noun ("the
   death of X") a ``victim``: neutral. A person that is the subject of a copula with a
   word the news lexicon knows ("X was reckless") takes that word (``predicate``), and one
   arrested, fired or charged (``persons.PUNISHED``) is punished (``punished``: unfavourable);
   one leading or trailing in a poll takes its standing (``standing``, codebook rule 6).

Negation reverses an act (``NEG_HOSTILE``, ``NEG_FAVOURABLE``), hedges keep its direction
weaker (``HEDGE``; "should Russia invade" stays negative), and in a contrast clause only
that clause is read. The tone of a clause alone never makes a country polar.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


from . import persons
from .clauses import (AIMED, AUXILIARY, BE, CATENATIVE, CONTRAST, DENIAL, DENIED, DENY, DET,
                      FACING, GROW_LINKING, HEDGES, HOLD, IMPORTANT, LINKING, NEG, NEG_VERBS,
                      PLAY, PREP, PUNCT_BOUNDARY, RELATION_ADJ, RELATION_VALUE, RELATIONS,
                      ROLE_NOUNS, SPEECH, STATE_HEADS, STOP_AFTER, SUBJECT_OPENERS, TITLES,
                      TOWARD, _Sentence, is_passive)
from .persons import target_kind
from .weights import (ACCOUNTABLE, HEDGE, NEG_FAVOURABLE, NEG_HOSTILE,  # noqa: F401
                      PREDICATE_NOUN, RULES, RULES_THRESHOLD, rules_explained)

def _clip(x: float) -> float:
    """``x`` within [-1, 1] (as ``np.clip``, without NumPy's per-call cost)."""
    return max(-1.0, min(1.0, float(x)))


_QUOTE = frozenset(['"', "''", "``", "“", "”"])
#: "called on X to ...": X urged (the lexicon's ``urge``)
CALL = frozenset("call calls called calling".split())
#: "X must release / stop / end ...": a demand that X end its own conduct (codebook: being
#: warned or pressed to stop portrays the country as at fault); its effect
END_WRONG = frozenset("release free stop end cease halt withdraw".split())
DEMANDED = -0.3

@dataclass(frozen=True)
class RuleResult:
    score: float
    rule: str
    trigger: str
    role: str
    clause: str
    reason: str
    #: for ``person-words``: the rule that had left the target neutral before it
    before: str = ""


def label_of(score: float, threshold: float = RULES_THRESHOLD) -> str:
    return "positive" if score >= threshold else "negative" if score <= -threshold \
        else "neutral"


def _negator_before(s: _Sentence, v: int) -> bool:
    """A negator (``NEG``) up to four words before token ``v``, within its clause."""
    return any(s.w[j] in NEG for j in range(max(s.cs, v - 4), v))


def _apply(effect, s: _Sentence, v: int):
    """Negation and hedges before the act at token v, within its clause."""
    toks, cs, notes = s.w, s.cs, []
    neg = _negator_before(s, v) or any(
        toks[j] in NEG_VERBS and toks[j + 1] == "to" for j in range(max(cs, v - 3), v))
    if neg and effect:
        effect = effect * (NEG_FAVOURABLE if effect > 0 else NEG_HOSTILE)
        notes.append("negation")
    hedged = s.opener in ("if", "unless", "whether") or any(
        toks[j] in HEDGES for j in range(max(cs, v - 5), v))
    if hedged and effect:
        effect *= HEDGE
        notes.append("hedge")
    return effect, notes


def _result(s: _Sentence, effect, rule, role, trigger="", reason="", act_at=None):
    notes = []
    if act_at is not None:
        effect, notes = _apply(effect, s, act_at)
    if s.opener in CONTRAST:
        notes.append(f"contrast:{s.opener}")
    return RuleResult(_clip(effect), "+".join([rule] + notes), trigger, role,
                      s.clause, reason)


def _kind(v: float) -> str:
    return "favourable" if v > 0 else "unfavourable" if v < 0 else "no evaluation"


# --- the phrase around the target ------------------------------------------------------------

def _np_start(s: _Sentence) -> int:
    """First token of the target's phrase: over determiners, titles ("Mr", "President") and
    names coordinated before it ("between Russia and Bahrain" -> Russia)."""
    i = s.ti
    while i - 1 >= s.cs and (s.w[i - 1] in TITLES or s.w[i - 1] in DET or
                             (s.w[i - 1] == "-" and s.cap(i - 2))):
        i -= 2 if s.w[i - 1] == "-" else 1
    j = i
    while j - 2 >= s.cs and s.w[j - 1] in ("and", ",", "or") and s.cap(j - 2):
        k = j - 2
        while k - 1 >= s.cs and (s.cap(k - 1) or s.w[k - 1] in DET) and s.w[k - 1] not in PREP:
            k -= 1
        j = k
        i = j
    return i


def _after(s: _Sentence):
    """(k, possessive, compound): the first token after the target and its possessive mark
    or hyphen compound ("Russian-Angolan")."""
    k = s.tj + 1
    poss = compound = False
    if k < s.ce and s.w[k] in ("'s", "'"):
        poss, k = True, k + 1
    while k + 1 < s.ce and s.w[k] == "-" and s.cap(k + 1):
        compound, k = True, k + 2
    return k, poss, compound


def _state_head(s: _Sentence, k: int) -> int:
    """Index past a run of state nouns at k ("Prime Minister", "Armed Forces"), or k."""
    j = k
    while j < s.ce and j < k + 3 and s.w[j] in STATE_HEADS:
        j += 1
    return j


# --- the rules -------------------------------------------------------------------------------

def _dateline(s: _Sentence):
    if s.ti > 3 or s.cs != 0:
        return None
    upto = s.w[:s.tj + 6]
    dash = next((i for i, w in enumerate(upto) if w in ("—", "–", "--", "(")), None)
    if dash is None or dash < s.tj:
        return None
    head = s.raw[:dash]
    if all(h in (",", ".") or h[:1].isupper() for h in head) and \
            any(h.isupper() and len(h) > 2 for h in head):
        return _result(s, 0.0, "dateline", "dateline",
                       reason="dateline: the place the report comes from")
    return None


def _relation_value(s: _Sentence, m: int) -> float:
    """The evaluation of the relation noun at m: an adjective before it ("friendly ties",
    "close coordination"), else the noun's own value (partnership favourable, rift not)."""
    for x in range(m - 1, max(s.cs - 1, m - 4), -1):
        v = s.adj(x) if s.adj(x) is not None else RELATION_ADJ.get(s.w[x])
        if v:
            return v
        if s.w[x] in PREP or s.w[x] in PUNCT_BOUNDARY:
            break
    return RELATION_VALUE.get(s.w[m], 0.0)


def _attached(s: _Sentence):
    """Evaluative adjectives directly before the target; act, relation or evaluation nouns
    it owns or modifies."""
    i = s.ti - 1
    if i - 1 >= s.cs and s.w[i] == "-" and s.cap(i - 1):
        i -= 2  # "friendly Russian-Chilean ties": the adjective before the compound
    if i >= s.cs and s.adj(i):
        v = s.adj(i)
        return _result(s, v, "evaluative-word", "described", s.w[i],
                       f"described as '{s.w[i]}' ({_kind(v)})")
    k, poss, compound = _after(s)
    if s.ti == s.tj and s.w[s.ti].startswith("anti-") and k < s.ce and s.w[k] in s.nouns:
        t = s.nouns[s.w[k]]  # "anti-Russia sanctions": sanctions on Russia
        return _result(s, t.object, "noun-object", "object", s.w[k],
                       f"'anti-' it: object of '{s.w[k]}' ({_kind(t.object)} for it)",
                       act_at=k)
    j = _state_head(s, k)
    if k < j < s.ce and s.w[j] in ("'s", "'"):
        k, poss = j + 1, True  # "the Cuban government's abuses": the state phrase owns them
    owner = poss or s.demonym or compound
    adjs, skipped = [], 0
    for j in range(k, min(s.ce, k + 6)):
        w = s.w[j]
        if s.adj(j) is not None:
            adjs.append(j)
            continue
        if w in ("and", ",") and (adjs or skipped):
            continue  # "Russia's premeditated and unprovoked invasion"
        if w in RELATIONS:
            v = _relation_value(s, j)
            if (owner or compound) and v:
                return _result(s, v, "relation", "party", w, f"party to '{w}' ({_kind(v)})")
            break
        if w in s.nouns:
            t = s.nouns[w]
            if not owner and w in s.verbs and (s.ti == s.cs or s.w[s.ti - 1] in AUXILIARY
                                               or s.w[s.ti - 1] in SUBJECT_OPENERS):
                break  # "should Iran attack": a verb, the subject rules decide
            if not owner and t.agent <= 0:
                return _result(s, 0.0, "topic", "topic", w, f"topic of '{w}' (a name before "
                               "the noun, not its doer)")
            eff = t.agent
            if adjs and (abs(s.adj(adjs[0])) > abs(eff) or eff == 0):
                eff = s.adj(adjs[0])
            return _result(s, eff, "noun-agent", "agent", w,
                           f"doer of '{w}' ({_kind(eff)} act)", act_at=j)
        ev = s.evalw.get(w)
        if ev and ev[0] == "noun" and owner:
            return _result(s, ev[1], "evaluative-word", "owner", w,
                           f"its '{w}' ({_kind(ev[1])})")
        if adjs and (owner or w in STATE_HEADS):
            v = s.adj(adjs[0])
            return _result(s, v, "evaluative-word", "described", s.w[adjs[0]],
                           f"described as '{s.w[adjs[0]]}' ({_kind(v)})")
        if owner and skipped < 2 and w.isalpha() and not s.cap(j) and w not in DET and \
                w not in PREP and w not in AUXILIARY and w not in BE and w not in STOP_AFTER:
            skipped += 1  # "Russia's escalating aggression", "Russian military aggression"
            continue
        break
    return None


def _origin(s: _Sentence):
    """A demonym or name that describes a non-state noun: neutral. Returns (result or None,
    the index past the phrase that stands for the state, or -1 for a possessor)."""
    k, poss, compound = _after(s)
    j = _state_head(s, k)
    if j > k:
        return None, j
    if k >= s.ce:
        return None, k
    w, raw = s.w[k], s.raw[k]
    if w in ("and", "or") and s.demonym and s.cap(k + 1):
        # "the Russian and Chinese people": coordinated demonyms share the head
        j2 = _state_head(s, k + 2)
        if j2 > k + 2:
            return None, j2
        return _result(s, 0.0, "origin", "origin", "", f"origin: describes "
                       f"'{s.raw[k + 2] if k + 2 < s.ce else ''}'"), k
    noun_like = raw[:1].isalpha() and w not in AUXILIARY and w not in BE and \
        w not in LINKING and s.verb_at(k) is None and w not in SPEECH and \
        w not in PREP and w not in STOP_AFTER and \
        not (w.endswith("ed") and not raw[:1].isupper())
    if poss and noun_like:
        return None, -1  # the possessor: judged only as part of an object (below)
    if noun_like and (s.demonym or compound or raw[:1].isupper() or w[:1].isdigit()):
        return _result(s, 0.0, "origin", "origin", "", f"origin: describes '{raw}'"), k
    return None, k


def _head_of(s: _Sentence, start: int) -> int:
    """'the people and government of X', 'His Majesty Sultan of X': the start of the state
    phrase that X stands behind, or ``start``."""
    p = start - 1
    if p - 1 < s.cs or s.w[p] != "of" or s.w[p - 1] not in STATE_HEADS:
        return start
    h = p - 1
    while h - 1 >= s.cs and (s.w[h - 1] in STATE_HEADS or s.w[h - 1] in ("and",) or
                             s.w[h - 1] in TITLES or s.adj(h - 1) is not None or
                             (s.cap(h - 1) and s.w[h - 1] not in PREP)):
        h -= 1
    while h - 1 >= s.cs and s.w[h - 1] in DET:
        h -= 1
    return h


def _prepositional(s: _Sentence, start: int):
    p = start - 1
    while p >= s.cs and (s.adj(p) is not None or s.w[p] in DET):
        p -= 1
    if p < s.cs or s.w[p] not in PREP and s.w[p] != "by":
        return None
    prep = s.w[p]
    if prep == "on" and p - 1 >= s.cs and s.w[p - 1] in CALL and \
            "to" in s.w[_state_head(s, s.tj + 1):_state_head(s, s.tj + 1) + 1]:
        v = s.verbs["urge"][0].object  # "called on X to ...": as "urged X to ..."
        return _result(s, v, "verb-object", "object", f"{s.w[p - 1]} on",
                       f"called on to act, as 'urged' ({_kind(v)} for it)", act_at=p - 1)
    if prep in ("to", "towards", "toward", "with", "at", "against") and p - 1 >= s.cs and \
            s.w[p - 1] in TOWARD and (s.w[p - 1] not in AIMED or prep in ("at", "against")):
        v = TOWARD[s.w[p - 1]]
        return _result(s, v, "evaluative-word", "object", s.w[p - 1],
                       f"'{s.w[p - 1]} {prep}' it ({_kind(v)})")
    for m in range(p - 1, max(s.cs - 1, p - 4), -1):
        w = s.w[m]
        if w in PUNCT_BOUNDARY or w in (",", ";") or w in _QUOTE or (w in PREP and m < p):
            break
        if prep == "by":
            hit = s.verbs.get(w)
            if hit is not None and hit[1] == "participle" and m == p - 1:
                return _result(s, hit[0].agent, "passive-agent", "agent", w,
                               f"doer of '{w}' ({_kind(hit[0].agent)} act)", act_at=m)
        if w in RELATIONS and prep in ("with", "between", "among", "of", "to"):
            v = _relation_value(s, m)
            return _result(s, v, "relation", "party", w, f"party to '{w}' ({_kind(v)})")
        if w in s.nouns:
            t = s.nouns[w]
            if prep == "by":
                return _result(s, t.agent, "noun-agent", "agent", w,
                               f"doer of '{w}' ({_kind(t.agent)} act)", act_at=m)
            if prep in ("in", "at", "from", "inside", "within", "across", "throughout"):
                break  # "the war in Ukraine": the place
            return _result(s, t.object, "noun-object", "object", w,
                           f"object of '{w}' ({_kind(t.object)} for it)", act_at=m)
        ev = s.evalw.get(w)
        if ev and ev[0] == "noun" and prep in ("of", "for"):
            return _result(s, ev[1], "evaluative-word", "owner", w,
                           f"its '{w}' ({_kind(ev[1])})")
        if s.verbs.get(w) is not None and prep != "by":
            break
    if prep == "by":
        return None
    return _result(s, 0.0, "location", "location", prep,
                   f"after '{prep}': place, origin, destination or topic")


def _held_accountable(s: _Sentence, start: int):
    """"hold X accountable (for ...)": X is blamed (the codebook's "accused, blamed")."""
    v = start - 1
    if v < s.cs or s.w[v] not in HOLD:
        return None
    if "accountable" not in s.w[s.tj + 1:min(s.ce, s.tj + 5)]:
        return None
    return _result(s, ACCOUNTABLE, "verb-object", "object", s.w[v],
                   f"held accountable ('{s.w[v]} ... accountable'): blamed (unfavourable)",
                   act_at=v)


def _object_of_verb(s: _Sentence, start: int):
    v = start - 1
    if v < s.cs:
        return None
    hit = s.verb_at(v)
    if hit is None:
        return None
    t, kind = hit
    if is_passive(s.toks, v, kind):
        return None
    return _result(s, t.object, "verb-object", "object", s.w[v],
                   f"object of '{s.w[v]}' ({_kind(t.object)} for it)", act_at=v)


def _skip_coordinated(s: _Sentence, k: int) -> int:
    """Past coordinated subjects and appositives: ", Y and Z", "and Liberal leader X",
    "and Republic of Ghana"."""
    while k < s.ce:
        w = s.w[k]
        if w in ("and", ",", "or") and k + 1 < s.ce and (s.cap(k + 1) or s.w[k + 1] in DET):
            j = k + 1
            while j < s.ce and (s.cap(j) or s.w[j] in DET or s.w[j] in ("'s", "-") or
                                s.w[j] in STATE_HEADS or s.w[j] in TITLES or
                                (s.w[j] == "of" and s.cap(j + 1))):
                j += 1
            if j == k + 1:
                break
            k = j
            continue
        break
    return k


def _predicate(s: _Sentence, k: int, w: str, *, copula: bool):
    """What the subject's predicate says after the verb ``w`` at k: an evaluative word,
    an act or relation noun ("launched an attack", "share enduring ties")."""
    adj = None
    for x in range(k + 1, min(s.ce, k + 10)):
        u = s.w[x]
        if u == "," and x + 1 < s.ce and s.w[x + 1].isalpha() and not s.cap(x + 1) and \
                s.w[x + 1] not in DET and s.w[x + 1] not in PREP:
            continue  # ", develop fruitful cooperation": a second verb of the same subject
        if u in PUNCT_BOUNDARY or u in (",", ";", "that", "which", "because") or \
                u in _QUOTE or u in SPEECH:
            break
        if u in ROLE_NOUNS and (adj or any(s.w[y] in IMPORTANT for y in range(k + 1, x))):
            return _result(s, 0.5, "predicate-noun", "agent", u,
                           f"'{w} ... important {u}' (favourable)", act_at=k)
        if s.adj(x) is not None:
            adj = adj if adj is not None else x
            if copula and s.adj(x):
                v = s.adj(x)
                return _result(s, v, "predicate", "subject", u, f"{w} '{u}' ({_kind(v)})",
                               act_at=x)
            continue
        if copula and x <= k + 3 and target_kind(s.target) in persons.PERSON_KINDS:
            lv = persons.predicate_word(u)
            if lv and u not in s.nouns and s.verbs.get(u) is None:
                return _result(s, lv, "predicate", "subject", u, f"{w} '{u}' ({_kind(lv)}; "
                               "a person described by the news lexicon)", act_at=x)
        if u in RELATIONS:
            v = s.adj(adj) if adj is not None else RELATION_VALUE.get(u, 0.0)
            if v and w not in FACING:
                return _result(s, v, "predicate-noun", "agent", u,
                               f"'{w} ... {u}' ({_kind(v)})", act_at=k)
            continue
        ev = s.evalw.get(u)
        if ev and ev[0] == "noun" and ev[1]:
            return _result(s, ev[1], "predicate-noun", "agent", u,
                           f"'{w} ... {u}' ({_kind(ev[1])})", act_at=k)
        if u in s.nouns and s.verb_at(x) is None:
            t = s.nouns[u]
            eff = t.object if w in FACING else t.agent * PREDICATE_NOUN
            if eff:
                return _result(s, eff, "predicate-noun", "agent", u,
                               f"'{w} ... {u}' ({_kind(eff)})", act_at=k)
        if u in PREP and u not in ("of", "in") or u == "to":
            break
    return None


def _subject(s: _Sentence, start: int, k: int):
    """The target's phrase as the subject of the next verb."""
    if start > s.cs:
        p = s.w[start - 1]
        if p in PREP or s.verb_at(start - 1) is not None or p == "'s" or \
                (p.isalpha() and p not in SUBJECT_OPENERS and p not in AUXILIARY and
                 not s.cap(start - 1) and
                 p not in SPEECH and p not in CONTRAST):
            return None
    k = _skip_coordinated(s, k)
    must = False
    while k < s.ce:
        w = s.w[k]
        must = must or w == "must"
        if w in AUXILIARY or (w.endswith("ly") and w not in s.verbs and w not in LINKING):
            k += 1
        elif w in CATENATIVE and s.w[k + 1:k + 2] == ["to"]:
            k += 2  # "will continue to support", "seeks to undermine"
        else:
            break
    if k >= s.ce:
        return None
    w = s.w[k]
    if w in BE or w in LINKING:
        j = k + 1
        while j < s.ce and (s.w[j] in BE or s.w[j].endswith("ly") or s.w[j] in AUXILIARY):
            j += 1
        hit = s.verbs.get(s.w[j]) if j < s.ce else None
        if hit is not None and (w in BE or w in ("got", "get", "gets")) and \
                is_passive(s.toks, j, hit[1]):
            return _result(s, hit[0].object, "passive-object", "object", s.w[j],
                           f"object of '{s.w[j]}' ({_kind(hit[0].object)} for it)", act_at=j)
        if hit is not None and hit[1] == "ing" and w in BE:
            k, w = j, s.w[j]  # progressive: "is providing"
        elif j < s.ce and s.w[j].endswith("ing") and w in BE and s.w[j] not in s.nouns:
            r = _predicate(s, j, s.w[j], copula=False)
            return r or _result(s, 0.0, "procedural", "agent", s.w[j],
                                f"procedural act '{s.w[j]}'")
        else:
            r = _predicate(s, k, w, copula=True)
            if r is not None or w in BE:
                return r or _result(s, 0.0, "procedural", "subject", w, f"subject of '{w}'")
    if w in DENY and any(x in DENIED for x in s.w[k + 1:k + 4]):
        return _result(s, DENIAL, "predicate", "accused", w,
                       f"'{w}' an accusation: presented as accused (codebook)", act_at=k)
    hit = s.verb_at(k)
    if hit is not None:
        t, kind = hit
        if is_passive(s.toks, k, kind):
            return _result(s, t.object, "passive-object", "object", w,
                           f"object of '{w}' ({_kind(t.object)} for it)", act_at=k)
        if t.lemma == "grow" and (s.w[k + 1:k + 2] and (s.w[k + 1].endswith("ly") or
                                                        s.adj(k + 1) is not None or
                                                        s.w[k + 1] in GROW_LINKING)):
            r = _predicate(s, k, w, copula=True)
            return r or _result(s, 0.0, "procedural", "subject", w,
                                f"'{w}' + adjective: a linking verb, not an act")
        if w in SPEECH and not t.agent:
            return _result(s, 0.0, "speaker", "speaker", w, f"speaker ('{w}')")
        if must and t.lemma in END_WRONG and "not" not in s.w[start:k] and \
                "n't" not in s.w[start:k]:
            return _result(s, DEMANDED, "verb-agent", "agent", w,
                           f"'must {w}': told to end its conduct (unfavourable)")
        if t.agent or w not in FACING:
            return _result(s, t.agent, "verb-agent", "agent", w,
                           f"doer of '{w}' ({_kind(t.agent)} act)", act_at=k)
    if w in SPEECH:
        return _result(s, 0.0, "speaker", "speaker", w, f"speaker ('{w}')")
    if not w[:1].isalpha():
        return None
    r = _predicate(s, k, w, copula=False)
    if r is None and w in PLAY and start >= s.cs + 2 and s.w[start - 1] in ("that", "which") \
            and s.w[start - 2] in ROLE_NOUNS and any(
                s.w[y] in IMPORTANT for y in range(max(s.cs, start - 5), start - 2)):
        r = _result(s, 0.5, "predicate-noun", "agent", s.w[start - 2],
                    f"'important {s.w[start - 2]} that it {w}' (favourable)")
    return r or _result(s, 0.0, "procedural", "agent", w, f"procedural act '{w}'")


def _listed(s: _Sentence) -> bool:
    near = [s.w[i] for i in (s.ti - 1, s.tj + 1) if s.cs <= i < s.ce]
    return "," in near or "and" in near


def rules_score(text: str, start: int, end: int, *, analyzer=None, lexicon_path=None,
                toks=None) -> RuleResult:
    """Score the target ``text[start:end]`` by the rules (see the module doc). ``analyzer``
    and ``toks`` are accepted for compatibility and not needed. With the shipped lexicon the
    result is cached per (text, start, end): ``combined`` and the model's features read the
    rules of a target once."""
    if lexicon_path is None:
        return _rules_cached(text, int(start), int(end))
    return _rules(text, start, end, lexicon_path)


@lru_cache(maxsize=16384)
def _rules_cached(text: str, start: int, end: int) -> RuleResult:
    return _rules(text, start, end, None)


def _rules(text: str, start: int, end: int, lexicon_path) -> RuleResult:
    s = _Sentence(text, start, end, lexicon_path)
    r = _country_rules(s)
    if -RULES_THRESHOLD < r.score < RULES_THRESHOLD:
        kind = target_kind(s.target)
        if kind in persons.PERSON_KINDS and r.rule.split("+")[0] in (
                "verb-object", "passive-object") and r.trigger.lower() in persons.PUNISHED \
                and not _negated(s, r.trigger.lower()):
            return RuleResult(persons.PUNISHED_EFFECT, "punished", r.trigger, "object",
                              r.clause, f"a person ({kind}) acted on by '{r.trigger}': "
                              "punished or formally accused (unfavourable)")
        if persons.applies(kind, r.rule.split("+")[0], r.trigger, s.target):
            return _person(s, r, kind)
    return r


def _negated(s: _Sentence, word: str) -> bool:
    """A negator up to four words before ``word`` (its first place in the clause)."""
    v = next((j for j in range(s.cs, s.ce) if s.w[j] == word), None)
    return v is not None and _negator_before(s, v)


def _person(s: _Sentence, r: RuleResult, kind: str) -> RuleResult:
    """``person-words`` (``newslab.stance.persons``): a person target the rules found no
    evaluation for is judged by the evaluative words near it."""
    cue = persons.source_cue(s.w, s.ti, s.tj)
    if cue:
        return RuleResult(0.0, "speaker", "according to" if cue == "according" else
                          s.w[s.tj + 1], "speaker", r.clause,
                          f"a person ({kind}): the source of the words ("
                          f"{'according to it' if cue == 'according' else 'named after the quotation'})")
    if persons.victim_cue(s.w, s.ti, s.tj):
        return RuleResult(0.0, "victim", s.w[s.ti - 1], "object", r.clause,
                          f"a person ({kind}): the victim named after a harm noun")
    v, word = persons.poll_standing(s.w, s.tj)
    if v:
        return RuleResult(v, "standing", word, r.role, r.clause, f"a person ({kind}) "
                          f"'{word}' in a poll: own performance ({_kind(v)})", before=r.rule)
    total, found = persons.person_words(s.w, s.ti, s.tj)
    if abs(total) < persons.PERSON_THRESHOLD:
        return r
    words = ", ".join(f"'{w}' {x:+.2f}" for w, x in found[:3])
    return RuleResult(_clip(total / 3.0), "person-words", found[0][0], r.role,
                      r.clause, f"a person ({kind}); {r.reason}; evaluative words near it "
                      f"{total:+.2f} ({_kind(total)}: {words})", before=r.rule)


def _country_rules(s: _Sentence) -> RuleResult:
    """Rules 1-8 of the module doc (neutral first) for the target of ``s``."""
    r = _dateline(s) or _attached(s)
    if r is not None:
        return r
    if s.one_person():
        return _result(s, 0.0, "origin", "origin", "", "one person of that nationality")
    r, k = _origin(s)
    if r is not None:
        return r
    start_i = _np_start(s)
    head = _head_of(s, start_i)
    if head != start_i and head - 1 >= s.cs and s.adj(head - 1) is None and any(
            s.adj(x) for x in range(head, start_i)):
        x = next(x for x in range(head, start_i) if s.adj(x))
        return _result(s, s.adj(x), "evaluative-word", "described", s.w[x],
                       f"its people or state described as '{s.w[x]}' ({_kind(s.adj(x))})")
    r = _prepositional(s, head) or _held_accountable(s, head) or _object_of_verb(s, head)
    if r is not None:
        return r
    if k >= 0:
        r = _subject(s, head, k)
        if r is not None:
            return r
    else:
        return _result(s, 0.0, "no-evaluation", "possessor", "",
                       "possessor of something not evaluated")
    role = "listed" if _listed(s) else "mention"
    return _result(s, 0.0, "no-evaluation", role, "",
                   "nothing in its clause evaluates it" + (" (in a list)" if role == "listed"
                                                           else ""))

