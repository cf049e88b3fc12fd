"""Stance toward each country: a score per mention, from the part of the text about it.

Whole-sentence sentiment cannot tell who is portrayed how: in "Germany praised Poland ... while
condemning Belarus" the sentence is mixed, but Poland is portrayed positively and Belarus
negatively. Every country mention therefore gets its own score in [-1, 1] and a label, by one
of three methods behind one interface (:func:`score_target`, :func:`score_targets`,
:func:`score_mentions`):

``sentence``
    the whole sentence's VADER compound (``newslab.sentiment``, news lexicon): the baseline.
``rules`` (default)
    target-dependent and role-aware: the clause holding the mention; the agent of an action
    told from its object, in active and passive voice and in noun phrases ("Russia's invasion
    of Ukraine"), through the project's verb-role lexicon ``newslab/data/stance_verbs.csv``;
    negation, hedges and contrast; VADER on the clause (target masked) when no role decides.
    Each rule is explained in one line where it is applied (see ``_RULES``).
``trained``
    a scikit-learn model (:class:`StanceModel`) trained on labelled examples with
    ``newslab train-stance LABELLED.jsonl --out MODEL`` and loaded with ``--model MODEL``.
    Its features are built for target dependence: the sentence with the target masked, the
    words left and right of the target in separate vocabularies, distance-weighted lexicon
    polarity around the target, and the ``rules`` method's signals.

Tables (columns documented once in ``newslab.schema``): ``stance`` (per mention),
``article_stance`` (article x country, with bootstrap intervals and evidence),
``country_stance`` (corpus x country), ``stance_dyads`` (source country -> target country, via
``newslab.attribution``).

Evaluate: ``newslab evaluate stance GOLD.jsonl [--method sentence|rules|trained] [--model M]
[--format auto|jsonl|newsmtsc] [--json]``. Gold lines: ``{"text", "target", "label"}`` with
optional ``"start"``/``"end"`` offsets of the target; NewsMTSC files are read directly.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import NewslabError

#: the methods :func:`score_target` knows
METHODS = ("sentence", "rules", "trained")
#: ``rules`` and ``trained`` scores >= this are positive, <= -this negative
RULES_THRESHOLD = 0.05
#: gold formats :func:`read_gold` knows
FORMATS = ("auto", "jsonl", "newsmtsc")
VERBS_FILE = "data/stance_verbs.csv"
LABELS = ("negative", "neutral", "positive")
from .evaluation.formats import NEWSMTSC_LABELS as _MTSC  # noqa: E402

STANCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "surface", "iso3", "country",
                  "kind", "score", "label", "method", "rule", "trigger", "role", "clause",
                  "speaker", "source_iso3"]

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
# the verb-role lexicon


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: an act, its effect on its agent and on its object."""
    lemma: str
    pos: str
    agent: float
    object: float
    note: str


def _read_verbs_text(path=None) -> str:
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise NewslabError(f"verb lexicon not found: {path}")
        return p.read_text(encoding="utf-8")
    return resources.files("newslab").joinpath(VERBS_FILE).read_text(encoding="utf-8")


def verb_lexicon(path=None) -> pd.DataFrame:
    """The verb-role lexicon as a table: lemma, pos, forms, agent, object, note."""
    text = _read_verbs_text(path)
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    df = pd.read_csv(io.StringIO("\n".join(lines)), dtype={"forms": str}, keep_default_na=False)
    need = ["lemma", "pos", "forms", "agent", "object", "note"]
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise NewslabError(f"verb lexicon lacks column(s) {', '.join(missing)}")
    df["agent"] = df["agent"].astype(float)
    df["object"] = df["object"].astype(float)
    bad = df[(df["agent"].abs() > 1) | (df["object"].abs() > 1) | ~df["pos"].isin(["verb", "noun"])]
    if len(bad):
        raise NewslabError(f"verb lexicon: bad row for {bad['lemma'].iloc[0]!r} (pos verb|noun, "
                           "effects in [-1, 1])")
    return df


