"""Features of one target for the trained model (``newslab.stance.model``).

:func:`target_features` gives the hand-built signals (the rules' role, act, rule and score;
VADER on the clause, the sentence and each side of the target; lexicon polarity left and
right of the target weighted by distance; the target's position); :func:`masked` the
sentence with the target replaced by a placeholder; :func:`contexts` the words left and
right of the target.
"""

from __future__ import annotations

import re

import numpy as np

from ..errors import NewslabError
from .rules import _tokenize, rules_score


def target_features(text: str, start: int, end: int) -> dict:
    """Hand-built signals for one target: rule outputs, lexicon polarity near the target."""
    from ..sentiment import get_analyzer
    an = get_analyzer("news")
    toks = _tokenize(text)
    f = {}
    try:
        r = rules_score(text, start, end, analyzer=an, toks=toks)
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


def masked(text: str, start: int, end: int) -> str:
    return text[:start] + " TARGETX " + text[end:]


def contexts(text: str, start: int, end: int, n: int = 6) -> tuple[str, str]:
    left = re.findall(r"\w+(?:'\w+)?", text[:start].lower())[-n:] if n else []
    right = re.findall(r"\w+(?:'\w+)?", text[end:].lower())[:n]
    return " ".join(left), " ".join(right)

