"""Features of one target for the trained model (``newslab.stance.model``).

:func:`target_features` gives the hand-built signals, all computed from the sentence alone:

- what the rules know: the rule, the role, the act or evaluative word with its role, the
  rules' score, negation and hedges, and whether the rules decided neutral structurally
  (location, origin, dateline, topic, speaker, procedural, listed);
- what the target is: a country name, demonym, capital, institution or leader (newslab's
  gazetteer), a pronoun, or something else (most NewsMTSC targets are people), and the same
  rule signals crossed with that kind, so that the model can learn that a country's
  location role means something different from a person's;
- lexicon polarity (VADER, news lexicon) of the words left and right of the target,
  weighted by distance, and of the target's own clause with the target masked; the
  lexicon's positive and negative valence within 3 and 8 words either side, a word in a
  negator's scope (up to three words after "not", "never", "no", ...) turned round; the
  clause's and the sides' polarity crossed with the target's role (agent, object, ...);
- the target's position, whether it sits inside quotation marks, the sentence length.

:func:`target_signals` also returns the target's own clause with the target masked (the
model's fourth text block: words of the clause apart from the rest of the sentence).

:func:`masked` is the sentence with the target replaced by a placeholder; :func:`contexts`
the words left and right of the target (separate vocabularies in the model).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

import numpy as np

from ..errors import NewslabError
from .persons import target_kind
from .clauses import NEG, _analysed
from .rules import rules_score

#: the windows (words either side of the target) of the negation-aware lexicon sums
WINDOWS = (3, 8)
#: a lexicon word in a negator's scope counts this times its valence (VADER's own factor)
NEGATED = -0.74
#: rules whose neutral is a structural decision (not merely "found nothing")
NEUTRAL_RULES = frozenset("dateline origin location topic speaker procedural".split())
_WORD = re.compile(r"\w+(?:'\w+)?")


@lru_cache(maxsize=8192)
def _lexicon_hits(text: str) -> tuple[tuple[int, float, bool], ...]:
    """The words of a sentence with a lexicon valence, once per text: (token index,
    valence, whether a negator stands up to three words before it: its negation scope)."""
    from ..sentiment import get_analyzer
    lex = get_analyzer("news").lexicon
    toks = _analysed(text)[0]
    out = []
    for i, (_, _, w) in enumerate(toks):
        val = lex.get(w)
        if val:
            out.append((i, val, any(toks[j][2] in NEG for j in range(max(0, i - 3), i))))
    return tuple(out)


@lru_cache(maxsize=65536)
def _vader(text: str) -> tuple[float, float, float]:
    """(compound, pos, neg) of VADER (news lexicon) on ``text``, once per distinct window:
    a target's left and right text, its sentence and clause with it masked."""
    from ..sentiment import get_analyzer
    s = get_analyzer("news").polarity_scores(text)
    return s["compound"], s["pos"], s["neg"]


def _quoted(text: str, start: int) -> bool:
    before = text[:start]
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")


def target_features(text: str, start: int, end: int) -> dict:
    """The hand-built signals of one target (see the module doc)."""
    return target_signals(text, start, end)[0]


def target_signals(text: str, start: int, end: int) -> tuple[dict, str]:
    """(:func:`target_features`, the target's clause with the target masked: the model's
    ``clause`` text block; the whole sentence masked when the rules found no clause)."""
    a = _analysed(text)  # the rules' tokens of this sentence (cached per text)
    toks, starts_ends = a[0], (a[5], a[6])
    kind = target_kind(text[start:end])
    f = {f"kind={kind}": 1.0}
    clause_doc = masked(text, start, end)
    try:
        r = rules_score(text, start, end)
    except NewslabError:
        r = None
    if r is not None:
        base = (r.before or r.rule).split("+")[0]
        sig = {"rules_score": 0.0 if r.before else r.score, f"rule={base}": 1.0,
               f"role={r.role or 'none'}": 1.0}
        if r.trigger and not r.before:
            sig[f"act={r.trigger}|{r.role}"] = 1.0
        if "negation" in r.rule:
            sig["rule_negation"] = 1.0
        if "hedge" in r.rule:
            sig["rule_hedge"] = 1.0
        if base in NEUTRAL_RULES:
            sig["neutral_decided"] = 1.0
        if r.before:
            sig["person_words"] = r.score
        f.update(sig)
        f.update({f"{kind}:{k}": v for k, v in sig.items() if not k.startswith("act=")})
        clause = r.clause
        cs = text.find(clause) if clause else -1
        if cs >= 0 and cs <= start and end <= cs + len(clause):
            masked_clause = clause[:start - cs] + " " + clause[end - cs:]
            clause_doc = clause[:start - cs] + " TARGETX " + clause[end - cs:]
            f["clause_compound"] = _vader(masked_clause)[0] if masked_clause.strip() else 0.0
            f[f"{kind}:clause_compound"] = f["clause_compound"]
    # the tokens that overlap [start, end) (tokens are in order and do not overlap)
    ti, tj = bisect_right(starts_ends[1], start), bisect_left(starts_ends[0], end) - 1
    if tj < ti:
        ti = tj = 0
    lpos = lneg = rpos = rneg = 0.0
    win: dict[str, float] = {}
    for i, val, negated in _lexicon_hits(text):
        if ti <= i <= tj:
            continue
        d = (ti - i) if i < ti else (i - tj)
        wgt = 1.0 / (1.0 + 0.3 * d)
        if i < ti:
            lpos, lneg = lpos + wgt * max(val, 0), lneg + wgt * max(-val, 0)
        else:
            rpos, rneg = rpos + wgt * max(val, 0), rneg + wgt * max(-val, 0)
        if d <= WINDOWS[-1]:
            if negated:
                val *= NEGATED
            side = "left" if i < ti else "right"
            pole = "pos" if val > 0 else "neg"
            for n in WINDOWS:
                if d <= n:
                    k = f"win{n}_{side}_{pole}"
                    win[k] = win.get(k, 0.0) + abs(val) / 4
    f.update(lex_left_pos=lpos / 4, lex_left_neg=lneg / 4, lex_right_pos=rpos / 4,
             lex_right_neg=rneg / 4)
    f.update(win)
    f["left_compound"] = _vader(text[:start])[0] if start else 0.0
    f["right_compound"] = _vader(text[end:])[0] if end < len(text) else 0.0
    f["sent_compound"], f["sent_pos"], f["sent_neg"] = _vader(text[:start] + " " + text[end:])
    role = (r.role or "none") if r is not None else "none"
    for k in ("left_compound", "right_compound", "sent_compound", "clause_compound"):
        if k in f:
            f[f"role={role}:{k}"] = f[k]
            if k != "clause_compound":
                f[f"{kind}:{k}"] = f[k]
    f["position"] = start / max(len(text), 1)
    f["target_first"] = float(ti == 0)
    f["n_tokens_log"] = float(np.log1p(len(toks)))
    if _quoted(text, start):
        f["in_quotes"] = 1.0
    if '"' in text or "“" in text:
        f["has_quotes"] = 1.0
    return f, clause_doc


def masked(text: str, start: int, end: int) -> str:
    return text[:start] + " TARGETX " + text[end:]


def contexts(text: str, start: int, end: int, n: int = 6) -> tuple[str, str]:
    left = _WORD.findall(text[:start].lower())[-n:] if n else []
    right = _WORD.findall(text[end:].lower())[:n]
    return " ".join(left), " ".join(right)