def _verb_forms(lemma: str) -> dict[str, str]:
    """Regular inflections: form -> 'base' | 'participle' | 'ing' | 's'."""
    out = {lemma: "base"}
    if re.search(r"(s|sh|ch|x|z|o)$", lemma):
        out[lemma + "es"] = "s"
    elif re.search(r"[^aeiou]y$", lemma):
        out[lemma[:-1] + "ies"] = "s"
    else:
        out[lemma + "s"] = "s"
    if lemma.endswith("e"):
        out[lemma + "d"] = "participle"
        out[lemma[:-1] + "ing"] = "ing"
    elif re.search(r"[^aeiou]y$", lemma):
        out[lemma[:-1] + "ied"] = "participle"
        out[lemma + "ing"] = "ing"
    else:
        out[lemma + "ed"] = "participle"
        out[lemma + "ing"] = "ing"
    return out


@lru_cache(maxsize=4)
def _index(path=None) -> tuple[dict, dict]:
    """(verb form -> (Trigger, form kind), noun form -> Trigger)."""
    verbs, nouns = {}, {}
    for r in verb_lexicon(path).itertuples(index=False):
        t = Trigger(r.lemma, r.pos, float(r.agent), float(r.object), r.note)
        extra = [f.lower() for f in str(r.forms).split()]
        if r.pos == "verb":
            forms = _verb_forms(r.lemma.lower())
            for f in extra:
                forms[f] = "ing" if f.endswith("ing") else ("s" if f.endswith("s") and
                                                            not f.endswith("ss") else
                                                            "participle")
            for f, kind in forms.items():
                verbs.setdefault(f, (t, kind))
        else:
            lem = r.lemma.lower()
            forms = [lem, lem[:-1] + "ies" if re.search(r"[^aeiou]y$", lem) else lem + "s"]
            for f in forms + extra:
                nouns.setdefault(f, t)
    return verbs, nouns


# ---------------------------------------------------------------------------------------------
# the rules engine


def _norm(tok: str) -> str:
    return tok.lower().replace("’", "'")


def _tokenize(text: str) -> list[tuple[int, int, str]]:
    from .tokenize import word_spans
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


