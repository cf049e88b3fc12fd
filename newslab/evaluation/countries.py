"""Country mentions against hand-coded sentences.

``newslab evaluate countries GOLD.jsonl [--json]``, each line
``{"text": ..., "countries": ["USA", "RUS"], "date": "2021-11-30", "source": "..."}`` (date
and source optional; with sources, figures are also given per source). The shipped gold set,
``data/annotations/countries_gold.jsonl``, follows one guideline: a sentence refers to a
country when it names it, its people, its capital or seat of government as an actor, one of
its institutions or officials (leaders only while in office), or a territory it governs;
organizations, regions ("Latin America"), other cities and languages do not count. Its
sources: ``seed`` (the seed article's sentences), ``hard case`` (written for the issue's
traps, the rules were tuned on them) and ``held-out`` (written and labelled before the
matcher was run on them, and left as they were: the honest figure).
"""

from __future__ import annotations

from ..countries import countries_only, country_names, mentions_in_text
from ..errors import NewslabError
from .metrics import read_jsonl, set_metrics


def read_gold(path) -> list[dict]:
    """A country gold file: JSON Lines ``{"text", "countries": [ISO3, ...], "date"?}``."""
    rows = read_jsonl(path, required=("text", "countries"))
    known = set(country_names())
    for i, r in enumerate(rows, start=1):
        if not isinstance(r["text"], str) or not isinstance(r["countries"], list):
            raise NewslabError(f"gold item {i}: 'text' must be a string and 'countries' a "
                               f"list of ISO alpha-3 codes")
        bad = [c for c in r["countries"] if c not in known]
        if bad:
            raise NewslabError(f"gold item {i}: unknown country code(s) {', '.join(map(str, bad))}"
                               f" (use ISO 3166-1 alpha-3, e.g. USA, RUS; XKX for Kosovo)")
    return rows


def evaluate(gold_rows: list[dict], *, extra=None) -> dict:
    """Micro precision/recall/F1 of the sentence-level country sets, with the errors.

    Keys: ``n, precision, recall, f1, tp, n_pred, n_gold, errors`` (each error: ``text,
    gold, pred, missed, spurious, surfaces``)."""
    golds, preds, errors = [], [], []
    for r in gold_rows:
        mm = countries_only(mentions_in_text(r["text"], date=r.get("date"), extra=extra))
        g, p = set(r["countries"]), set(mm["iso3"])
        golds.append(g)
        preds.append(p)
        if g != p:
            errors.append({"text": r["text"], "gold": sorted(g), "pred": sorted(p),
                           "missed": sorted(g - p), "spurious": sorted(p - g),
                           "surfaces": [f"{s}={c}" for s, c in zip(mm["surface"], mm["iso3"])]})
    m = set_metrics(golds, preds)
    m["errors"] = errors
    sources = [r.get("source") for r in gold_rows]
    if any(sources):
        m["by_source"] = {}
        for src in sorted({x for x in sources if x}):
            idx = [i for i, x in enumerate(sources) if x == src]
            sm = set_metrics([golds[i] for i in idx], [preds[i] for i in idx])
            m["by_source"][src] = {k: sm[k] for k in ("n", "precision", "recall", "f1")}
    return m