def _rules_score(text: str, start: int, end: int, *, analyzer=None, lexicon_path=None,
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
        from .sentiment import get_analyzer
        analyzer = get_analyzer("news")
    masked = text[toks[cs][0]:start] + " " + text[end:toks[ce - 1][1]]
    comp = analyzer.polarity_scores(masked)["compound"] if masked.strip() else 0.0
    whole = analyzer.polarity_scores(text[:start] + " " + text[end:])["compound"]
    comp = FALLBACK * ((1 - SENTENCE_SHARE) * comp + SENTENCE_SHARE * whole)
    return RuleResult(float(comp), "+".join(["clause-tone"] + pre), "", "", clause)


def _label(score: float, threshold: float = RULES_THRESHOLD) -> str:
    return "positive" if score >= threshold else "negative" if score <= -threshold \
        else "neutral"


def _check_method(method: str, model) -> None:
    if method not in METHODS:
        raise NewslabError(f"unknown stance method {method!r}: use one of {', '.join(METHODS)}")
    if method == "trained" and model is None:
        raise NewslabError("method 'trained' needs a model: train one with "
                           "`newslab train-stance LABELLED.jsonl --out MODEL` and pass "
                           "--model MODEL (or model=load_model(MODEL))")


def score_target(text: str, start: int, end: int, *, method: str = "rules",
                 model=None) -> dict:
    """Stance toward the target ``text[start:end]``: a dict with score in [-1, 1], label,
    method, rule (what decided it), trigger (the act word), role (agent/object) and clause."""
    return score_targets([text], [start], [end], method=method, model=model).iloc[0].to_dict()


def score_targets(texts, starts, ends, *, method: str = "rules", model=None) -> pd.DataFrame:
    """:func:`score_target` for many targets at once: a table with score, label, method,
    rule, trigger, role, clause (one row per target, in order). ``model``: a
    :class:`StanceModel` or the path of a saved one; given with the default method it
    implies ``method="trained"``."""
    model = load_model(model) if isinstance(model, (str, Path)) else model
    if model is not None and method == "rules":
        method = "trained"
    _check_method(method, model)
    texts, starts, ends = list(texts), [int(s) for s in starts], [int(e) for e in ends]
    for t, s, e in zip(texts, starts, ends):
        if not (0 <= s < e <= len(t)):
            raise NewslabError(f"target offsets {s}:{e} outside the text ({len(t)} characters)")
    from .sentiment import get_analyzer, label_from_compound
    an = get_analyzer("news")
    if not texts:
        rows = []
    elif method == "sentence":
        cache = {}
        rows = []
        for t in texts:
            if t not in cache:
                cache[t] = an.polarity_scores(t)["compound"]
            rows.append((cache[t], label_from_compound(cache[t]), "sentence", "", "", t))
    elif method == "rules":
        rows = []
        for t, s, e in zip(texts, starts, ends):
            r = _rules_score(t, s, e, analyzer=an)
            rows.append((r.score, _label(r.score), r.rule, r.trigger, r.role, r.clause))
    else:
        proba = model.predict_proba(texts, starts, ends)
        classes = list(model.classes_)
        pos, neg = classes.index("positive"), classes.index("negative")
        labels = [classes[i] for i in proba.argmax(axis=1)]
        sc = proba[:, pos] - proba[:, neg]
        rows = [(float(x), lab, "trained", "", "", t) for x, lab, t in zip(sc, labels, texts)]
    df = pd.DataFrame(rows, columns=["score", "label", "rule", "trigger", "role", "clause"])
    df["score"] = df["score"].astype(float).round(4)
    df.insert(2, "method", method)
    return df


# ---------------------------------------------------------------------------------------------
# the trained model


_LEFT, _RIGHT = 6, 6


def _target_features(text: str, start: int, end: int, an, verbs, nouns) -> dict:
    """Hand-built signals for one target: rule outputs, lexicon polarity near the target."""
    toks = _tokenize(text)
    f = {}
    try:
        r = _rules_score(text, start, end, analyzer=an, toks=toks)
        f["rules_score"] = r.score
        f["rule=" + r.rule.split("+")[0]] = 1.0
        f["role=" + (r.role or "none")] = 1.0
        if r.trigger:
            f[f"act={r.trigger}|{r.role}"] = 1.0
        if "negation" in r.rule:
            f["rule_negation"] = 1.0
        if "hedge" in r.rule:
            f["rule_hedge"] = 1.0
        cl = an.polarity_scores(r.clause)
        f["clause_compound"] = cl["compound"]
    except NewslabError:
        pass
    f["left_compound"] = an.polarity_scores(text[:start])["compound"] if start else 0.0
    f["right_compound"] = an.polarity_scores(text[end:])["compound"] if end < len(text) \
        else 0.0
    sent = an.polarity_scores(text)
    f["sent_compound"], f["sent_pos"], f["sent_neg"] = sent["compound"], sent["pos"], sent["neg"]
    lex = an.lexicon
    tgt = [i for i, (s, e, _) in enumerate(toks) if s < end and e > start]
    ti = tgt[0] if tgt else 0
    tj = tgt[-1] if tgt else 0
    lpos = lneg = rpos = rneg = 0.0
    for i, (_, _, w) in enumerate(toks):
        val = lex.get(w)
        if not val or ti <= i <= tj:
            continue
        d = (ti - i) if i < ti else (i - tj)
        wgt = 1.0 / (1.0 + 0.3 * d)
        if i < ti:
            lpos, lneg = lpos + wgt * max(val, 0), lneg + wgt * max(-val, 0)
        else:
            rpos, rneg = rpos + wgt * max(val, 0), rneg + wgt * max(-val, 0)
    f.update(lex_left_pos=lpos / 4, lex_left_neg=lneg / 4, lex_right_pos=rpos / 4,
             lex_right_neg=rneg / 4)
    f["position"] = start / max(len(text), 1)
    f["target_first"] = float(ti == 0)
    f["n_tokens_log"] = float(np.log1p(len(toks)))
    return f


def _masked(text: str, start: int, end: int) -> str:
    return text[:start] + " TARGETX " + text[end:]


def _contexts(text: str, start: int, end: int) -> tuple[str, str]:
    left = re.findall(r"\w+(?:'\w+)?", text[:start].lower())[-_LEFT:]
    right = re.findall(r"\w+(?:'\w+)?", text[end:].lower())[:_RIGHT]
    return " ".join(left), " ".join(right)


class StanceModel:
    """A target-dependent stance classifier in scikit-learn style.

    Features: the sentence with the target masked (word 1-2-grams, TF-IDF); the words left
    and right of the target (``_LEFT``/``_RIGHT`` words each, separate vocabularies, 1-2-grams);
    the hand-built signals of :func:`_target_features` (the rules method's score, rule, role,
    negation and hedge; VADER on sentence and clause; lexicon polarity left and right of the
    target, weighted by distance; the target's position). Classifier: logistic regression (one-vs-rest, liblinear, balanced class weights).

    ``fit(texts, starts, ends, labels)``, ``predict``, ``predict_proba``, ``save(path)``,
    :func:`load_model`. Nothing trained on outside data ships with newslab.
    """

    def __init__(self, *, C: float = 1.0):
        self.C = C

    def _design(self, texts, starts, ends, *, fit: bool):
        from scipy import sparse
        from .sentiment import get_analyzer
        an = get_analyzer("news")
        verbs, nouns = _index()
        masked = [_masked(t, s, e) for t, s, e in zip(texts, starts, ends)]
        ctx = [_contexts(t, s, e) for t, s, e in zip(texts, starts, ends)]
        feats = [_target_features(t, s, e, an, verbs, nouns)
                 for t, s, e in zip(texts, starts, ends)]
        if fit:
            from sklearn.feature_extraction import DictVectorizer
            from sklearn.feature_extraction.text import TfidfVectorizer
            self.sent_vec_ = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                                             token_pattern=r"(?u)\b\w[\w']*\b")
            self.left_vec_ = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                                             token_pattern=r"(?u)\b\w[\w']*\b")
            self.right_vec_ = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                                              token_pattern=r"(?u)\b\w[\w']*\b")
            self.dict_vec_ = DictVectorizer()
            parts = [self.sent_vec_.fit_transform(masked),
                     self.left_vec_.fit_transform([c[0] for c in ctx]),
                     self.right_vec_.fit_transform([c[1] for c in ctx]),
                     self.dict_vec_.fit_transform(feats)]
        else:
            parts = [self.sent_vec_.transform(masked),
                     self.left_vec_.transform([c[0] for c in ctx]),
                     self.right_vec_.transform([c[1] for c in ctx]),
                     self.dict_vec_.transform(feats)]
        return sparse.hstack(parts).tocsr()

    def fit(self, texts, starts, ends, labels):
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier
        texts, starts, ends = list(texts), list(starts), list(ends)
        labels = [str(x) for x in labels]
        if len(set(labels)) < 2:
            raise NewslabError("training data needs at least two different labels")
        X = self._design(texts, starts, ends, fit=True)
        # one-vs-rest liblinear: as accurate here as multinomial lbfgs and ~10x faster
        self.clf_ = OneVsRestClassifier(LogisticRegression(C=self.C, solver="liblinear",
                                                           class_weight="balanced",
                                                           random_state=0))
        self.clf_.fit(X, labels)
        self.classes_ = list(self.clf_.classes_)
        self.n_train_ = len(labels)
        return self

    def _need_fit(self):
        if not hasattr(self, "clf_"):
            raise NewslabError("the stance model is not trained: call fit() first")

    def predict_proba(self, texts, starts, ends) -> np.ndarray:
        self._need_fit()
        X = self._design(list(texts), list(starts), list(ends), fit=False)
        proba = self.clf_.predict_proba(X)
        # make sure all three labels are columns (a model trained on two labels)
        full = np.zeros((proba.shape[0], 3))
        for i, c in enumerate(self.clf_.classes_):
            full[:, LABELS.index(c)] = proba[:, i]
        self.classes_ = list(LABELS)
        return full

    def predict(self, texts, starts, ends) -> list[str]:
        p = self.predict_proba(texts, starts, ends)
        return [LABELS[i] for i in p.argmax(axis=1)]

    def save(self, path) -> Path:
        import joblib
        self._need_fit()
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump({"newslab_stance_model": 1, "model": self}, p)
        return p

    def __repr__(self):
        n = getattr(self, "n_train_", None)
        return f"StanceModel(C={self.C}{'' if n is None else f', trained on {n}'})"


def load_model(path) -> StanceModel:
    """A :class:`StanceModel` saved by :meth:`StanceModel.save` (or ``newslab train-stance``)."""
    import joblib
    p = Path(path)
    if not p.is_file():
        raise NewslabError(f"stance model not found: {path}")
    try:
        obj = joblib.load(p)
    except Exception as e:  # noqa: BLE001 - any unpickling failure is a bad file
        raise NewslabError(f"{path} is not a newslab stance model ({type(e).__name__})") from None
    if not isinstance(obj, dict) or "newslab_stance_model" not in obj:
        raise NewslabError(f"{path} is not a newslab stance model")
    return obj["model"]


def train_model(gold: pd.DataFrame, **params) -> StanceModel:
    """Fit a :class:`StanceModel` on a gold table (text, start, end, label)."""
    return StanceModel(**params).fit(gold["text"], gold["start"], gold["end"], gold["label"])


# ---------------------------------------------------------------------------------------------
# gold files


def _find_target(text: str, target: str) -> tuple[int, int] | None:
    """Where ``target`` is in ``text``: the exact string (case-insensitive, on word
    boundaries), else any surface form of the same country (via ``newslab.countries``)."""
    m = re.search(r"(?<!\w)" + re.escape(target) + r"(?!\w)", text, flags=re.IGNORECASE)
    if m:
        return m.start(), m.end()
    try:
        from .countries import mentions_in_text
    except ImportError:
        return None
    want = {str(x.get("iso3")) for x in _as_records(mentions_in_text(target))}
    if not want:
        return None
    for x in _as_records(mentions_in_text(text)):
        if str(x.get("iso3")) in want:
            return int(x["start"]), int(x["end"])
    return None


def _as_records(obj) -> list[dict]:
    if isinstance(obj, pd.DataFrame):
        return obj.to_dict("records")
    return [o if isinstance(o, dict) else o._asdict() if hasattr(o, "_asdict") else vars(o)
            for o in obj]


def read_gold(path, *, format: str = "auto") -> pd.DataFrame:
    """A stance gold file as a table: text, target, start, end, label.

    ``jsonl``: lines ``{"text", "target", "label"}`` with optional ``"start"``/``"end"``
    (without them the target is found in the text: the string itself, else any surface form
    of the same country); ``newsmtsc``: NewsMTSC's JSON Lines read directly (one row per
    target; polarity 2.0/4.0/6.0 = negative/neutral/positive); ``auto`` tells them apart by
    the first line.
    """
    from .evaluation import read_jsonl
    p = Path(path)
    if format not in FORMATS:
        raise NewslabError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    if not p.is_file():
        raise NewslabError(f"gold file not found: {path}")
    if format == "auto":
        with p.open(encoding="utf-8-sig", errors="replace") as fh:
            first = next((ln for ln in fh if ln.strip()), "")
        format = "newsmtsc" if '"sentence_normalized"' in first else "jsonl"
    rows = []
    if format == "newsmtsc":
        for i, obj in enumerate(read_jsonl(p, required=("sentence_normalized", "targets")), 1):
            text = obj["sentence_normalized"]
            for t in obj["targets"]:
                lab = _MTSC.get(float(t.get("polarity", 0)))
                if lab is None:
                    raise NewslabError(f"{p.name}:{i}: unknown polarity {t.get('polarity')!r}")
                rows.append((text, t["mention"], int(t["from"]), int(t["to"]), lab))
    else:
        for i, obj in enumerate(read_jsonl(p, required=("text", "target", "label")), 1):
            text, target = str(obj["text"]), str(obj["target"])
            lab = str(obj["label"]).strip().lower()
            if lab not in LABELS:
                raise NewslabError(f"{p.name}:{i}: unknown label {obj['label']!r}; expected "
                                   f"{', '.join(LABELS)}")
            if "start" in obj and "end" in obj:
                s, e = int(obj["start"]), int(obj["end"])
                if not (0 <= s < e <= len(text)):
                    raise NewslabError(f"{p.name}:{i}: start/end {s}:{e} outside the text")
            else:
                span = _find_target(text, target)
                if span is None:
                    raise NewslabError(f"{p.name}:{i}: target {target!r} not found in the text "
                                       "(give start and end offsets)")
                s, e = span
            rows.append((text, target, s, e, lab))
    if not rows:
        raise NewslabError(f"no labelled targets in {path}")
    return pd.DataFrame(rows, columns=["text", "target", "start", "end", "label"])


def evaluate(gold: pd.DataFrame, *, method: str = "rules", model=None) -> dict:
    """Classification metrics of a method on a gold table (see ``read_gold``): n, accuracy,
    macro_f1, per_class, confusion, plus method."""
    from .evaluation import classification_metrics
    pred = score_targets(gold["text"], gold["start"], gold["end"], method=method, model=model)
    m = classification_metrics(gold["label"].tolist(), pred["label"].tolist())
    m["method"] = pred["method"].iloc[0] if len(pred) else method
    return m


# ---------------------------------------------------------------------------------------------
# per mention, per article, per country, dyads


def score_mentions(sentences: pd.DataFrame, mentions: pd.DataFrame, *, method: str = "rules",
                   model=None, attribution: pd.DataFrame | None = None,
                   organizations: bool = False) -> pd.DataFrame:
    """The ``stance`` table: one row per country mention (organizations left out unless
    ``organizations=True``), scored in its sentence by ``method``; with ``attribution``
    (from ``newslab.attribution.attribute_sentences``) each row also gets the sentence's
    speaker and the speaker's country (``source_iso3``)."""
    need_s = {"article_id", "sentence_id", "start", "text"}
    need_m = {"article_id", "sentence_id", "start", "end", "surface", "iso3", "country", "kind"}
    if not isinstance(sentences, pd.DataFrame) or need_s - set(sentences.columns):
        raise NewslabError("score_mentions needs the sentences table (article_id, "
                           "sentence_id, start, text)")
    if not isinstance(mentions, pd.DataFrame) or need_m - set(mentions.columns):
        raise NewslabError("score_mentions needs the mentions table (newslab.countries."
                           "find_mentions)")
    mm = mentions if organizations else mentions[mentions["kind"].ne("organization")]
    s = sentences[["article_id", "sentence_id", "start", "text"]].rename(
        columns={"start": "s_start", "text": "s_text"})
    df = mm.merge(s, on=["article_id", "sentence_id"], how="inner", validate="many_to_one")
    if len(df) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in STANCE_COLUMNS})
    rel_s = (df["start"] - df["s_start"]).to_numpy()
    rel_e = (df["end"] - df["s_start"]).to_numpy()
    sc = score_targets(df["s_text"], rel_s, rel_e, method=method, model=model)
    out = df[["article_id", "sentence_id", "start", "end", "surface", "iso3", "country",
              "kind"]].reset_index(drop=True)
    for c in ("score", "label", "method", "rule", "trigger", "role", "clause"):
        out[c] = sc[c].to_numpy()
    out["speaker"] = None
    out["source_iso3"] = None
    if attribution is not None and len(attribution):
        at = attribution[["article_id", "sentence_id", "speaker", "speaker_iso3",
                          "speaker_start", "speaker_end"]]
        j = out[["article_id", "sentence_id", "start"]].merge(
            at, on=["article_id", "sentence_id"], how="left")
        # a mention inside the speaker phrase ("Russian Foreign Minister ...") is the source,
        # not a target of what is said
        inside = (j["speaker_start"].notna() & (j["start"] >= j["speaker_start"].fillna(-1))
                  & (j["start"] < j["speaker_end"].fillna(-1))).to_numpy(dtype=bool)
        out["speaker"] = j["speaker"].where(~inside, None).to_numpy()
        out["source_iso3"] = j["speaker_iso3"].where(~inside, None).to_numpy()
    out["start"] = out["start"].astype(np.int64)
    out["end"] = out["end"].astype(np.int64)
    return out[STANCE_COLUMNS]


def bootstrap_ci(values, *, n_boot: int = 1000, level: float = 0.95,
                 seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean (fixed seed: the same answer every run);
    NaN for no values, the value itself for one."""
    v = np.asarray(values, dtype=float)
    if len(v) == 0:
        return float("nan"), float("nan")
    if len(v) == 1:
        return float(v[0]), float(v[0])
    rng = np.random.default_rng(seed)
    means = v[rng.integers(0, len(v), size=(n_boot, len(v)))].mean(axis=1)
    a = (1 - level) / 2
    return float(np.quantile(means, a)), float(np.quantile(means, 1 - a))


def _summarise(score: np.ndarray, label: np.ndarray, rule: np.ndarray, clause: np.ndarray,
               n_evidence: int) -> dict:
    v = score.astype(float)
    lo, hi = bootstrap_ci(v)
    mean = float(v.mean())
    order = np.argsort(-np.abs(v), kind="stable")[:n_evidence]
    ev = " | ".join(f"{v[i]:+.2f} [{rule[i]}] {clause[i]}" for i in order)
    return {"n_mentions": len(v), "mean_score": round(mean, 4), "ci_low": round(lo, 4),
            "ci_high": round(hi, 4), "label": _label(mean),
            "n_negative": int((label == "negative").sum()),
            "n_neutral": int((label == "neutral").sum()),
            "n_positive": int((label == "positive").sum()), "evidence": ev}


def _aggregate(df: pd.DataFrame, keys: list[str], n_evidence: int) -> list[dict]:
    """One summary per group of ``keys`` (groups in order of first appearance)."""
    score = df["score"].to_numpy(dtype=float)
    label = df["label"].to_numpy(dtype=object)
    rule = df["rule"].to_numpy(dtype=object)
    clause = df["clause"].to_numpy(dtype=object)
    aids = df["article_id"].to_numpy(dtype=object)
    rows = []
    groups = df.groupby(keys, sort=False, dropna=False).indices
    for key, idx in groups.items():
        key = key if isinstance(key, tuple) else (key,)
        d = dict(zip(keys, key))
        d["n_articles"] = len(set(aids[idx]))
        d.update(_summarise(score[idx], label[idx], rule[idx], clause[idx], n_evidence))
        rows.append(d)
    return rows


ARTICLE_STANCE_COLUMNS = ["article_id", "iso3", "country", "n_mentions", "mean_score",
                          "ci_low", "ci_high", "label", "n_negative", "n_neutral",
                          "n_positive", "evidence"]


def article_stance(stance: pd.DataFrame, *, n_evidence: int = 3) -> pd.DataFrame:
    """Per article x country: n_mentions, mean_score, a 95% bootstrap interval (seed 0),
    label, label counts and ``evidence``: the ``n_evidence`` strongest mentions as
    "score [rule] clause" (the full list: :func:`evidence`)."""
    if len(stance) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in ARTICLE_STANCE_COLUMNS})
    rows = _aggregate(stance, ["article_id", "iso3", "country"], n_evidence)
    out = pd.DataFrame(rows, columns=ARTICLE_STANCE_COLUMNS)
    return out.sort_values(["article_id", "n_mentions", "iso3"], ascending=[True, False, True],
                           kind="stable").reset_index(drop=True)


def evidence(stance: pd.DataFrame, sentences: pd.DataFrame | None = None, *, iso3=None,
             article_id=None) -> pd.DataFrame:
    """The mentions behind a score, strongest first: article_id, sentence_id, surface, iso3,
    score, label, rule, trigger, role, clause, speaker (and the sentence text when
    ``sentences`` is given)."""
    s = stance
    if iso3 is not None:
        s = s[s["iso3"] == iso3]
    if article_id is not None:
        s = s[s["article_id"] == article_id]
    cols = ["article_id", "sentence_id", "surface", "iso3", "score", "label", "rule", "trigger",
            "role", "clause", "speaker"]
    out = s[cols]
    if sentences is not None:
        out = out.merge(sentences[["article_id", "sentence_id", "text"]].rename(
            columns={"text": "sentence"}), on=["article_id", "sentence_id"], how="left")
    order = np.argsort(-out["score"].abs().to_numpy(), kind="stable")
    return out.iloc[order].reset_index(drop=True)


COUNTRY_STANCE_COLUMNS = ["iso3", "country", "n_articles", "n_mentions", "mean_score",
                          "ci_low", "ci_high", "label", "n_negative", "n_neutral",
                          "n_positive", "evidence"]


def country_stance(stance: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                   by: str | list[str] | None = None, n_evidence: int = 3) -> pd.DataFrame:
    """Per corpus x country (and per ``by`` column of ``articles``, e.g. "outlet", or "date"
    for days, "month" for months): n_articles, n_mentions, mean score over mentions with a
    bootstrap interval, label, label counts, evidence."""
    s = stance
    keys = []
    if by is not None:
        if articles is None:
            raise NewslabError("country_stance(by=...) needs the articles table")
        by = [by] if isinstance(by, str) else list(by)
        a = articles[["article_id"] + [b for b in by if b in articles.columns
                                       and b != "month"]].copy()
        if "month" in by:
            a["month"] = pd.to_datetime(articles["date"], errors="coerce").dt.to_period(
                "M").astype(str)
        missing = [b for b in by if b not in a.columns]
        if missing:
            raise NewslabError(f"articles has no column(s) {', '.join(missing)}")
        if "date" in by:
            a["date"] = pd.to_datetime(a["date"], errors="coerce").dt.normalize()
        s = s.merge(a, on="article_id", how="left")
        keys = by
    cols = keys + COUNTRY_STANCE_COLUMNS
    if len(s) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    rows = _aggregate(s, keys + ["iso3", "country"], n_evidence)
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(keys + ["n_mentions", "iso3"],
                           ascending=[True] * len(keys) + [False, True],
                           kind="stable").reset_index(drop=True)


DYAD_COLUMNS = ["source_iso3", "target_iso3", "target_country", "n_mentions", "n_articles",
                "mean_score", "ci_low", "ci_high", "label", "evidence"]


def dyads(stance: pd.DataFrame, *, n_evidence: int = 2) -> pd.DataFrame:
    """Source country -> target country: mentions of the target in sentences attributed to
    a speaker of the source country (``stance.source_iso3``), with their mean score,
    bootstrap interval, label and evidence ("speaker: score clause")."""
    s = stance[stance["source_iso3"].notna()] if "source_iso3" in stance else stance.iloc[:0]
    if len(s) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in DYAD_COLUMNS})
    rows = []
    for (src, tgt, country), g in s.groupby(["source_iso3", "iso3", "country"], sort=False):
        v = g["score"].to_numpy(dtype=float)
        lo, hi = bootstrap_ci(v)
        order = np.argsort(-np.abs(v), kind="stable")[:n_evidence]
        ev = " | ".join(f"{g['speaker'].iloc[i]}: {v[i]:+.2f} {g['clause'].iloc[i]}"
                        for i in order)
        rows.append({"source_iso3": src, "target_iso3": tgt, "target_country": country,
                     "n_mentions": len(v), "n_articles": int(g["article_id"].nunique()),
                     "mean_score": round(float(v.mean()), 4), "ci_low": round(lo, 4),
                     "ci_high": round(hi, 4), "label": _label(float(v.mean())),
                     "evidence": ev})
    out = pd.DataFrame(rows, columns=DYAD_COLUMNS)
    return out.sort_values(["n_mentions", "source_iso3", "target_iso3"],
                           ascending=[False, True, True], kind="stable").reset_index(drop=True)


def analyze_stance(articles: pd.DataFrame, *, method: str = "rules", model=None,
                   sentences: pd.DataFrame | None = None,
                   mentions: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Everything for a corpus in memory: sentences (if not given), mentions (if not given),
    attribution, stance, article_stance, country_stance, stance_dyads."""
    from .attribution import attribute_sentences
    from .tokenize import sentences as _sentences
    if sentences is None:
        sentences = _sentences(articles)
    if mentions is None:
        from .countries import find_mentions
        mentions = find_mentions(sentences, articles)
    att = attribute_sentences(sentences, articles=articles)
    st = score_mentions(sentences, mentions, method=method, model=model, attribution=att)
    return {"mentions": mentions, "attribution": att, "stance": st,
            "article_stance": article_stance(st),
            "country_stance": country_stance(st), "stance_dyads": dyads(st)}


def stance_stage(tables: dict) -> dict:
    """Pipeline batch stage: needs ``sentences`` and ``articles`` (and ``mentions`` when an
    earlier stage made it; otherwise mentions are found here). Returns ``attribution``,
    ``stance`` (per mention, rules method) and ``article_stance``."""
    from .attribution import attribute_sentences
    sentences, articles = tables["sentences"], tables.get("articles")
    mentions = tables.get("mentions")
    if mentions is None:
        from .countries import find_mentions
        mentions = find_mentions(sentences, articles)
    att = attribute_sentences(sentences, articles=articles)
    st = score_mentions(sentences, mentions, attribution=att)
    return {"attribution": att, "stance": st, "article_stance": article_stance(st)}


def stance_corpus_stage(tables) -> dict:
    """Pipeline corpus stage: needs ``stance`` (article_id, iso3, country, score, label, rule,
    clause, speaker, source_iso3) and ``articles`` (article_id, date, outlet). Returns
    ``country_stance`` and ``stance_dyads``; also ``country_stance_by_outlet`` when the
    corpus has several outlets and ``country_stance_by_month`` when it spans several months."""
    st = tables["stance"]
    arts = tables["articles"] if "articles" in tables else None
    out = {"country_stance": country_stance(st), "stance_dyads": dyads(st)}
    if arts is not None and "outlet" in arts and arts["outlet"].nunique() > 1:
        out["country_stance_by_outlet"] = country_stance(st, arts, by="outlet")
    if arts is not None and "date" in arts:
        months = pd.to_datetime(arts["date"], errors="coerce").dt.to_period("M").dropna()
        if months.nunique() > 1:
            out["country_stance_by_month"] = country_stance(st, arts, by="month")
    return out


stance_corpus_stage.needs = {
    "stance": ["article_id", "iso3", "country", "score", "label", "rule", "clause", "speaker",
               "source_iso3"],
    "articles": ["article_id", "date", "outlet"],
}
#: the aggregates read about 9 short columns per mention: fine in memory well past the
#: pipeline's default whole-table limit
stance_corpus_stage.max_articles = 200_000
